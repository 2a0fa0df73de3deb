// Assessment zones on the grid: each zone is rasterised once into row runs
// (CSR by row), so counting and "which zones does this span touch" never scan
// whole rows. Also turns a zone's covered/uncovered cells back into polygons.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  geometryParts,
  polygonAreaM2,
  projectX,
  projectY,
  round6,
  unprojectLat,
  unprojectLon,
  type LocalProjection,
} from './geo.ts';
import { fillRings, type Grid } from './raster.ts';
import { simplifyRing, traceClasses } from './trace.ts';

export interface ZoneRuns {
  /** runs of row r are indices rowStart[r] .. rowStart[r+1]-1 */
  rowStart: Int32Array;
  c0: Int32Array;
  c1: Int32Array;
  zone: Int32Array;
  /** per zone: cell count, exact projected area, cell bbox [minCol, minRow, maxCol+1, maxRow+1] */
  cells: Float64Array;
  areaM2: Float64Array;
  bbox: Int32Array;
}

export function ringsXY(p: LocalProjection, polygons: Position[][][]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const poly of polygons) {
    for (const ring of poly) {
      const a = new Float64Array(ring.length * 2);
      ring.forEach((q, i) => {
        a[2 * i] = projectX(p, q[0]);
        a[2 * i + 1] = projectY(p, q[1]);
      });
      out.push(a);
    }
  }
  return out;
}

export function rasteriseZones(g: Grid, p: LocalProjection, zones: Feature[]): ZoneRuns {
  const rows: number[] = [];
  const c0s: number[] = [];
  const c1s: number[] = [];
  const zs: number[] = [];
  const n = zones.length;
  const cells = new Float64Array(n);
  const areaM2 = new Float64Array(n);
  const bbox = new Int32Array(4 * n);
  zones.forEach((f, z) => {
    const polys = geometryParts(f.geometry).polygons;
    areaM2[z] = polys.reduce((s, poly) => s + polygonAreaM2(p, poly), 0);
    bbox.set([g.w, g.h, 0, 0], 4 * z);
    fillRings(g, ringsXY(p, polys), (row, a, b) => {
      rows.push(row);
      c0s.push(a);
      c1s.push(b);
      zs.push(z);
      cells[z] += b - a;
      bbox[4 * z] = Math.min(bbox[4 * z], a);
      bbox[4 * z + 1] = Math.min(bbox[4 * z + 1], row);
      bbox[4 * z + 2] = Math.max(bbox[4 * z + 2], b);
      bbox[4 * z + 3] = Math.max(bbox[4 * z + 3], row + 1);
    });
  });
  const rowStart = new Int32Array(g.h + 1);
  for (const r of rows) rowStart[r + 1]++;
  for (let r = 0; r < g.h; r++) rowStart[r + 1] += rowStart[r];
  const pos = rowStart.slice(0, g.h);
  const m = rows.length;
  const c0 = new Int32Array(m);
  const c1 = new Int32Array(m);
  const zone = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const k = pos[rows[i]]++;
    c0[k] = c0s[i];
    c1[k] = c1s[i];
    zone[k] = zs[i];
  }
  return { rowStart, c0, c1, zone, cells, areaM2, bbox };
}

/** Zone index containing cell (col, row), or -1. */
export function zoneAt(runs: ZoneRuns, col: number, row: number): number {
  if (row < 0 || row + 1 >= runs.rowStart.length) return -1;
  for (let k = runs.rowStart[row]; k < runs.rowStart[row + 1]; k++) {
    if (col >= runs.c0[k] && col < runs.c1[k]) return runs.zone[k];
  }
  return -1;
}

/** Covered cells per zone. */
export function countCovered(g: Grid, runs: ZoneRuns, covered: Uint8Array, nZones: number): Float64Array {
  const out = new Float64Array(nZones);
  for (let row = 0; row < g.h; row++) {
    const off = row * g.w;
    for (let k = runs.rowStart[row]; k < runs.rowStart[row + 1]; k++) {
      let s = 0;
      for (let i = off + runs.c0[k], e = off + runs.c1[k]; i < e; i++) s += covered[i];
      out[runs.zone[k]] += s;
    }
  }
  return out;
}

/**
 * Residents per zone from a separate population layer: each polygon's
 * residents spread evenly over its exact area, summed over the zone's cells.
 */
export function populationFromLayer(
  g: Grid,
  p: LocalProjection,
  runs: ZoneRuns,
  covered: Uint8Array,
  nZones: number,
  layer: FeatureCollection,
  prop: string,
): { total: Float64Array; covered: Float64Array } {
  const density = new Float32Array(g.w * g.h);
  const cellArea = g.cell * g.cell;
  for (const f of layer.features) {
    const v = f.properties?.[prop];
    const pop = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof pop !== 'number' || !Number.isFinite(pop)) continue;
    const polys = geometryParts(f.geometry).polygons;
    const area = polys.reduce((s, poly) => s + polygonAreaM2(p, poly), 0);
    if (!(area > 0)) continue;
    const perCell = (pop / area) * cellArea;
    fillRings(g, ringsXY(p, polys), (row, a, b) => density.fill(perCell, row * g.w + a, row * g.w + b));
  }
  const total = new Float64Array(nZones);
  const cov = new Float64Array(nZones);
  for (let row = 0; row < g.h; row++) {
    for (let k = runs.rowStart[row]; k < runs.rowStart[row + 1]; k++) {
      let t = 0;
      let c = 0;
      for (let i = row * g.w + runs.c0[k], e = row * g.w + runs.c1[k]; i < e; i++) {
        t += density[i];
        c += density[i] * covered[i];
      }
      total[runs.zone[k]] += t;
      cov[runs.zone[k]] += c;
    }
  }
  return { total, covered: cov };
}

export interface ZoneShapes {
  covered: MultiPolygon['coordinates'];
  uncovered: MultiPolygon['coordinates'];
}

/** Polygons of a zone's covered and uncovered cells, in lon/lat. */
export function zoneShapes(
  g: Grid,
  p: LocalProjection,
  runs: ZoneRuns,
  covered: Uint8Array,
  z: number,
  simplifyTol: number,
): ZoneShapes {
  const [bx0, by0, bx1, by1] = runs.bbox.subarray(4 * z, 4 * z + 4);
  const bw = bx1 - bx0;
  const bh = by1 - by0;
  if (bw <= 0 || bh <= 0) return { covered: [], uncovered: [] };
  // 1 covered, 0 uncovered, 255 outside the zone
  const mask = new Uint8Array(bw * bh).fill(255);
  for (let row = by0; row < by1; row++) {
    for (let k = runs.rowStart[row]; k < runs.rowStart[row + 1]; k++) {
      if (runs.zone[k] !== z) continue;
      const src = row * g.w;
      const dst = (row - by0) * bw - bx0;
      mask.set(covered.subarray(src + runs.c0[k], src + runs.c1[k]), dst + runs.c0[k]);
    }
  }
  const toLonLat = (polys: number[][][]): Polygon['coordinates'][] =>
    polys.map((poly) =>
      poly.map((ring) => {
        const r = simplifyRing(ring, simplifyTol);
        const out: Position[] = [];
        for (let i = 0; i < r.length; i += 2) {
          const x = g.x0 + (bx0 + r[i]) * g.cell;
          const y = g.y0 + (by0 + r[i + 1]) * g.cell;
          out.push([round6(unprojectLon(p, x)), round6(unprojectLat(p, y))]);
        }
        out.push(out[0]);
        return out;
      }),
    );
  const [cov, unc] = traceClasses(mask, bw, bh, [1, 0]);
  return { covered: toLonLat(cov), uncovered: toLonLat(unc) };
}
