// Benchmark: filtering, exporting and place search on a synthetic
// 100,000-feature point layer over Tianjin (seeded, so runs are comparable).
// Loaded by scripts/bench.ts; alone:
//   npx tsx -e "import('./scripts/bench/filter-export.ts').then(m=>m.run())"
import type { Feature, Polygon } from 'geojson';
import { featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { applyFilter, compileFilter, textIndexOf, toMapLibreFilter, warmTextIndex } from '../../src/lib/filterEval';
import type { LayerFilter } from '../../src/lib/filterModel';
import { computeFieldStats } from '../../src/lib/fieldStats';
import { buildPlaceIndex, searchPlaces } from '../../src/lib/placeSearch';
import { exportGeoJSON } from '../../src/io/exportGeoJSON';
import { exportCsv } from '../../src/io/exportCsv';

const N = 100_000;

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const DISTRICTS = [['和平区', 'Heping'], ['河西区', 'Hexi'], ['南开区', 'Nankai'], ['河东区', 'Hedong'], ['河北区', 'Hebei'], ['红桥区', 'Hongqiao']];
const KINDS = [['老旧小区', 'Old residential'], ['历史街区', 'Historic block'], ['公园', 'Park'], ['城中村', 'Urban village'], ['工业遗存', 'Industrial heritage'], ['社区中心', 'Community centre']];
const STATUS = ['planned', 'ongoing', 'done'];

export function syntheticLayer(n = N, seed = 20230101): Feature[] {
  const r = rng(seed);
  const out = new Array<Feature>(n);
  for (let i = 0; i < n; i++) {
    const d = DISTRICTS[Math.floor(r() * DISTRICTS.length)];
    const k = KINDS[Math.floor(r() * KINDS.length)];
    out[i] = {
      type: 'Feature',
      properties: {
        name: `${d[0]}${k[0]}${i}号`,
        name_en: `${d[1]} ${k[1]} ${i}`,
        kind: k[0],
        district: d[0],
        status: STATUS[Math.floor(r() * 3)],
        year: 2023 + Math.floor(r() * 5),
        area_ha: Math.round(r() * 5000) / 100,
        households: Math.floor(r() * 3000),
      },
      // Central Tianjin, roughly 117.05–117.35 E, 38.98–39.25 N.
      geometry: { type: 'Point', coordinates: [117.05 + r() * 0.3, 38.98 + r() * 0.27] },
    };
  }
  return out;
}

/** Six wedge-shaped "districts" around the centre, 60 vertices each. */
function syntheticDistricts(): Feature[] {
  const [cx, cy] = [117.2, 39.115];
  return DISTRICTS.map(([zh, en], j) => {
    const ring: number[][] = [[cx, cy]];
    for (let s = 0; s <= 58; s++) {
      const a = ((j + s / 58) * Math.PI * 2) / DISTRICTS.length;
      const rad = 0.2 * (0.9 + 0.1 * Math.sin(s));
      ring.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a) * 0.8]);
    }
    ring.push([cx, cy]);
    return { type: 'Feature', properties: { name: zh, name_en: en }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
}

function time(fn: () => void, runs = 7): { median: number; first: number } {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  const first = ts[0];
  ts.sort((a, b) => a - b);
  return { median: ts[Math.floor(ts.length / 2)], first };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function run(): Promise<void> {
  let t0 = performance.now();
  const features = syntheticLayer();
  const districtPolygons = syntheticDistricts();
  const ctx: Parameters<typeof applyFilter>[2] = { districtPolygons };
  console.log(`filter-export: synthetic layer of ${N.toLocaleString('en')} points built in ${ms(performance.now() - t0)}`);

  const drawn: Polygon = {
    type: 'Polygon',
    coordinates: [[[117.12, 39.05], [117.25, 39.03], [117.3, 39.12], [117.22, 39.2], [117.1, 39.15], [117.12, 39.05]]],
  };
  // What MapLibre's map.setFilter does on the main thread for one style layer:
  // validate the expression, clone it, compile it (the worker compiles it again
  // and re-filters the tiles off the main thread).
  const setFilterWork = (expr: unknown) => {
    if (!expr) return;
    const errors = validateStyleMin.filter({ key: 'layers.bench.filter', value: expr, style: {}, styleSpec: latest } as never) as unknown[];
    if (errors.length) throw new Error(`invalid filter: ${JSON.stringify(errors[0])}`);
    featureFilter(JSON.parse(JSON.stringify(expr)), 'filter');
  };
  // The point layer is drawn by two style layers (circles and labels), each given the filter.
  const STYLE_LAYERS = 2;
  // A "filter change": compile + apply + MapLibre expression + counts, then MapLibre's setFilter work.
  const change = (f: LayerFilter) => {
    let count = 0;
    let exprSize = 0;
    const pure = time(() => {
      const kept = applyFilter(features, f, ctx);
      const expr = toMapLibreFilter(f, kept);
      count = kept.count;
      const byIndex = expr && expr[0] === 'match' && Array.isArray(expr[1]) && expr[1][0] === 'id';
      exprSize = byIndex ? (expr[2] as number[]).length : 0;
    });
    const full = time(() => {
      const kept = applyFilter(features, f, ctx);
      const expr = toMapLibreFilter(f, kept);
      for (let k = 0; k < STYLE_LAYERS; k++) setFilterWork(expr);
    });
    return { median: pure.median, first: pure.first, full: full.median, fullFirst: full.first, count, exprSize };
  };
  const report = (label: string, f: LayerFilter) => {
    const r = change(f);
    const idx = r.exprSize ? `, index list ${r.exprSize.toLocaleString('en')}` : ', native expression';
    console.log(`filter 100k (${label}): ${ms(r.median)} median (first ${ms(r.first)}) filter + counts + expression; ${ms(r.full)} median (first ${ms(r.fullFirst)}) with MapLibre setFilter on ${STYLE_LAYERS} style layers (target ≤ 50 ms) → ${r.count.toLocaleString('en')} kept${idx}`);
  };
  report('category', { categories: { kind: ['公园', '历史街区'] } });
  report('category+range', { categories: { kind: ['公园', '历史街区'], status: ['ongoing'] }, ranges: { area_ha: [5, 30], year: [2024, null] } });
  t0 = performance.now();
  warmTextIndex(features);
  console.log(`text cache warm-up 100k: ${ms(performance.now() - t0)} (once per layer; first text filter pays it if not warmed)`);
  report('text "河西 公园", no text index', { text: '河西 公园' });
  t0 = performance.now();
  ctx.textIndex = textIndexOf(features);
  console.log(`text index build 100k: ${ms(performance.now() - t0)} (once per layer, after the warm-up; the app builds it when the layer is first filtered)`);
  report('text "河西 公园"', { text: '河西 公园' });
  report('text "park 12"', { text: 'park 12' });
  report('drawn polygon', { polygon: drawn });
  report('district ×2', { district: ['和平区', '河西区'] });
  report('all clauses', { categories: { kind: ['公园', '老旧小区'] }, ranges: { households: [100, 2500] }, text: '区', district: ['南开区', '河西区', '和平区'], polygon: drawn });
  const pred = compileFilter({ polygon: drawn });
  const pip = time(() => { for (let i = 0; i < N; i++) pred(features[i]); });
  console.log(`point-in-polygon 100k (predicate only): ${ms(pip.median)}`);

  // What MapLibre does with an index expression on setFilter (parse/compile).
  const kept = applyFilter(features, { polygon: drawn }, ctx);
  const expr = toMapLibreFilter({ polygon: drawn }, kept);
  const parse = time(() => featureFilter(expr as never, 'filter'), 3);
  console.log(`maplibre featureFilter parse of a ${kept.count.toLocaleString('en')}-index match: ${ms(parse.median)} (info)`);

  const stats = time(() => computeFieldStats(features), 3);
  console.log(`field stats 100k: ${ms(stats.median)}`);

  const meta = {
    layerId: 'bench', layerTitle: { zh: '基准', en: 'Bench' }, source: 'synthetic',
    filters: {}, generated: new Date(), app: 'bench',
  };
  let size = 0;
  const gj = time(() => { size = exportGeoJSON(features, meta).length; }, 3);
  console.log(`export GeoJSON 100k: ${ms(gj.median)} median, first ${ms(gj.first)} (target ≤ 1000 ms), ${(size / 1e6).toFixed(1)} M chars`);
  const csv = time(() => { size = exportCsv(features).length; }, 3);
  console.log(`export CSV lon/lat 100k: ${ms(csv.median)} median, first ${ms(csv.first)} (target ≤ 1000 ms), ${(size / 1e6).toFixed(1)} M chars`);
  const wkt = time(() => { size = exportCsv(features, { geometry: 'wkt' }).length; }, 3);
  console.log(`export CSV WKT 100k: ${ms(wkt.median)} median (target ≤ 1000 ms), ${(size / 1e6).toFixed(1)} M chars`);

  let index = buildPlaceIndex([{ layerId: 'bench', features }]);
  const build = time(() => { index = buildPlaceIndex([{ layerId: 'bench', features }]); }, 3);
  console.log(`place index build 100k features (${index.keys.length.toLocaleString('en')} names): ${ms(build.median)}`);
  for (const q of ['河西区公园12', 'park', 'Hexi Park 777']) {
    let hits = 0;
    const s = time(() => { hits = searchPlaces(index, q).length; });
    console.log(`place search "${q}": ${ms(s.median)} (${hits} hits shown)`);
  }
}
