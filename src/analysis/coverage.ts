// The project's coverage method. Everything is measured in the Gauss–Krüger
// plane of EPSG:4548 (gk.ts) on a grid whose cell follows the reach (radius/25,
// so a 300 m disc is 50 cells across). Zones and every facility's reach (disc,
// capsules along lines and polygon edges, plus the polygon's interior) become
// row runs; the covered runs are merged into their union and intersected with
// each zone's runs. Memory and time grow with the number of runs, not cells.
// Each zone reports the covered share of its cells times its true area, the
// resolution, and a worst-case error bound. Zones too small for the grid are
// recomputed on a grid fitted to them; totals are over the union of the zones.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import { geometryParts } from './geo.ts';
import { GK117_EPSG, gkFrame, latticeInverse, scaleFactor, type PlaneFrame } from './gk.ts';
import { capsuleSpans, discSpans, fillRings, makeGrid, type Grid, type SpanFn } from './raster.ts';
import { SpanBuffer, unionRuns, type RowRuns } from './runs.ts';
import { runSync, type Steps } from './steps.ts';
import { zoneShapes } from './zoneOutlines.ts';
import { densityRuns, polygonZones, rasteriseZones, ringsXY, tallyZones, trueAreaM2, zonesAt, type ZoneRuns } from './zones.ts';

export interface CoverageOptions {
  /** Cell size in metres. Default: `resolutionFor(radius)`. */
  cellSize?: number;
  /** Property holding residents (default `population_2020`), read from the zones or from `populationLayer`. */
  populationProperty?: string;
  /**
   * Polygons with residents (e.g. the districts layer) used when the assessment
   * zones carry no population: residents are spread evenly over each polygon
   * (density = population / area) and summed over the zone's cells.
   */
  populationLayer?: FeatureCollection;
  /** Zone property used as row id (default: `id`, then `adcode`, then the feature id, then the index). */
  idProperty?: string;
  /** Zone property used as row name (default `name`). */
  nameProperty?: string;
  /** Recompute zones smaller than MIN_ZONE_CELLS cells on a grid of their own (default true). */
  refineSmallZones?: boolean;
  /** Skip building the covered/uncovered polygons (numbers only). */
  skipPolygons?: boolean;
  /** Most cells of the grid the outlines are drawn on (default 4M); the numbers always use the full resolution. */
  outlineMaxCells?: number;
  /**
   * Count distinct values of this facility property per zone instead of
   * features (e.g. reached street pieces tagged with the facility they come from).
   */
  groupProperty?: string;
}

export interface CoverageParams {
  facilities: FeatureCollection;
  /** Straight-line reach in metres. */
  radiusM: number;
  /** Assessment area: Polygon / MultiPolygon features, one table row each. */
  area: FeatureCollection;
  options?: CoverageOptions;
}

export interface CoverageZoneRow {
  id: string;
  name: string;
  /** True area (ellipsoid), m². */
  areaM2: number;
  coveredM2: number;
  coveredPct: number;
  population: number | null;
  coveredPopulation: number | null;
  /** Facilities whose reach touches the zone (wherever they stand). */
  facilities: number;
  /** Facilities standing inside the zone. */
  facilitiesInside: number;
  /** Cell size used for this zone, m. */
  cellSizeM: number;
  /** Worst-case error of coveredM2 from the grid, m² (half a cell at every boundary crossing). */
  errorM2: number;
  /** The zone was smaller than the grid allows and was recomputed on a finer grid of its own. */
  refined: boolean;
}

export interface CoverageResult {
  /** Over the union of the zones (a cell in two zones counts once). */
  coveredAreaM2: number;
  totalAreaM2: number;
  coveredPct: number;
  population: number | null;
  coveredPopulation: number | null;
  /** Worst-case error of coveredAreaM2, m². */
  errorM2: number;
  radiusM: number;
  /** Cell size of the count, m. */
  cellSizeM: number;
  /** Cell size the outlines are drawn with (≥ cellSizeM), m. */
  outlineCellM: number;
  /** The plane the analysis measured in. */
  projection: string;
  /** Some zones overlap: their rows overlap, the totals do not double-count. */
  zonesOverlap: boolean;
  /** Facilities with usable geometry. */
  facilityCount: number;
  perZone: CoverageZoneRow[];
  covered: FeatureCollection<MultiPolygon>;
  uncovered: FeatureCollection<MultiPolygon>;
}

/** Cells across a reach radius: a disc is 2 × 25 cells wide (area within ~0.5 %). */
export const CELLS_PER_RADIUS = 25;
/** Most grid rows (the runs' row index); coarsens the cell on very tall areas. */
export const MAX_ROWS = 200_000;
/** A zone with fewer cells than this is recomputed on its own grid. */
export const MIN_ZONE_CELLS = 1000;
const REFINED_ZONE_CELLS = 4000;
const OUTLINE_MAX_CELLS = 4e6;

/** Default cell size (m) for a reach radius over an area `heightM` tall with `areaM2` of bounding box. */
export function resolutionFor(radiusM: number, areaM2: number, heightM: number): number {
  const base = radiusM > 0 ? radiusM / CELLS_PER_RADIUS : Math.sqrt(areaM2 / 4e6);
  return Math.max(base, 0.05, heightM / MAX_ROWS);
}

function numberOrNull(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function zoneId(f: Feature, i: number, prop?: string): string {
  const p = f.properties ?? {};
  const v = prop ? p[prop] : (p.id ?? p.adcode ?? f.id);
  return v === undefined || v === null ? String(i) : String(v);
}

/** A representative position of a facility, used to find the zone it stands in. */
function anchor(g: Geometry | null): Position | null {
  const parts = geometryParts(g);
  if (parts.points.length) return parts.points[0];
  if (parts.polygons.length) {
    const ring = parts.polygons[0][0];
    const n = Math.max(1, ring.length - 1);
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      x += ring[i][0];
      y += ring[i][1];
    }
    return [x / n, y / n];
  }
  if (parts.lines.length) return parts.lines[0][Math.floor(parts.lines[0].length / 2)];
  return null;
}

/** A facility in the plane: points, open paths, polygon rings; its box. */
interface PlaneFacility {
  index: number;
  points: Float64Array;
  paths: Float64Array[];
  rings: Float64Array[];
  anchor: [number, number] | null;
  box: [number, number, number, number];
}

function toPlane(frame: PlaneFrame, f: Feature, index: number): PlaneFacility | null {
  const parts = geometryParts(f.geometry);
  if (!parts.points.length && !parts.lines.length && !parts.polygons.length) return null;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const flat = (ps: Position[]) => {
    const a = new Float64Array(ps.length * 2);
    ps.forEach((p, i) => {
      const [x, y] = frame.toXY(p[0], p[1]);
      a[2 * i] = x;
      a[2 * i + 1] = y;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    });
    return a;
  };
  const points = flat(parts.points);
  const paths = parts.lines.map(flat);
  const rings = parts.polygons.flat().map(flat);
  const a = anchor(f.geometry);
  return { index, points, paths, rings, anchor: a ? frame.toXY(a[0], a[1]) : null, box };
}

/** Stamp one facility's reach (radius rp in plane metres) as spans. */
function stampFacility(g: Grid, fac: PlaneFacility, rp: number, stamp: SpanFn): void {
  const gx1 = g.x0 + g.w * g.cell;
  const gy1 = g.y0 + g.h * g.cell;
  if (fac.box[2] + rp < g.x0 || fac.box[0] - rp > gx1 || fac.box[3] + rp < g.y0 || fac.box[1] - rp > gy1) return;
  const p = fac.points;
  for (let i = 0; i < p.length; i += 2) discSpans(g, p[i], p[i + 1], rp, stamp);
  for (const path of [...fac.paths, ...fac.rings]) {
    const n = path.length >> 1;
    if (n === 1) discSpans(g, path[0], path[1], rp, stamp);
    for (let k = 1; k < n; k++) {
      const ax = path[2 * k - 2];
      const ay = path[2 * k - 1];
      const bx = path[2 * k];
      const by = path[2 * k + 1];
      if (Math.max(ax, bx) + rp < g.x0 || Math.min(ax, bx) - rp > gx1) continue;
      if (Math.max(ay, by) + rp < g.y0 || Math.min(ay, by) - rp > gy1) continue;
      capsuleSpans(g, ax, ay, bx, by, rp, stamp);
    }
  }
  if (fac.rings.length) fillRings(g, fac.rings, stamp);
}

/** About how many spans the facilities' reaches stamp: the rows each one's box and reach cover. */
function stampSpans(g: Grid, facs: PlaneFacility[], rp: number): number {
  let n = 0;
  for (const f of facs) n += Math.min(g.h, (f.box[3] - f.box[1] + 2 * rp) / g.cell + 1);
  return n;
}

/** Zone runs and the union of all reaches on one grid. */
function rasterise(g: Grid, zoneRings: Float64Array[][], facs: PlaneFacility[], rp: number) {
  const zr = rasteriseZones(g, zoneRings);
  const buf = new SpanBuffer(stampSpans(g, facs, rp));
  const stamp: SpanFn = (row, c0, c1) => buf.push(row, c0, c1);
  for (const fac of facs) stampFacility(g, fac, rp, stamp);
  return { zr, covered: unionRuns(buf, g.h) };
}

function emptyResult(r: number, cell: number): CoverageResult {
  return {
    coveredAreaM2: 0, totalAreaM2: 0, coveredPct: 0, population: null, coveredPopulation: null, errorM2: 0,
    radiusM: r, cellSizeM: cell, outlineCellM: cell, projection: GK117_EPSG, zonesOverlap: false, facilityCount: 0, perZone: [],
    covered: { type: 'FeatureCollection', features: [] }, uncovered: { type: 'FeatureCollection', features: [] },
  };
}

export function* coverageSteps(params: CoverageParams): Steps<CoverageResult> {
  const { facilities, radiusM: r, area } = params;
  const opts = params.options ?? {};
  const frame = gkFrame();
  const zones = polygonZones(area);
  const zonePolys = zones.map((f) => geometryParts(f.geometry).polygons);
  const zoneRings = zonePolys.map((polys) => ringsXY(frame, polys));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of zoneRings) {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i += 2) {
        minX = Math.min(minX, ring[i]);
        maxX = Math.max(maxX, ring[i]);
        minY = Math.min(minY, ring[i + 1]);
        maxY = Math.max(maxY, ring[i + 1]);
      }
    }
  }
  if (!(maxX > minX && maxY > minY)) return emptyResult(r, opts.cellSize ?? 0);
  const [midLon, midLat] = frame.toLonLat((minX + maxX) / 2, (minY + maxY) / 2);
  const k = scaleFactor(midLon, midLat);
  const rp = r * k; // the reach in plane metres
  const cell = Math.max(opts.cellSize ?? resolutionFor(r, (maxX - minX) * (maxY - minY), maxY - minY), (maxY - minY) / MAX_ROWS);
  const cellTrue = (cell * cell) / (k * k);
  const g: Grid = makeGrid(minX, minY, maxX, maxY, cell);
  const areas = zones.map((_, z) => trueAreaM2(zonePolys[z], zoneRings[z]));
  yield { stage: 'zones', done: zones.length, total: zones.length };

  const facs: PlaneFacility[] = [];
  facilities.features.forEach((f, i) => {
    const p = toPlane(frame, f, i);
    if (p) facs.push(p);
  });
  const zr: ZoneRuns = rasteriseZones(g, zoneRings);
  const nz = zones.length;
  // facilities per zone: those whose reach touches it, and those standing in it
  const reach = new Float64Array(nz);
  const inside = new Float64Array(nz);
  const lastSeen = new Int32Array(nz).fill(-1);
  const groups = opts.groupProperty ? Array.from({ length: nz }, () => new Set<unknown>()) : null;
  let current = 0;
  let currentGroup: unknown = 0;
  const buf = new SpanBuffer(stampSpans(g, facs, rp));
  const stamp: SpanFn = (row, c0, c1) => {
    buf.push(row, c0, c1);
    for (let q = zr.rowStart[row], e = zr.rowStart[row + 1]; q < e && zr.c0[q] < c1; q++) {
      const z = zr.zone[q];
      if (lastSeen[z] !== current && zr.c1[q] > c0) {
        lastSeen[z] = current;
        if (groups) groups[z].add(currentGroup);
        else reach[z]++;
      }
    }
  };
  const here: number[] = [];
  for (let i = 0; i < facs.length; i++) {
    const fac = facs[i];
    current = fac.index;
    if (groups) currentGroup = facilities.features[fac.index].properties?.[opts.groupProperty!] ?? `#${fac.index}`;
    if (fac.anchor) {
      const col = Math.floor((fac.anchor[0] - g.x0) / cell);
      const row = Math.floor((fac.anchor[1] - g.y0) / cell);
      if (col >= 0 && col < g.w) for (const z of zonesAt(zr, col, row, here)) inside[z]++;
    }
    stampFacility(g, fac, rp, stamp);
    if ((i & 255) === 255) yield { stage: 'stamp', done: i + 1, total: facs.length };
  }
  const covered: RowRuns = unionRuns(buf, g.h);
  yield { stage: 'stamp', done: facs.length, total: facs.length };
  if (groups) groups.forEach((set, z) => (reach[z] = set.size));

  const popProp = opts.populationProperty ?? 'population_2020';
  const popRuns = opts.populationLayer ? densityRuns(g, frame, opts.populationLayer, popProp, cellTrue) : null;
  const t = tallyZones(g, zr, covered, nz, popRuns);
  const nameProp = opts.nameProperty ?? 'name';

  // zones below the resolution: recomputed on a grid fitted to each
  const refined = new Map<number, CoverageResult>();
  for (let z = 0; z < nz; z++) {
    if (opts.refineSmallZones === false || t.cells[z] >= MIN_ZONE_CELLS || !(areas[z] > 0)) continue;
    const zb = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of zoneRings[z]) {
      for (let i = 0; i < ring.length; i += 2) {
        zb[0] = Math.min(zb[0], ring[i]);
        zb[2] = Math.max(zb[2], ring[i]);
        zb[1] = Math.min(zb[1], ring[i + 1]);
        zb[3] = Math.max(zb[3], ring[i + 1]);
      }
    }
    const near = facs.filter((f) => f.box[0] - rp <= zb[2] && f.box[2] + rp >= zb[0] && f.box[1] - rp <= zb[3] && f.box[3] + rp >= zb[1]);
    const fineCell = Math.min(cell, Math.sqrt((areas[z] * k * k) / REFINED_ZONE_CELLS));
    const sub = computeCoverage({
      facilities: { type: 'FeatureCollection', features: near.map((f) => facilities.features[f.index]) },
      radiusM: r,
      area: { type: 'FeatureCollection', features: [zones[z]] },
      options: { ...opts, cellSize: fineCell, outlineMaxCells: Infinity, refineSmallZones: false },
    });
    refined.set(z, sub);
  }

  const perZone: CoverageZoneRow[] = zones.map((f, z) => {
    const id = zoneId(f, z, opts.idProperty);
    const nameV = f.properties?.[nameProp];
    const name = typeof nameV === 'string' ? nameV : id;
    const sub = refined.get(z);
    if (sub) {
      const s = sub.perZone[0];
      return { ...s, id, name, refined: true };
    }
    const frac = t.cells[z] > 0 ? t.cov[z] / t.cells[z] : 0;
    const attrPop = numberOrNull(f.properties?.[popProp]);
    const pop = popRuns ? t.pop[z] : attrPop;
    return {
      id,
      name,
      areaM2: areas[z],
      coveredM2: areas[z] * frac,
      coveredPct: 100 * frac,
      population: pop,
      coveredPopulation: pop === null ? null : popRuns ? t.popCov[z] : pop * frac,
      facilities: reach[z],
      facilitiesInside: inside[z],
      cellSizeM: cell,
      errorM2: 0.5 * cellTrue * (t.covEnds[z] + frac * t.zoneEnds[z]),
      refined: false,
    };
  });

  // totals over the union: each zone contributes the share of its cells it owns
  let totalAreaM2 = 0;
  let coveredAreaM2 = 0;
  let errorM2 = 0;
  let population = 0;
  let coveredPopulation = 0;
  let hasPop = false;
  perZone.forEach((row, z) => {
    const own = t.cells[z] > 0 ? t.ownCells[z] / t.cells[z] : 1;
    const ownCov = row.refined ? own * (row.coveredPct / 100) : t.cells[z] > 0 ? t.ownCov[z] / t.cells[z] : 0;
    totalAreaM2 += row.areaM2 * own;
    coveredAreaM2 += row.areaM2 * ownCov;
    errorM2 += row.errorM2 * own;
    if (row.population === null) return;
    hasPop = true;
    if (popRuns && !row.refined) {
      population += t.ownPop[z];
      coveredPopulation += t.ownPopCov[z];
    } else {
      population += row.population * own;
      coveredPopulation += (row.coveredPopulation ?? 0) * own;
    }
  });

  const coveredFC: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features: [] };
  const uncoveredFC: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features: [] };
  let outlineCell = cell;
  if (!opts.skipPolygons) {
    // outlines on the count grid, or a coarser one when that would be too many cells to draw
    const budget = opts.outlineMaxCells ?? OUTLINE_MAX_CELLS;
    outlineCell = Math.max(cell, Math.sqrt(((maxX - minX) * (maxY - minY)) / budget));
    const og = outlineCell === cell ? g : makeGrid(minX, minY, maxX, maxY, outlineCell);
    const pass = og === g ? { zr, covered } : rasterise(og, zoneRings, facs, rp);
    const toLonLat = latticeInverse(frame, og.x0, og.y0, og.x0 + og.w * og.cell, og.y0 + og.h * og.cell);
    for (let z = 0; z < nz; z++) {
      const row = perZone[z];
      const props = (status: string, areaM2: number, cellM: number) => ({ zone_id: row.id, zone_name: row.name, status, area_m2: Math.round(areaM2), cell_m: +cellM.toFixed(2) });
      const sub = refined.get(z);
      if (sub) {
        for (const f of sub.covered.features) coveredFC.features.push({ ...f, properties: props('covered', row.coveredM2, sub.outlineCellM) });
        for (const f of sub.uncovered.features) uncoveredFC.features.push({ ...f, properties: props('uncovered', row.areaM2 - row.coveredM2, sub.outlineCellM) });
      } else {
        const shapes = zoneShapes(og, toLonLat, pass.zr, pass.covered, z);
        if (shapes.covered.length)
          coveredFC.features.push({ type: 'Feature', properties: props('covered', row.coveredM2, outlineCell), geometry: { type: 'MultiPolygon', coordinates: shapes.covered } });
        if (shapes.uncovered.length)
          uncoveredFC.features.push({ type: 'Feature', properties: props('uncovered', row.areaM2 - row.coveredM2, outlineCell), geometry: { type: 'MultiPolygon', coordinates: shapes.uncovered } });
      }
      yield { stage: 'polygons', done: z + 1, total: nz };
    }
  }
  return {
    coveredAreaM2,
    totalAreaM2,
    coveredPct: totalAreaM2 > 0 ? (100 * coveredAreaM2) / totalAreaM2 : 0,
    population: hasPop ? population : null,
    coveredPopulation: hasPop ? coveredPopulation : null,
    errorM2,
    radiusM: r,
    cellSizeM: cell,
    outlineCellM: outlineCell,
    projection: GK117_EPSG,
    zonesOverlap: t.overlapping,
    facilityCount: facs.length,
    perZone,
    covered: coveredFC,
    uncovered: uncoveredFC,
  };
}

/** Run the coverage analysis to completion (synchronous). */
export function computeCoverage(params: CoverageParams): CoverageResult {
  return runSync(coverageSteps(params));
}
