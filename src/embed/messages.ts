// The postMessage protocol between an embedded map (iframe) and its host page.
// Pure: parsing and validation only; src/embed/host.ts does the listening.
//
// Host → map (accepted only from allowed origins):
//   { type: 'renewal-map:set-view', view: { lng, lat, zoom, bearing?, pitch? } }
//   { type: 'renewal-map:set-layers', layers: ['districts', …] }
//   { type: 'renewal-map:set-filters', filters: { <layerId>: LayerFilter, … } }
//   { type: 'renewal-map:set-style', layerId, style: ThematicStyle | null }  (null: the catalog style)
// Map → host:
//   { type: 'renewal-map:ready', version: 1, layers: [...] }
//   { type: 'renewal-map:feature-click', layerId, properties }
import { parseLayerFilter, type FilterState } from '../lib/filterModel';
import { checkThematicStyle, type ThematicStyle } from '../state/thematic';

export const PROTOCOL_PREFIX = 'renewal-map:';
export const PROTOCOL_VERSION = 1;

export interface EmbedView {
  lng: number;
  lat: number;
  zoom: number;
  bearing?: number;
  pitch?: number;
}

export type HostCommand =
  | { type: 'renewal-map:set-view'; view: EmbedView }
  | { type: 'renewal-map:set-layers'; layers: string[] }
  | { type: 'renewal-map:set-filters'; filters: FilterState }
  | { type: 'renewal-map:set-style'; layerId: string; style: ThematicStyle | null };

export type MapEvent =
  | { type: 'renewal-map:ready'; version: number; layers: string[] }
  | { type: 'renewal-map:feature-click'; layerId: string; properties: Record<string, unknown> };

/**
 * `null`: not a message of this protocol (other scripts use postMessage too) — ignore silently.
 * `{ error }`: ours but invalid — ignore with a warning.
 */
export type ParseResult = { command: HostCommand } | { error: string } | null;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const MAX_LAYERS = 200;

function parseView(v: unknown): EmbedView | string {
  if (!isObj(v)) return 'view: not an object';
  const { lng, lat, zoom, bearing, pitch } = v;
  if (!num(lng) || lng < -180 || lng > 180) return 'view.lng: not a longitude in [-180, 180]';
  if (!num(lat) || lat < -85 || lat > 85) return 'view.lat: not a latitude in [-85, 85]';
  if (!num(zoom) || zoom < 0 || zoom > 22) return 'view.zoom: not a zoom in [0, 22]';
  const out: EmbedView = { lng, lat, zoom };
  if (bearing !== undefined) {
    if (!num(bearing)) return 'view.bearing: not a number';
    out.bearing = ((bearing % 360) + 360) % 360;
  }
  if (pitch !== undefined) {
    if (!num(pitch) || pitch < 0 || pitch > 85) return 'view.pitch: not in [0, 85]';
    out.pitch = pitch;
  }
  return out;
}

function parseFilters(f: unknown): FilterState | string {
  if (!isObj(f)) return 'filters: not an object';
  const out: FilterState = {};
  for (const [layerId, lf] of Object.entries(f)) {
    const { filter, errors } = parseLayerFilter(lf);
    if (errors.length) return `filters.${layerId}: ${errors.join('; ')}`;
    if (Object.keys(filter).length) out[layerId] = filter;
  }
  return out;
}

/** Validates a message's data. Never throws. */
export function parseHostMessage(data: unknown): ParseResult {
  if (!isObj(data) || typeof data.type !== 'string' || !data.type.startsWith(PROTOCOL_PREFIX)) return null;
  switch (data.type) {
    case 'renewal-map:set-view': {
      const v = parseView(data.view);
      return typeof v === 'string' ? { error: v } : { command: { type: data.type, view: v } };
    }
    case 'renewal-map:set-layers': {
      const l = data.layers;
      if (!Array.isArray(l) || l.length > MAX_LAYERS || !l.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 100)) {
        return { error: 'layers: not a list of layer ids' };
      }
      return { command: { type: data.type, layers: [...new Set(l as string[])] } };
    }
    case 'renewal-map:set-filters': {
      const f = parseFilters(data.filters);
      return typeof f === 'string' ? { error: f } : { command: { type: data.type, filters: f } };
    }
    case 'renewal-map:set-style': {
      const id = data.layerId;
      if (typeof id !== 'string' || !id || id.length > 100) return { error: 'layerId: not a layer id' };
      if (data.style === null) return { command: { type: data.type, layerId: id, style: null } };
      const r = checkThematicStyle(data.style, id);
      if (!r.value) return { error: `style: ${r.notices.map((n) => n.message.en).join('; ')}` };
      if (r.notices.length) return { error: `style: ${r.notices.map((n) => n.message.en).join('; ')}` };
      return { command: { type: data.type, layerId: id, style: r.value } };
    }
    default:
      return { error: `unknown message type "${data.type.slice(0, 60)}"` };
  }
}

/**
 * The `origins` query parameter (comma-separated) as normalised origins.
 * Only http(s) origins without path, query or credentials are kept; the rest are returned in `rejected`.
 */
export function parseOrigins(param: string | null | undefined): { origins: string[]; rejected: string[] } {
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const raw of (param ?? '').split(/[,\s]+/)) {
    const s = raw.trim();
    if (!s) continue;
    const o = normaliseOrigin(s);
    if (o) {
      if (!origins.includes(o)) origins.push(o);
    } else rejected.push(s);
  }
  return { origins, rejected };
}

function normaliseOrigin(s: string): string | null {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) return null;
  // A trailing slash is fine ("https://a.example/"), any other path is not.
  if (!/^https?:\/\/[^/]+\/?$/i.test(s)) return null;
  return u.origin;
}

/** Same origin is always allowed; others only when listed. "null" (opaque) origins never are. */
export function isAllowedOrigin(origin: string, allowed: readonly string[], self: string): boolean {
  if (!origin || origin === 'null') return false;
  return origin === self || allowed.includes(origin);
}

/** Properties safe to post (structured-clone-able plain values; internal `__*` dropped). */
export function cloneableProperties(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (k.startsWith('__')) continue;
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
    else if (typeof v === 'object') {
      try {
        out[k] = JSON.parse(JSON.stringify(v));
      } catch {
        /* not serialisable: left out */
      }
    }
  }
  return out;
}

export function featureClickMessage(layerId: string, properties: Record<string, unknown>): MapEvent {
  return { type: 'renewal-map:feature-click', layerId, properties: cloneableProperties(properties) };
}

export function readyMessage(layers: string[]): MapEvent {
  return { type: 'renewal-map:ready', version: PROTOCOL_VERSION, layers };
}
