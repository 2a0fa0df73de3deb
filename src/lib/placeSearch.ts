// Place search over the names of all layers (name, name_en, aliases).
// Matching is on NFKC-normalised, lower-cased names with collapsed spaces.
// Ranking: exact > prefix > word start > substring; then shorter names;
// then layer order and feature order. One hit per feature (its best name).
import type { Feature, Geometry, Position } from 'geojson';
import { geometryBbox, representativePoint, type Bbox } from './geomPrep';
import { featureName } from './featureName';

export interface PlaceLayerInput {
  layerId: string;
  features: Feature<Geometry | null>[];
}

export interface PlaceHit {
  layerId: string;
  /** Index of the feature in its layer. */
  index: number;
  name: string;
  name_en: string;
  /** The name (or alias) that matched, as written. */
  matched: string;
  /** 0 exact, 1 prefix, 2 word start, 3 substring. */
  rank: number;
  /** Where to fly: the point itself or a representative point. */
  point: Position | null;
  /** For non-point features: the extent to fit. */
  bbox?: Bbox;
}

export interface PlaceIndex {
  layers: PlaceLayerInput[];
  keys: string[];
  raw: string[];
  layerOf: Uint16Array;
  featureOf: Uint32Array;
}

const MAX_ENTRIES = 1 << 22;

export function normalizeName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function namesOf(props: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
  };
  add(featureName(props));
  add(props.name_en);
  const al = props.aliases;
  if (Array.isArray(al)) al.forEach(add);
  else if (typeof al === 'string') al.split(/[;；|、]/).forEach(add);
  return out;
}

export function buildPlaceIndex(layers: PlaceLayerInput[]): PlaceIndex {
  const keys: string[] = [];
  const raw: string[] = [];
  const layerOf: number[] = [];
  const featureOf: number[] = [];
  layers.forEach((layer, l) => {
    const fs = layer.features;
    for (let i = 0; i < fs.length && keys.length < MAX_ENTRIES; i++) {
      const props = fs[i].properties;
      if (!props) continue;
      const seen = new Set<string>();
      for (const n of namesOf(props)) {
        const k = normalizeName(n);
        if (!k || seen.has(k)) continue;
        seen.add(k);
        keys.push(k);
        raw.push(n);
        layerOf.push(l);
        featureOf.push(i);
      }
    }
  });
  return { layers, keys, raw, layerOf: Uint16Array.from(layerOf), featureOf: Uint32Array.from(featureOf) };
}

const WORD_START = /[\s\-_/(（·.,，]/;

function rankOf(key: string, q: string): number {
  const at = key.indexOf(q);
  if (at < 0) return -1;
  if (at === 0) return key.length === q.length ? 0 : 1;
  let p = at;
  while (p > 0) {
    if (WORD_START.test(key[p - 1])) return 2;
    p = key.indexOf(q, p + 1);
    if (p < 0) break;
  }
  return 3;
}

export function searchPlaces(
  index: PlaceIndex,
  query: string,
  opts: { limit?: number; layerIds?: string[] } = {},
): PlaceHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const limit = opts.limit ?? 20;
  const allowed = opts.layerIds ? new Set(opts.layerIds) : null;
  const layerOk = index.layers.map((l) => !allowed || allowed.has(l.layerId));
  const { keys } = index;
  let scores = new Float64Array(256);
  let m = 0;
  for (let e = 0; e < keys.length; e++) {
    if (!layerOk[index.layerOf[e]]) continue;
    const r = rankOf(keys[e], q);
    if (r < 0) continue;
    if (m === scores.length) {
      const grown = new Float64Array(m * 2);
      grown.set(scores);
      scores = grown;
    }
    // rank (2 bits) | name length (12 bits) | entry id (22 bits): sorts in ranking order.
    scores[m++] = (r * 4096 + Math.min(keys[e].length, 4095)) * MAX_ENTRIES + e;
  }
  const sorted = scores.subarray(0, m).sort();
  const hits: PlaceHit[] = [];
  const seen = new Set<number>();
  for (let s = 0; s < m && hits.length < limit; s++) {
    const e = sorted[s] % MAX_ENTRIES;
    const l = index.layerOf[e];
    const i = index.featureOf[e];
    const id = l * 2 ** 32 + i;
    if (seen.has(id)) continue;
    seen.add(id);
    const f = index.layers[l].features[i];
    const props = f.properties ?? {};
    const hit: PlaceHit = {
      layerId: index.layers[l].layerId,
      index: i,
      name: featureName(props),
      name_en: typeof props.name_en === 'string' ? props.name_en : '',
      matched: index.raw[e],
      rank: Math.floor(sorted[s] / MAX_ENTRIES / 4096),
      point: representativePoint(f.geometry),
    };
    if (f.geometry && f.geometry.type !== 'Point') hit.bbox = geometryBbox(f.geometry) ?? undefined;
    hits.push(hit);
  }
  return hits;
}
