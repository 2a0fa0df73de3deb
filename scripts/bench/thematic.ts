// Restyling a 100,000-feature layer: the work between choosing a method and handing the map
// its new colours. Two paths: MapLibre's circles (classification, legend counts, expression
// build, and the expression's compilation by MapLibre's own style-spec code), and GPU-drawn
// points (classification, legend counts, one class byte per feature and the palette; what
// the GPU layer then uploads is 100 KB). Run by `npm run bench`.
import { createPropertyExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { computeThematic } from '../../src/lib/thematic/compute.ts';
import { classPalette, featureClasses } from '../../src/lib/thematic/featureClasses.ts';
import { thematicRender } from '../../src/map/thematicStyle.ts';
import type { ThematicStyle } from '../../src/state/thematic.ts';

const N = 100_000;
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

export async function run(): Promise<void> {
  const r = rng(9);
  const types = ['居住', '商业', '工业', '公共服务', '绿地', '历史风貌', '交通', '其他'];
  const props = Array.from({ length: N }, (_, i) => ({
    density: i % 97 === 0 ? null : Math.round(Math.exp(r() * 8) * 10) / 10,
    year: 1950 + Math.floor(r() * 70),
    type: types[Math.floor(r() ** 2 * types.length)],
  }));
  const kept = Uint32Array.from({ length: N / 2 }, (_, i) => i * 2);
  const fillColor = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>).paint_fill['fill-color'];
  const styles: [string, ThematicStyle][] = [
    ['quantile 7', { v: 1, kind: 'graduated', field: 'density', method: 'quantile', classes: 7 }],
    ['equal 5', { v: 1, kind: 'graduated', field: 'density', method: 'equal', classes: 5 }],
    ['natural (ckmeans) 5', { v: 1, kind: 'graduated', field: 'density', method: 'natural', classes: 5 }],
    ['std dev 5', { v: 1, kind: 'graduated', field: 'year', method: 'stddev', classes: 5 }],
    ['target 3', { v: 1, kind: 'graduated', field: 'density', method: 'target', target: { threshold: 150, close: 0.2 } }],
    ['categories top 5', { v: 1, kind: 'categories', field: 'type', topN: 5 }],
  ];
  const rows: string[] = [];
  const gpuRows: string[] = [];
  let worst = 0;
  let worstGpu = 0;
  for (const [name, style] of styles) {
    for (const [label, k] of [['all', null], ['filtered 50%', kept]] as const) {
      const times: number[] = [];
      for (let rep = 0; rep < 5; rep++) {
        const t0 = performance.now();
        const res = computeThematic(props, style, k);
        const render = thematicRender(style, res.classes, { max: res.max });
        const compiled = createPropertyExpression(render.color, 'fill-color', fillColor);
        if (compiled.result !== 'success') throw new Error(`${name}: expression does not compile`);
        times.push(performance.now() - t0);
      }
      const m = median(times);
      worst = Math.max(worst, m);
      rows.push(`${name} ${label} ${fmt(m)}`);
      const gpu: number[] = [];
      for (let rep = 0; rep < 5; rep++) {
        const t0 = performance.now();
        const res = computeThematic(props, style, k);
        const bytes = featureClasses(props, style.field!, res.classes!, k);
        classPalette(res.classes!);
        if (bytes.length !== N) throw new Error(`${name}: ${bytes.length} class bytes`);
        gpu.push(performance.now() - t0);
      }
      const g = median(gpu);
      worstGpu = Math.max(worstGpu, g);
      gpuRows.push(`${name} ${label} ${fmt(g)}`);
    }
  }
  console.log(`thematic restyle of ${N.toLocaleString('en')} features (classify + legend counts + expression build/compile, median of 5 ms): ${rows.join(' · ')}`);
  console.log(`thematic restyle of ${N.toLocaleString('en')} points drawn on the GPU (classify + legend counts + class bytes + palette, median of 5 ms): ${gpuRows.join(' · ')}`);
  console.log(`thematic: slowest restyle ${fmt(worst)} ms through MapLibre's circles, ${fmt(worstGpu)} ms for GPU points (target ≤ 100 ms to the first frame; the browser figures follow, from tests/perf/thematic-restyle.mjs)`);
}
