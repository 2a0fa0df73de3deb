// Binds the store to location.hash: read once at start and on hashchange; write back, debounced.
import { getMap } from '../map/mapHandle';
import { act, useStore } from './store';
import { applyUrl, toUrlState, type AppState } from './updaters';
import { checkThematic } from './thematic';
import { decodeHash, encodeHash, type DecodeOptions, type UrlState } from './url';

const validators: Omit<DecodeOptions, 'knownLayers'> = {};

/** Other modules register how their URL part is checked: 'f' (filters) or 'an' (analysis). */
export function registerUrlValidator(part: 'f' | 'an', fn: NonNullable<DecodeOptions['validateFilters']>): void {
  if (part === 'f') validators.validateFilters = fn;
  else validators.validateAnalysis = fn;
}

export function readUrl(known?: ReadonlySet<string>): UrlState {
  const { state, notices } = decodeHash(location.hash, { ...validators, checkThematic, knownLayers: known });
  act(applyUrl, state, notices);
  return state;
}

let lastWritten = '';

export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (s: AppState) => {
    if (!s.catalog) return;
    const hash = encodeHash(toUrlState(s));
    if (hash === lastWritten) return;
    lastWritten = hash;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  };
  const unsub = useStore.subscribe((s) => {
    clearTimeout(timer);
    timer = setTimeout(() => write(s), 150);
  });
  const onHash = () => {
    if (location.hash === lastWritten) return;
    const st = useStore.getState();
    const known = new Set([...(st.catalog?.layers.map((l) => l.id) ?? []), ...st.userLayers.map((l) => l.id)]);
    const u = readUrl(known);
    const map = getMap();
    if (u.view && map) map.jumpTo({ center: [u.view.lng, u.view.lat], zoom: u.view.zoom, bearing: u.view.bearing, pitch: u.view.pitch });
  };
  window.addEventListener('hashchange', onHash);
  return () => {
    unsub();
    window.removeEventListener('hashchange', onHash);
  };
}
