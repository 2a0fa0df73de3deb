// Assessment zones on the grid: each zone is rasterised once into row runs
// (CSR by row, sorted by column), then tallied against the covered runs, with
// residents from zone attributes or from a density layer. Overlapping zones
// are resolved per row: every stretch of cells is "owned" by the first zone
// (in layer order) that holds it, so totals count it once. zoneOutlines.ts
// turns a zone's covered/uncovered cells back into polygons.
import type { Feature, FeatureCollection, Position } from 'geojson';
import { geometryParts } from './geo.ts';
import { areaScale, type PlaneFrame } from './gk.ts';
import { fillRings, type Grid } from './raster.ts';
import { overlap, SpanBuffer, type RowRuns } from './runs.ts';

export interface ZoneRuns extends RowRuns {
  zone: Int32Array;
  /** per zone: cell count and cell bbox [minCol, minRow, maxCol+1, maxRow+1] */
  cells: Float64Array;
  bbox: Int32Array;
}

/** Every ring of the polygons, projected, as flat [x, y, ...] arrays. */
export function ringsXY(frame: PlaneFrame, polygons: Position[][][]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const poly of polygons) {
    for (const ring of poly) {
      const a = new Float64Array(ring.length * 2);
      ring.forEach((q, i) => {
        const [x, y] = frame.toXY(q[0], q[1]);
        a[2 * i] = x;
        a[2 * i + 1] = y;
      });
      out.push(a);
    }
  }
  return out;
}

/** True (ellipsoidal) area of polygons in m²: the planar area in the conformal plane divided by k² at their centre. */
export function trueAreaM2(polygons: Position[][][], rings: Float64Array[]): number {
  let planar = 0;
  let lon = 0;
  let lat = 0;
  let n = 0;
  let k = 0;
  for (const poly of polygons) {
    poly.forEach((ring, i) => {
      const r = rings[k++];
      let s = 0;
      const m = r.length >> 1;
      for (let a = 0, b = m - 1; a < m; b = a++) s += r[2 * b] * r[2 * a + 1] - r[2 * a] * r[2 * b + 1];
      planar += i === 0 ? Math.abs(s) / 2 : -Math.abs(s) / 2;
      if (i === 0) {
        for (const p of ring) {
          lon += p[0];
          lat += p[1];
          n++;
        }
      }
    });
  }
  return n ? planar / areaScale(lon / n, lat / n) : 0;
}

export function rasteriseZones(g: Grid, zoneRings: Float64Array[][]): ZoneRuns {
  const buf = new SpanBuffer(2 * g.h); // a few zones per row, sized so it rarely grows
  let zs = new Int32Array(buf.row.length);
  const n = zoneRings.length;
  const cells = new Float64Array(n);
  const bbox = new Int32Array(4 * n);
  zoneRings.forEach((rings, z) => {
    let x0 = g.w;
    let y0 = g.h;
    let x1 = 0;
    let y1 = 0;
    let count = 0;
    fillRings(g, rings, (row, a, b) => {
      if (buf.n === zs.length) {
        const grown = new Int32Array(zs.length * 2);
        grown.set(zs);
        zs = grown;
      }
      zs[buf.n] = z;
      buf.push(row, a, b);
      count += b - a;
      if (a < x0) x0 = a;
      if (row < y0) y0 = row;
      if (b > x1) x1 = b;
      if (row + 1 > y1) y1 = row + 1;
    });
    cells[z] = count;
    bbox.set([x0, y0, x1, y1], 4 * z);
  });
  const m = buf.n;
  const rowStart = new Int32Array(g.h + 1);
  for (let i = 0; i < m; i++) rowStart[buf.row[i] + 1]++;
  for (let r = 0; r < g.h; r++) rowStart[r + 1] += rowStart[r];
  const pos = rowStart.slice(0, g.h);
  const c0 = new Int32Array(m);
  const c1 = new Int32Array(m);
  const zone = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const k = pos[buf.row[i]]++;
    c0[k] = buf.c0[i];
    c1[k] = buf.c1[i];
    zone[k] = zs[i];
  }
  // within a row, runs by column (zones were filled one after another): insertion sort, rows hold few runs
  for (let r = 0; r < g.h; r++) {
    const a = rowStart[r];
    const b = rowStart[r + 1];
    for (let k = a + 1; k < b; k++) {
      const s0 = c0[k];
      const s1 = c1[k];
      const sz = zone[k];
      let q = k - 1;
      while (q >= a && c0[q] > s0) {
        c0[q + 1] = c0[q];
        c1[q + 1] = c1[q];
        zone[q + 1] = zone[q];
        q--;
      }
      c0[q + 1] = s0;
      c1[q + 1] = s1;
      zone[q + 1] = sz;
    }
  }
  return { rowStart, c0, c1, zone, cells, bbox };
}

/** Zones containing cell (col, row). */
export function zonesAt(runs: ZoneRuns, col: number, row: number, out: number[]): number[] {
  out.length = 0;
  if (row < 0 || row + 1 >= runs.rowStart.length) return out;
  for (let k = runs.rowStart[row]; k < runs.rowStart[row + 1]; k++) {
    if (col >= runs.c0[k] && col < runs.c1[k]) out.push(runs.zone[k]);
  }
  return out;
}

/** Residents per cell, as runs (runs of different polygons may overlap). */
export interface DensityRuns extends RowRuns {
  dens: Float64Array;
}

/**
 * Residents of a polygon layer spread evenly over each polygon's true area,
 * as residents per cell along row runs.
 */
export function densityRuns(g: Grid, frame: PlaneFrame, layer: FeatureCollection, prop: string, cellTrueM2: number): DensityRuns {
  const rows: number[] = [];
  const c0s: number[] = [];
  const c1s: number[] = [];
  const ds: number[] = [];
  for (const f of layer.features) {
    const v = f.properties?.[prop];
    const pop = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof pop !== 'number' || !Number.isFinite(pop)) continue;
    const polys = geometryParts(f.geometry).polygons;
    const rings = ringsXY(frame, polys);
    const area = trueAreaM2(polys, rings);
    if (!(area > 0)) continue;
    const perCell = (pop / area) * cellTrueM2;
    fillRings(g, rings, (row, a, b) => {
      rows.push(row);
      c0s.push(a);
      c1s.push(b);
      ds.push(perCell);
    });
  }
  const rowStart = new Int32Array(g.h + 1);
  for (const r of rows) rowStart[r + 1]++;
  for (let r = 0; r < g.h; r++) rowStart[r + 1] += rowStart[r];
  const pos = rowStart.slice(0, g.h);
  const m = rows.length;
  const c0 = new Int32Array(m);
  const c1 = new Int32Array(m);
  const dens = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const k = pos[rows[i]]++;
    c0[k] = c0s[i];
    c1[k] = c1s[i];
    dens[k] = ds[i];
  }
  return { rowStart, c0, c1, dens };
}

/** Per-zone sums; `own*` count only the cells the zone owns (see the header). */
export interface ZoneTally {
  cells: Float64Array;
  cov: Float64Array;
  /** covered-run ends inside the zone's runs, and the zone's own run ends (2 per run) */
  covEnds: Float64Array;
  zoneEnds: Float64Array;
  pop: Float64Array;
  popCov: Float64Array;
  ownCells: Float64Array;
  ownCov: Float64Array;
  ownPop: Float64Array;
  ownPopCov: Float64Array;
  /** some cell lies in two zones or more */
  overlapping: boolean;
}

export function tallyZones(g: Grid, zr: ZoneRuns, covered: RowRuns, nz: number, popRuns: DensityRuns | null): ZoneTally {
  const f = () => new Float64Array(nz);
  const t: ZoneTally = {
    cells: f(), cov: f(), covEnds: f(), zoneEnds: f(), pop: f(), popCov: f(),
    ownCells: f(), ownCov: f(), ownPop: f(), ownPopCov: f(), overlapping: false,
  };
  const o = { len: 0, ends: 0 };
  const piece = (row: number, z: number, a: number, b: number, full: boolean, own: boolean) => {
    overlap(covered, row, a, b, o);
    if (full) {
      t.cells[z] += b - a;
      t.cov[z] += o.len;
      t.covEnds[z] += o.ends;
      t.zoneEnds[z] += 2;
    }
    if (own) {
      t.ownCells[z] += b - a;
      t.ownCov[z] += o.len;
    }
    if (!popRuns) return;
    for (let k = popRuns.rowStart[row]; k < popRuns.rowStart[row + 1]; k++) {
      const s = Math.max(a, popRuns.c0[k]);
      const e = Math.min(b, popRuns.c1[k]);
      if (e <= s) continue;
      const d = popRuns.dens[k];
      overlap(covered, row, s, e, o);
      if (full) {
        t.pop[z] += (e - s) * d;
        t.popCov[z] += o.len * d;
      }
      if (own) {
        t.ownPop[z] += (e - s) * d;
        t.ownPopCov[z] += o.len * d;
      }
    }
  };
  const cuts: number[] = [];
  for (let row = 0; row < g.h; row++) {
    const a = zr.rowStart[row];
    const b = zr.rowStart[row + 1];
    let maxEnd = -1;
    let overl = false;
    for (let k = a; k < b; k++) {
      if (zr.c0[k] < maxEnd) overl = true;
      maxEnd = Math.max(maxEnd, zr.c1[k]);
    }
    if (!overl) {
      for (let k = a; k < b; k++) piece(row, zr.zone[k], zr.c0[k], zr.c1[k], true, true);
      continue;
    }
    t.overlapping = true;
    for (let k = a; k < b; k++) piece(row, zr.zone[k], zr.c0[k], zr.c1[k], true, false);
    cuts.length = 0;
    for (let k = a; k < b; k++) cuts.push(zr.c0[k], zr.c1[k]);
    cuts.sort((x, y) => x - y);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const p = cuts[i];
      const q = cuts[i + 1];
      if (q <= p) continue;
      let owner = -1;
      for (let k = a; k < b; k++) if (zr.c0[k] <= p && zr.c1[k] >= q && (owner < 0 || zr.zone[k] < owner)) owner = zr.zone[k];
      if (owner >= 0) piece(row, owner, p, q, false, true);
    }
  }
  return t;
}

/** Polygon features of an assessment layer. */
export function polygonZones(area: FeatureCollection): Feature[] {
  return area.features.filter((f) => f.geometry && /Polygon$/.test(f.geometry.type));
}
