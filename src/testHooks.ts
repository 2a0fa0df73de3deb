// Hooks for the browser tests, on `window`: only the build made for them (`vite build --mode e2e`,
// see vite.config.ts) includes this module; the production bundle has none of these names
// (tests/e2e/bundle.spec.ts checks). The public API, window.renewalMap, is not a test hook.
import type { EmbedHost } from './embed/host';
import { analysisStatus } from './ui/analysis/testHook';

export function installTestHooks(o: { embedHost: EmbedHost | null }): void {
  const w = window as unknown as Record<string, unknown>;
  w.renewalAnalysis = { status: analysisStatus };
  if (o.embedHost) w.renewalEmbed = { stats: o.embedHost.stats };
}

/** The names the hooks take; the production bundle must contain none. */
export const TEST_HOOK_NAMES = ['renewalAnalysis', 'renewalEmbed'];
