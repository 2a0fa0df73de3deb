// The project's coverage method: rasterise the assessment area into row runs on
// a local metric grid, stamp every facility's reach (disc, or capsules along
// lines and polygon edges plus the polygon's interior) into a byte mask as row
// spans, then count per zone. Cost grows with the number of cells touched, not
// with the complexity of a union of circles.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import { collectionBBox, geometryParts, localProjection, projectX, projectY } from './geo.ts';
import { capsuleSpans, discSpans, fillRings, makeGrid, type Grid, type SpanFn } from './raster.ts';
import { runSync, type Steps } from './steps.ts';
import { countCovered, populationFromLayer, rasteriseZones, ringsXY, zoneAt, zoneShapes, type ZoneRuns } from './zones.ts';

export interface CoverageOptions {
  /** Cell size in metres. Default: adaptive, see `adaptiveCell`. */
  cellSize?: number;
  /** Cell budget for the adaptive cell size (default 1,000,000: ≈21 m over the central city's bbox). */
  maxCells?: number;
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
  /** Douglas–Peucker tolerance for output outlines, in cells (default 0.5; 0 keeps the staircase). */
  simplifyCells?: number;
  /** Skip building the covered/uncovered polygons (numbers only). */
  skipPolygons?: boolean;
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
  areaM2: number;
  coveredM2: number;
  coveredPct: number;
  population: number | null;
  coveredPopulation: number | null;
  /** Facilities whose reach touches the zone (wherever they stand). */
  facilities: number;
  /** Facilities standing inside the zone. */
  facilitiesInside: number;
}

export interface CoverageResult {
  coveredAreaM2: number;
  totalAreaM2: number;
  coveredPct: number;
  population: number | null;
  coveredPopulation: number | null;
  radiusM: number;
  cellSizeM: number;
  /** Facilities with usable geometry. */
  facilityCount: number;
  perZone: CoverageZoneRow[];
  covered: FeatureCollection<MultiPolygon>;
  uncovered: FeatureCollection<MultiPolygon>;
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

/** Largest grid allowed, in cells (a byte each, plus the zone runs). */
export const MAX_GRID_CELLS = 16e6;

/**
 * Default cell size (m): √(bbox area / maxCells), made finer for short reaches
 * (at most radius/25, so a disc spans ≥ 50 cells and its area is counted
 * within ~1 %), never finer than 5 m nor than a 4M-cell grid allows.
 */
export function adaptiveCell(bboxAreaM2: number, radiusM: number, maxCells = 1e6): number {
  const base = Math.sqrt(bboxAreaM2 / maxCells);
  const fine = radiusM > 0 ? Math.min(base, radiusM / 25) : base;
  return Math.round(2 * Math.max(5, Math.sqrt(bboxAreaM2 / 4e6), fine)) / 2;
}

export function* coverageSteps(params: CoverageParams): Steps<CoverageResult> {
  const { facilities, radiusM: r, area } = params;
  const opts = params.options ?? {};
  const zones = area.features.filter((f) => f.geometry && /Polygon$/.test(f.geometry.type));
  const bb = collectionBBox(zones);
  const empty: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features: [] };
  if (!bb) {
    return {
      coveredAreaM2: 0, totalAreaM2: 0, coveredPct: 0, population: null, coveredPopulation: null,
      radiusM: r, cellSizeM: 0, facilityCount: 0, perZone: [], covered: empty, uncovered: { ...empty, features: [] },
    };
  }
  const proj = localProjection((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2);
  const minX = projectX(proj, bb[0]);
  const minY = projectY(proj, bb[1]);
  const maxX = projectX(proj, bb[2]);
  const maxY = projectY(proj, bb[3]);
  const bboxArea = (maxX - minX) * (maxY - minY);
  // An explicit cell size is coarsened when it would exceed the grid budget (memory).
  const cell = Math.max(opts.cellSize ?? adaptiveCell(bboxArea, r, opts.maxCells), Math.sqrt(bboxArea / MAX_GRID_CELLS));
  const g: Grid = makeGrid(minX, minY, maxX, maxY, cell);
  const runs: ZoneRuns = rasteriseZones(g, proj, zones);
  yield { stage: 'zones', done: zones.length, total: zones.length };

  const covered = new Uint8Array(g.w * g.h);
  const nz = zones.length;
  const reach = new Float64Array(nz);
  const inside = new Float64Array(nz);
  const lastSeen = new Int32Array(nz).fill(-1);
  let current = 0;
  let currentGroup: unknown = 0;
  const groups = opts.groupProperty ? Array.from({ length: nz }, () => new Set<unknown>()) : null;
  const stamp: SpanFn = (row, c0, c1) => {
    const off = row * g.w;
    covered.fill(1, off + c0, off + c1);
    for (let k = runs.rowStart[row]; k < runs.rowStart[row + 1]; k++) {
      const z = runs.zone[k];
      if (lastSeen[z] !== current && runs.c0[k] < c1 && runs.c1[k] > c0) {
        lastSeen[z] = current;
        if (groups) groups[z].add(currentGroup);
        else reach[z]++;
      }
    }
  };
  const gx1 = g.x0 + g.w * cell;
  const gy1 = g.y0 + g.h * cell;
  let used = 0;
  const feats = facilities.features;
  for (let i = 0; i < feats.length; i++) {
    const geom = feats[i].geometry;
    const parts = geometryParts(geom);
    if (!parts.points.length && !parts.lines.length && !parts.polygons.length) continue;
    used++;
    current = i;
    if (groups) currentGroup = feats[i].properties?.[opts.groupProperty!] ?? `#${i}`;
    const a = anchor(geom);
    if (a) {
      const col = Math.floor((projectX(proj, a[0]) - g.x0) / cell);
      const row = Math.floor((projectY(proj, a[1]) - g.y0) / cell);
      const z = col >= 0 && col < g.w ? zoneAt(runs, col, row) : -1;
      if (z >= 0) inside[z]++;
    }
    for (const pt of parts.points) {
      const x = projectX(proj, pt[0]);
      const y = projectY(proj, pt[1]);
      if (x + r < g.x0 || x - r > gx1 || y + r < g.y0 || y - r > gy1) continue;
      discSpans(g, x, y, r, stamp);
    }
    const paths = [...parts.lines, ...parts.polygons.flat()];
    for (const path of paths) {
      for (let k = 1; k < path.length; k++) {
        const ax = projectX(proj, path[k - 1][0]);
        const ay = projectY(proj, path[k - 1][1]);
        const bx = projectX(proj, path[k][0]);
        const by = projectY(proj, path[k][1]);
        if (Math.max(ax, bx) + r < g.x0 || Math.min(ax, bx) - r > gx1) continue;
        if (Math.max(ay, by) + r < g.y0 || Math.min(ay, by) - r > gy1) continue;
        capsuleSpans(g, ax, ay, bx, by, r, stamp);
      }
      if (path.length === 1) discSpans(g, projectX(proj, path[0][0]), projectY(proj, path[0][1]), r, stamp);
    }
    if (parts.polygons.length) fillRings(g, ringsXY(proj, parts.polygons), stamp);
    if ((i & 255) === 255) yield { stage: 'stamp', done: i + 1, total: feats.length };
  }
  yield { stage: 'stamp', done: feats.length, total: feats.length };

  if (groups) groups.forEach((set, z) => (reach[z] = set.size));
  const cov = countCovered(g, runs, covered, nz);
  const popProp = opts.populationProperty ?? 'population_2020';
  const layerPop = opts.populationLayer ? populationFromLayer(g, proj, runs, covered, nz, opts.populationLayer, popProp) : null;
  const nameProp = opts.nameProperty ?? 'name';
  const perZone: CoverageZoneRow[] = zones.map((f, z) => {
    const frac = runs.cells[z] > 0 ? cov[z] / runs.cells[z] : 0;
    const pop = layerPop ? layerPop.total[z] : numberOrNull(f.properties?.[popProp]);
    const name = f.properties?.[nameProp];
    return {
      id: zoneId(f, z, opts.idProperty),
      name: typeof name === 'string' ? name : zoneId(f, z, opts.idProperty),
      areaM2: runs.areaM2[z],
      coveredM2: runs.areaM2[z] * frac,
      coveredPct: 100 * frac,
      population: pop,
      coveredPopulation: pop === null ? null : layerPop ? layerPop.covered[z] : pop * frac,
      facilities: reach[z],
      facilitiesInside: inside[z],
    };
  });
  const sum = (k: (z: CoverageZoneRow) => number | null) => perZone.reduce((s, z) => s + (k(z) ?? 0), 0);
  const totalAreaM2 = sum((z) => z.areaM2);
  const coveredAreaM2 = sum((z) => z.coveredM2);
  const hasPop = perZone.some((z) => z.population !== null);

  const coveredFC: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features: [] };
  const uncoveredFC: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features: [] };
  if (!opts.skipPolygons) {
    const tol = opts.simplifyCells ?? 0.5;
    for (let z = 0; z < nz; z++) {
      const shapes = zoneShapes(g, proj, runs, covered, z, tol);
      const row = perZone[z];
      const props = (status: string, areaM2: number) => ({ zone_id: row.id, zone_name: row.name, status, area_m2: Math.round(areaM2) });
      if (shapes.covered.length)
        coveredFC.features.push({ type: 'Feature', properties: props('covered', row.coveredM2), geometry: { type: 'MultiPolygon', coordinates: shapes.covered } });
      if (shapes.uncovered.length)
        uncoveredFC.features.push({ type: 'Feature', properties: props('uncovered', row.areaM2 - row.coveredM2), geometry: { type: 'MultiPolygon', coordinates: shapes.uncovered } });
      yield { stage: 'polygons', done: z + 1, total: nz };
    }
  }
  return {
    coveredAreaM2,
    totalAreaM2,
    coveredPct: totalAreaM2 > 0 ? (100 * coveredAreaM2) / totalAreaM2 : 0,
    population: hasPop ? sum((z) => z.population) : null,
    coveredPopulation: hasPop ? sum((z) => z.coveredPopulation) : null,
    radiusM: r,
    cellSizeM: cell,
    facilityCount: used,
    perZone,
    covered: coveredFC,
    uncovered: uncoveredFC,
  };
}

/** Run the coverage analysis to completion (synchronous). */
export function computeCoverage(params: CoverageParams): CoverageResult {
  return runSync(coverageSteps(params));
}
