// Data with no CRS information: which registered CRSs could its coordinates be
// in? Each candidate converts the data's bounding box corners; those that land
// inside China are kept, nearest to Tianjin first (mathematically identical
// codes offered once). Degrees also offer GCJ-02 and BD-09.

import type { Bilingual } from '../messages.ts';
import { converter } from './reproject.ts';
import { CRS_LIST } from './registry.ts';

export interface CrsCandidate {
  /** "EPSG:4548", "GCJ02", "BD09". */
  id: string;
  name: Bilingual;
  /** Where the data's centre lands, lon/lat. */
  centre: [number, number];
  residual_m: number;
}

const CHINA: [number, number, number, number] = [73, 3, 136, 54];
const TIANJIN: [number, number] = [117.2, 39.1];
const inChina = ([x, y]: [number, number]) => Number.isFinite(x) && Number.isFinite(y) && x >= CHINA[0] && x <= CHINA[2] && y >= CHINA[1] && y <= CHINA[3];

/** Candidates for a bbox [minX, minY, maxX, maxY] of raw coordinates; at most `max`. */
export function crsCandidates(bbox: [number, number, number, number], max = 8): CrsCandidate[] {
  const [x0, y0, x1, y1] = bbox;
  const centre: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const out: (CrsCandidate & { d: number; rank: number })[] = [];
  const degrees = Math.abs(x0) <= 180 && Math.abs(x1) <= 180 && Math.abs(y0) <= 90 && Math.abs(y1) <= 90;
  for (const def of CRS_LIST) {
    if (def.aliasOf) continue;
    if ((def.kind === 'geographic') !== degrees) continue;
    const f = converter(def);
    let pts: [number, number][];
    try {
      pts = [f([x0, y0]), f([x1, y1]), f(centre)];
    } catch {
      continue;
    }
    if (!pts.every(inChina)) continue;
    const c = pts[2];
    const rank = def.datum === 'CGCS2000' ? 0 : def.datum === 'WGS84' ? 0.05 : 0.1;
    out.push({ id: `EPSG:${def.epsg}`, name: def.name, centre: c, residual_m: def.residual_m, d: Math.hypot(c[0] - TIANJIN[0], c[1] - TIANJIN[1]), rank });
  }
  // At the same place CGCS2000 (China's datum since 2008) comes first, then WGS84
  // (UTM, Web Mercator), then the legacy datums.
  out.sort((a, b) => a.d + a.rank - (b.d + b.rank));
  const list: CrsCandidate[] = out.slice(0, max).map(({ d: _d, rank: _r, ...c }) => (void _d, void _r, c));
  if (degrees && inChina(centre)) {
    list.push({ id: 'GCJ02', name: { en: 'GCJ-02 (Amap, Tencent)', zh: 'GCJ-02（高德、腾讯）' }, centre, residual_m: 2 });
    list.push({ id: 'BD09', name: { en: 'BD-09 (Baidu)', zh: 'BD-09（百度）' }, centre, residual_m: 2 });
  }
  return list;
}
