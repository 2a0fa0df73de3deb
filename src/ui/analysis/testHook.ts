// Browser-test hook `window.renewalAnalysis.status()`: the analysis run's status and totals.
// Installed by src/testHooks.ts, which only the browser-test build (vite --mode e2e) includes.
import { useResults } from '../../state/derivedResults';

export function analysisStatus() {
  const s = useResults.getState();
  return { status: s.status, runId: s.runId, coveredPct: s.result?.coveredPct ?? null, rows: s.result?.perZone.length ?? 0, edges: s.edges?.features.length ?? 0 };
}
