// `npm run bench`: timings for the README. Runs every module in scripts/bench/
// (each `*.ts` not starting with `_`, sorted, calling its exported `run()`)
// first, then network mode on a synthetic street grid, then coverage the naive
// Turf way against the project's method: a sparse case (200 facilities,
// 5-minute reach, all 16 districts; its own `bench sparse:` line) and the
// dense one (1,000 facilities, 15 minutes, the central city). The last line
// printed is the dense summary.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { computeCoverage, type CoverageResult } from '../src/analysis/coverage.ts';
import { EARTH_RADIUS_M } from '../src/analysis/geo.ts';
import { buildGraph } from '../src/analysis/graph.ts';
import { computeNetwork, multiSourceDijkstra, reachedEdges, snapFacilities } from '../src/analysis/network.ts';
import { DEFAULT_DETOUR, presetFor } from '../src/analysis/presets.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function runBenchModules(): Promise<void> {
  const dir = join(root, 'scripts', 'bench');
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_')).sort()) {
    try {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<void> };
      if (typeof mod.run === 'function') await mod.run();
    } catch (err) {
      console.log(`bench module ${file} failed: ${(err as Error).message}`);
    }
  }
}

/** The central-city polygon, or a stand-in ellipse of ~371 km² when none is digitised yet. */
function centralCity(): { area: FeatureCollection<Polygon | MultiPolygon>; label: string } {
  for (const rel of ['public/geo/central-city.geojson', 'seeds/central-city.geojson']) {
    const path = join(root, rel);
    if (!existsSync(path)) continue;
    const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
    const feats = fc.features.filter((f) => f.geometry && /Polygon$/.test(f.geometry.type)) as Feature<Polygon | MultiPolygon>[];
    if (feats.length) return { area: { type: 'FeatureCollection', features: feats }, label: rel };
  }
  const my = (EARTH_RADIUS_M * Math.PI) / 180;
  const mx = my * Math.cos((39.12 * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i <= 128; i++) {
    const t = ((i % 128) * Math.PI) / 64;
    ring.push([117.2 + (12000 * Math.cos(t)) / mx, 39.12 + (9850 * Math.sin(t)) / my]);
  }
  return {
    area: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'stand-in' }, geometry: { type: 'Polygon', coordinates: [ring] } }] },
    label: 'stand-in ellipse (24 × 19.7 km around 117.2°E, 39.12°N): no central-city polygon digitised yet',
  };
}

function randomFacilities(area: FeatureCollection<Polygon | MultiPolygon>, n: number, seed: number): FeatureCollection<Polygon | MultiPolygon> & FeatureCollection {
  const [x0, y0, x1, y1] = turf.bbox(area);
  const rand = rng(seed);
  const features: Feature[] = [];
  while (features.length < n) {
    const p: Position = [+(x0 + rand() * (x1 - x0)).toFixed(6), +(y0 + rand() * (y1 - y0)).toFixed(6)];
    if (area.features.some((f) => turf.booleanPointInPolygon(p, f))) features.push(turf.point(p));
  }
  return { type: 'FeatureCollection', features } as never;
}

function streetGrid(area: FeatureCollection, targetEdges: number, seed: number): FeatureCollection {
  const [x0, y0, x1, y1] = turf.bbox(area);
  const n = Math.round((1 + Math.sqrt(1 + 2 * targetEdges)) / 2); // 2·n·(n−1) ≈ target
  const rand = rng(seed);
  const jx = ((x1 - x0) / (n - 1)) * 0.15;
  const jy = ((y1 - y0) / (n - 1)) * 0.15;
  const node: Position[][] = [];
  for (let i = 0; i < n; i++) {
    node.push([]);
    for (let j = 0; j < n; j++) {
      node[i].push([
        +(x0 + ((x1 - x0) * j) / (n - 1) + (rand() - 0.5) * jx).toFixed(6),
        +(y0 + ((y1 - y0) * i) / (n - 1) + (rand() - 0.5) * jy).toFixed(6),
      ]);
    }
  }
  const features: Feature[] = [];
  for (let i = 0; i < n; i++) features.push(turf.lineString(node[i]));
  for (let j = 0; j < n; j++) features.push(turf.lineString(node.map((row) => row[j])));
  return { type: 'FeatureCollection', features };
}

const rows: [string, string][] = [];

await runBenchModules();

const { area, label } = centralCity();
const areaKm2 = turf.area(area) / 1e6;
const facilities = randomFacilities(area, 1000, 20231127);
const walk = presetFor(15)!.walkMeters;
const radius = walk / DEFAULT_DETOUR;
rows.push(['Central city', `${label}; ${areaKm2.toFixed(1)} km²`]);
rows.push(['Facilities', `1,000 seeded random points inside it; 15-minute reach ${walk} m walk (GB 50180) → circle radius ${radius.toFixed(0)} m (detour ${DEFAULT_DETOUR})`]);

// --- network mode --------------------------------------------------------
{
  const streets = streetGrid(area, 100_000, 7);
  let t = performance.now();
  const g = buildGraph(streets);
  const buildMs = performance.now() - t;
  t = performance.now();
  const src = snapFacilities(g, facilities);
  const snapMs = performance.now() - t;
  const searches: number[] = [];
  let dist: Float64Array = new Float64Array(0);
  for (let k = 0; k < 5; k++) {
    t = performance.now();
    dist = multiSourceDijkstra(g, src, walk);
    searches.push(performance.now() - t);
  }
  t = performance.now();
  const edges = reachedEdges(g, dist, walk);
  const edgesMs = performance.now() - t;
  let reached = 0;
  for (const d of dist) if (d <= walk) reached++;
  console.log(`network: ${g.edgeCount} edges, ${g.nodeCount} nodes; build ${fmt(buildMs)} ms, snap ${fmt(snapMs)} ms, search ${fmt(median(searches))} ms (median of 5; first ${fmt(searches[0])} ms), reached edges ${fmt(edgesMs)} ms`);
  rows.push(['Network: synthetic street grid', `${g.edgeCount.toLocaleString('en')} edges, ${g.nodeCount.toLocaleString('en')} nodes; graph build ${fmt(buildMs)} ms`]);
  // end to end as the app's worker runs it: graph, snap, search, reached streets, ±50 m strip over the area
  t = performance.now();
  const full = computeNetwork({ network: streets, facilities, reachM: walk, area });
  const fullMs = performance.now() - t;
  rows.push(['Network: search from 1,000 sources', `${fmt(median(searches))} ms (median of 5, first run ${fmt(searches[0])} ms; target ≤ 150 ms); snap ${fmt(snapMs)} ms; ${reached.toLocaleString('en')} nodes within ${walk} m; reached edges ${fmt(edgesMs)} ms (${(edges.lengthM / 1000).toFixed(0)} km)`]);
  rows.push(['Network mode end to end (app path)', `${fmt(fullMs)} ms: graph, snap, search, reached streets and their ±50 m strip over the central city (${full.coverage!.coveredPct.toFixed(1)}% covered, cell ${full.coverage!.cellSizeM} m)`]);
}

/** Naive Turf: buffer each facility, union them, clip to the area, measure. */
function naiveCoverage(points: FeatureCollection, r: number, zones: FeatureCollection<Polygon | MultiPolygon>) {
  const t0 = performance.now();
  const discs = points.features.map((f) => turf.buffer(f, r, { units: 'meters' }) as Feature<Polygon>);
  const u = turf.union(turf.featureCollection(discs)) as Feature<Polygon | MultiPolygon>;
  const clipTo = zones.features.length === 1 ? zones.features[0] : (turf.union(zones) as Feature<Polygon | MultiPolygon>);
  const cut = turf.intersect(turf.featureCollection([u, clipTo]));
  return { areaM2: cut ? turf.area(cut) : 0, ms: performance.now() - t0 };
}

/** Median time of `runs` runs after `warm` warm-up runs, the first run's time, and the last result. */
function timed(fn: () => CoverageResult, warm: number, runs: number) {
  const times: number[] = [];
  let res: CoverageResult | null = null;
  for (let k = 0; k < warm + runs; k++) {
    const t0 = performance.now();
    res = fn();
    times.push(performance.now() - t0);
  }
  return { res: res!, ms: median(times.slice(warm)), first: times[0] };
}

// --- coverage, sparse: 200 facilities, 5 minutes, all 16 districts --------
{
  const path = join(root, 'public/geo/districts.geojson');
  if (!existsSync(path)) {
    console.log('bench sparse: skipped, public/geo/districts.geojson is missing (run npm run data)');
  } else {
    const districts = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const pts = randomFacilities(districts, 200, 20261129);
    const r5 = presetFor(5)!.walkMeters / DEFAULT_DETOUR;
    const naive = naiveCoverage(pts, r5, districts);
    const proj = timed(() => computeCoverage({ facilities: pts, radiusM: r5, area: districts }), 2, 7);
    const numbersOnly = timed(() => computeCoverage({ facilities: pts, radiusM: r5, area: districts, options: { skipPolygons: true } }), 1, 7);
    const d = (100 * Math.abs(proj.res.coveredAreaM2 - naive.areaM2)) / naive.areaM2;
    const ratioS = naive.ms / proj.ms;
    rows.push(['Sparse: 200 facilities, 5-minute reach (radius ' + r5.toFixed(0) + ' m), all 16 districts (' + (proj.res.totalAreaM2 / 1e6).toFixed(0) + ' km²)', `naive Turf ${fmt(naive.ms)} ms; project ${fmt(proj.ms)} ms with outlines (numbers only ${fmt(numbersOnly.ms)} ms; first run ${fmt(proj.first)} ms); cell ${proj.res.cellSizeM.toFixed(2)} m, outlines ${proj.res.outlineCellM.toFixed(1)} m`]);
    rows.push(['Sparse: ratio · covered area', `${ratioS.toFixed(0)}× (target ≥ 20×) · naive ${(naive.areaM2 / 1e6).toFixed(2)} km², project ${(proj.res.coveredAreaM2 / 1e6).toFixed(2)} km² ± ${(proj.res.errorM2 / 1e6).toFixed(2)} (bound); difference ${d.toFixed(2)}% (target ≤ 1%)`]);
    console.log(`bench sparse: naive ${naive.ms.toFixed(0)} ms, project ${proj.ms.toFixed(1)} ms, ratio ${ratioS.toFixed(0)}x, area difference ${d.toFixed(2)}%`);
  }
}

// --- coverage: naive Turf -------------------------------------------------
let t = performance.now();
const buffers = facilities.features.map((f) => turf.buffer(f, radius, { units: 'meters' }) as Feature<Polygon>);
const tBuffer = performance.now() - t;
const union = turf.union(turf.featureCollection(buffers)) as Feature<Polygon | MultiPolygon>;
const tUnion = performance.now() - t - tBuffer;
const clip = area.features.length === 1 ? area.features[0] : (turf.union(area as FeatureCollection<Polygon | MultiPolygon>) as Feature<Polygon | MultiPolygon>);
const clipped = turf.intersect(turf.featureCollection([union, clip]));
const naiveArea = clipped ? turf.area(clipped) : 0;
const naiveMs = performance.now() - t;
console.log(`naive: buffer ${fmt(tBuffer)} ms, union ${fmt(tUnion)} ms, clip+area ${fmt(naiveMs - tBuffer - tUnion)} ms`);

// --- coverage: project method ----------------------------------------------
const runs: number[] = [];
let result: CoverageResult | null = null;
const WARM = 3;
for (let k = 0; k < WARM + 11; k++) {
  t = performance.now();
  result = computeCoverage({ facilities, radiusM: radius, area });
  runs.push(performance.now() - t);
}
// steady state: the median of 11 runs after 3 warm-up runs (the JIT compiles the hot loops);
// the very first, cold run is reported alongside
const projectMs = median(runs.slice(WARM));
const res = result!;
const vertices = [...res.covered.features, ...res.uncovered.features].reduce((s, f) => s + f.geometry.coordinates.flat(2).length, 0);
const diffPct = (100 * Math.abs(res.coveredAreaM2 - naiveArea)) / naiveArea;
const ratio = naiveMs / projectMs;
console.log(`project: runs ${runs.map(fmt).join(', ')} ms; cell ${res.cellSizeM.toFixed(2)} m`);

rows.push(['Naive Turf: buffer each, union all, clip', `${fmt(naiveMs)} ms (buffer ${fmt(tBuffer)}, union ${fmt(tUnion)}, clip + area ${fmt(naiveMs - tBuffer - tUnion)})`]);
rows.push(['Project: row runs in EPSG:4548', `${fmt(projectMs)} ms (median of 11 after ${WARM} warm-up runs; first, cold run ${fmt(runs[0])} ms); cell ${res.cellSizeM.toFixed(2)} m (radius/25); includes covered/uncovered outlines (${vertices.toLocaleString('en')} vertices)`]);
rows.push(['Ratio naive / project', `${ratio.toFixed(0)}× steady state (target ≥ 100×); ${(naiveMs / runs[0]).toFixed(0)}× against the cold first run`]);
rows.push(['Covered area', `naive ${(naiveArea / 1e6).toFixed(2)} km², project ${(res.coveredAreaM2 / 1e6).toFixed(2)} km² ± ${(res.errorM2 / 1e6).toFixed(2)} (bound) of ${(res.totalAreaM2 / 1e6).toFixed(2)} km²; difference ${diffPct.toFixed(2)}% (target ≤ 1%)`]);

console.log('');
console.log('| Measure | Result |');
console.log('|---|---|');
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
console.log('');
console.log(`bench: naive ${naiveMs.toFixed(0)} ms, project ${projectMs.toFixed(1)} ms, ratio ${ratio.toFixed(0)}x, area difference ${diffPct.toFixed(2)}%`);
