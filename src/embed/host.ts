// The embedded map's side of the postMessage API: listens for host commands from
// allowed origins and posts events to the parent page. Wiring to the store is in
// src/state/embed.ts (this file knows nothing of the app's state).
import { isAllowedOrigin, parseHostMessage, PROTOCOL_PREFIX, type HostCommand, type MapEvent } from './messages';

export interface EmbedStats {
  /** Commands applied. */
  accepted: number;
  /** Protocol messages from origins not in the allow-list (ignored silently). */
  rejected: number;
  /** Protocol messages from allowed origins that failed validation (ignored with a warning). */
  invalid: number;
  /** The allow-list in force (same origin is always allowed). */
  origins: string[];
}

export interface HostOptions {
  origins: string[];
  apply: (cmd: HostCommand, origin: string) => void;
  win?: Window;
}

export interface EmbedHost {
  stats: EmbedStats;
  /** Posts to the parent page if its origin is known and allowed; returns whether it did. */
  post: (msg: MapEvent) => boolean;
  stop: () => void;
}

const looksOurs = (d: unknown): boolean =>
  typeof d === 'object' && d !== null && typeof (d as { type?: unknown }).type === 'string' &&
  ((d as { type: string }).type).startsWith(PROTOCOL_PREFIX);

export function startEmbedHost(opts: HostOptions): EmbedHost {
  const win = opts.win ?? window;
  const self = win.location.origin;
  const stats: EmbedStats = { accepted: 0, rejected: 0, invalid: 0, origins: [...opts.origins] };
  let lastHostOrigin: string | null = null;

  const onMessage = (e: MessageEvent) => {
    if (!isAllowedOrigin(e.origin, opts.origins, self)) {
      if (looksOurs(e.data)) stats.rejected++;
      return;
    }
    const r = parseHostMessage(e.data);
    if (!r) return;
    if ('error' in r) {
      stats.invalid++;
      console.warn(`[renewal-map] ignored message from ${e.origin}: ${r.error}`);
      return;
    }
    if (e.source && e.source === win.parent) lastHostOrigin = e.origin;
    stats.accepted++;
    opts.apply(r.command, e.origin);
  };
  win.addEventListener('message', onMessage);

  // Where the parent page lives: Chromium/WebKit expose it directly, Firefox through the referrer.
  const parentOrigin = (): string | null => {
    if (lastHostOrigin) return lastHostOrigin;
    const ancestors = win.location.ancestorOrigins;
    if (ancestors && ancestors.length) return ancestors[0];
    try {
      return win.document.referrer ? new URL(win.document.referrer).origin : null;
    } catch {
      return null;
    }
  };

  const post = (msg: MapEvent): boolean => {
    if (win.parent === win) return false;
    const target = parentOrigin();
    if (!target || !isAllowedOrigin(target, opts.origins, self)) return false;
    win.parent.postMessage(msg, target);
    return true;
  };

  return { stats, post, stop: () => win.removeEventListener('message', onMessage) };
}
