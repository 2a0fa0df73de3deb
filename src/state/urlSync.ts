// Binds the store to location.hash: read at start and on hashchange, written back (debounced).
// Everything it needs is passed in by the composition root (main.tsx): the link's JSON
// parameters and how to move the map when a pasted link changes the view.
import type { AppState } from './appState';
import { act, useStore } from './store';
import { decodeHash, encodeHash, type ViewState } from './url';
import { applyUrl, checkersOf, toUrlState, type StateParam } from './urlState';

export interface UrlSyncOptions {
  params: readonly StateParam[];
  /** Moves the map to a view read from a changed hash (the map is not driven by the store). */
  jumpTo?: (view: ViewState) => void;
  /** Debounce of hash writes, ms. */
  delayMs?: number;
}

export interface UrlSync {
  /** Applies the current hash to the store (when it holds anything); returns whether it did. */
  read(): boolean;
  /** Starts writing the store into the hash and reading pasted links; returns the stop function. */
  start(): () => void;
  /** The hash that describes a state (for share links, embeds and export metadata). */
  hashOf(s: AppState): string;
}

function knownLayerIds(s: AppState): Set<string> {
  return new Set([...(s.catalog?.layers.map((l) => l.id) ?? []), ...s.userLayers.map((l) => l.id)]);
}

export function createUrlSync({ params, jumpTo, delayMs = 150 }: UrlSyncOptions): UrlSync {
  const checkers = checkersOf(params);
  let lastWritten = '';

  const read = (): boolean => {
    if (!location.hash.replace(/^#/, '')) return false;
    const { state, notices } = decodeHash(location.hash, { checkers, knownLayers: knownLayerIds(useStore.getState()) });
    act(applyUrl, state, notices, params);
    return true;
  };

  const start = (): (() => void) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (s: AppState) => {
      if (!s.catalog) return;
      const hash = encodeHash(toUrlState(s, params));
      if (hash === lastWritten) return;
      lastWritten = hash;
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    };
    const unsub = useStore.subscribe((s) => {
      clearTimeout(timer);
      timer = setTimeout(() => write(s), delayMs);
    });
    const onHash = () => {
      if (location.hash === lastWritten) return;
      if (!read()) return;
      jumpTo?.(useStore.getState().view);
    };
    window.addEventListener('hashchange', onHash);
    write(useStore.getState());
    return () => {
      clearTimeout(timer);
      unsub();
      window.removeEventListener('hashchange', onHash);
    };
  };

  return { read, start, hashOf: (s) => encodeHash(toUrlState(s, params)) };
}
