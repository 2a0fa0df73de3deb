// The URL hash codec: the shareable part of the state, versioned and validated on read.
//   #map=zoom/lat/lng[/bearing/pitch]&layers=id,id&v=1&lang=en&bm=osm&op=id:0.5&f=…&an=…
// The codec reads map, layers, v, lang, bm and op itself. Every other parameter is base64url
// JSON checked by the checker the caller passes for its key; one with no checker is dropped
// with a notice (fail closed). Reading never throws: each bad value is dropped with a notice.
import type { LocalText } from '../catalog/types';
import type { Lang } from '../i18n/strings';

export const URL_VERSION = 1;

export type BasemapId = 'offline' | 'osm' | 'tianditu' | 'custom';
export const BASEMAP_IDS: BasemapId[] = ['offline', 'osm', 'tianditu', 'custom'];

export interface ViewState {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

export interface UrlState {
  view?: ViewState;
  layers?: string[];
  lang?: Lang;
  basemap?: BasemapId;
  opacity?: Record<string, number>;
  /** JSON parameters (f=, an=, …) by key, each checked by the checker passed for it. */
  params?: Record<string, unknown>;
}

export interface Notice {
  code: string;
  message: LocalText;
}

export interface DecodeResult {
  state: UrlState;
  notices: Notice[];
}

/** What a parameter checker gives back: the value to use (absent: drop it) and what it reported. */
export interface Checked<T> {
  value?: T;
  notices: Notice[];
}

/** Checks one decoded JSON parameter. Must not throw. */
export type ParamChecker<T = unknown> = (decoded: unknown) => Checked<T>;

/** The parameters the codec reads itself; every other key needs a checker. */
const BUILT_IN = new Set(['map', 'layers', 'v', 'lang', 'bm', 'op']);

const round = (x: number, d: number) => Number(x.toFixed(d));

export function encodeView(v: ViewState): string {
  const parts = [round(v.zoom, 2), round(v.lat, 5), round(v.lng, 5)];
  if (v.bearing || v.pitch) parts.push(round(v.bearing, 1), round(v.pitch, 1));
  return parts.join('/');
}

function b64urlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function b64urlDecode(text: string): string {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeJsonParam(value: unknown): string {
  return b64urlEncode(JSON.stringify(value));
}

export function encodeHash(s: UrlState): string {
  const parts: string[] = [];
  if (s.view) parts.push(`map=${encodeView(s.view)}`);
  if (s.layers) parts.push(`layers=${s.layers.map(encodeURIComponent).join(',')}`);
  parts.push(`v=${URL_VERSION}`);
  if (s.lang && s.lang !== 'zh') parts.push(`lang=${s.lang}`);
  if (s.basemap && s.basemap !== 'offline') parts.push(`bm=${s.basemap}`);
  const op = Object.entries(s.opacity ?? {}).filter(([, v]) => v !== 1);
  if (op.length) parts.push(`op=${op.map(([k, v]) => `${encodeURIComponent(k)}:${round(v, 2)}`).join(',')}`);
  for (const [key, value] of Object.entries(s.params ?? {})) {
    if (value !== undefined && !BUILT_IN.has(key)) parts.push(`${key}=${encodeJsonParam(value)}`);
  }
  return '#' + parts.join('&');
}

function notice(code: string, zh: string, en: string): Notice {
  return { code, message: { zh, en } };
}

function parseView(raw: string, notices: Notice[]): ViewState | undefined {
  const nums = raw.split('/').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [zoom, lat, lng, bearing = 0, pitch = 0] = nums;
  const ok =
    (nums.length === 3 || nums.length === 5) &&
    nums.every(Number.isFinite) &&
    zoom >= 0 && zoom <= 22 &&
    lat >= -85 && lat <= 85 &&
    lng >= -180 && lng <= 180 &&
    pitch >= 0 && pitch <= 85;
  if (!ok) {
    notices.push(notice('url.map', `链接中的视图“${raw}”无效（应为 缩放/纬度/经度），已忽略`,
      `The view "${raw}" in the link is invalid (expected zoom/lat/lng) and was ignored`));
    return undefined;
  }
  return { zoom, lat, lng, bearing: ((bearing % 360) + 360) % 360, pitch };
}

export interface DecodeOptions {
  /** Layer ids that exist; others are dropped with a notice. */
  knownLayers?: ReadonlySet<string>;
  /** One checker per JSON parameter key. A key with no checker is dropped with a notice (fail closed). */
  checkers: Readonly<Record<string, ParamChecker>>;
}

function decodeJsonParam(key: string, raw: string, check: ParamChecker, notices: Notice[]): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(b64urlDecode(raw));
  } catch {
    notices.push(notice(`url.${key}`, `链接参数 ${key} 无法解析，已忽略`, `The link parameter ${key} could not be read and was ignored`));
    return undefined;
  }
  let r: Checked<unknown>;
  try {
    r = check(parsed);
  } catch {
    r = { notices: [] };
  }
  notices.push(...r.notices);
  if (r.value === undefined && !r.notices.length) {
    notices.push(notice(`url.${key}`, `链接参数 ${key} 无效，已忽略`, `The link parameter ${key} is invalid and was ignored`));
  }
  return r.value;
}

export function decodeHash(hash: string, opts: DecodeOptions): DecodeResult {
  const notices: Notice[] = [];
  const state: UrlState = {};
  const body = hash.replace(/^#/, '');
  if (!body) return { state, notices };
  const params = new Map<string, string>();
  for (const part of body.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    params.set(k, v);
  }
  const v = params.get('v');
  if (v !== undefined && v !== String(URL_VERSION)) {
    notices.push(notice('url.version', `链接版本 v=${v} 不受支持，按 v=${URL_VERSION} 读取`, `Link version v=${v} is not supported; read as v=${URL_VERSION}`));
  }
  const map = params.get('map');
  if (map !== undefined) state.view = parseView(map, notices);
  const layers = params.get('layers');
  if (layers !== undefined) {
    let ids: string[];
    try {
      ids = layers.split(',').filter(Boolean).map(decodeURIComponent);
    } catch {
      ids = [];
    }
    const known = opts.knownLayers;
    const unknown = known ? ids.filter((id) => !known.has(id)) : [];
    if (unknown.length) {
      notices.push(notice('url.layers', `链接中的图层 ${unknown.join('、')} 不存在，已忽略`, `Unknown layer(s) in the link ignored: ${unknown.join(', ')}`));
    }
    state.layers = [...new Set(known ? ids.filter((id) => known.has(id)) : ids)];
  }
  const lang = params.get('lang');
  if (lang !== undefined) {
    if (lang === 'zh' || lang === 'en') state.lang = lang;
    else notices.push(notice('url.lang', `语言“${lang}”无效，已忽略`, `Language "${lang}" is invalid and was ignored`));
  }
  const bm = params.get('bm');
  if (bm !== undefined) {
    if ((BASEMAP_IDS as string[]).includes(bm)) state.basemap = bm as BasemapId;
    else notices.push(notice('url.bm', `底图“${bm}”无效，已使用内置底图`, `Basemap "${bm}" is invalid; the embedded basemap is used`));
  }
  const op = params.get('op');
  if (op !== undefined) {
    const opacity: Record<string, number> = {};
    for (const item of op.split(',').filter(Boolean)) {
      const i = item.lastIndexOf(':');
      const id = i > 0 ? safeDecode(item.slice(0, i)) : null;
      const val = i > 0 ? Number(item.slice(i + 1)) : NaN;
      if (id && Number.isFinite(val) && val >= 0 && val <= 1 && (!opts.knownLayers || opts.knownLayers.has(id))) opacity[id] = val;
      else notices.push(notice('url.op', `不透明度“${item}”无效，已忽略`, `Opacity "${item}" is invalid and was ignored`));
    }
    state.opacity = opacity;
  }
  for (const [key, raw] of params) {
    if (BUILT_IN.has(key)) continue;
    const check = Object.hasOwn(opts.checkers, key) ? opts.checkers[key] : undefined;
    if (!check) {
      const k = key.slice(0, 20);
      notices.push(notice('url.unknown', `链接参数 ${k} 无法识别，已忽略`, `The link parameter ${k} is not understood and was ignored`));
      continue;
    }
    const value = decodeJsonParam(key, raw, check, notices);
    if (value !== undefined) (state.params ??= {})[key] = value;
  }
  return { state, notices };
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
