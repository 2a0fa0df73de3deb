import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { keptValues, resolveClasses, classIndex } from '../lib/thematic/resolve';
import { MISSING_COLOR } from '../lib/thematic/ramps';
import type { ThematicSpec } from '../lib/thematic/spec';
import { thematicRender } from './thematicStyle';
import { buildLayerSpecs } from './style';

const spec = (layer: string, prop: string) => (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[layer][prop];

function evaluate(expr: unknown, layer: string, prop: string, properties: Record<string, unknown>): unknown {
  const r = createPropertyExpression(expr, prop, spec(layer, prop));
  if (r.result !== 'success') throw new Error(JSON.stringify(r.value));
  const v = r.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties } as never) as unknown;
  return v && typeof v === 'object' && 'r' in v ? hex(v as { r: number; g: number; b: number }) : v;
}
const hex = (c: { r: number; g: number; b: number }) => '#' + [c.r, c.g, c.b].map((x) => Math.round(x * 255).toString(16).padStart(2, '0')).join('');

const props = [{ v: 1 }, { v: 2.5 }, { v: '4' }, { v: 5 }, { v: 7 }, { v: 10 }, { v: null }, { v: '' }, { v: 'abc' }, {}];

describe('thematic expressions agree with the legend classes', () => {
  for (const method of ['quantile', 'equal', 'natural', 'stddev'] as const) {
    it(`graduated colours, ${method}`, () => {
      const s: ThematicSpec = { kind: 'graduated', field: 'v', method, classes: 3, ramp: 'Viridis' };
      const c = resolveClasses(s, keptValues(props, 'v'))!;
      const r = thematicRender(s, c);
      for (const p of props) {
        const i = classIndex(c, p.v);
        expect(evaluate(r.color, 'paint_fill', 'fill-color', p)).toBe(i >= 0 ? c.colors[i] : MISSING_COLOR);
      }
    });
  }
  it('categories with other and missing', () => {
    const ps = [{ t: 'a' }, { t: 'b' }, { t: 'a' }, { t: 'c' }, { t: null }, {}, { t: 3 }, { t: 'b' }];
    const s: ThematicSpec = { kind: 'categories', field: 't', topN: 2 };
    const c = resolveClasses(s, keptValues(ps, 't'))!;
    const r = thematicRender(s, c);
    const got = ps.map((p) => evaluate(r.color, 'paint_fill', 'fill-color', p));
    expect(c.type === 'categories' && c.values).toEqual(['a', 'b']);
    const col = c.colors;
    expect(got).toEqual([col[0], col[1], col[0], '#969696', MISSING_COLOR, MISSING_COLOR, '#969696', col[1]]);
  });
  it('graduated circle radii', () => {
    const s: ThematicSpec = { kind: 'circles', field: 'v', method: 'equal', classes: 3, radius: [2, 10] };
    const c = resolveClasses(s, keptValues(props, 'v'))!;
    const r = thematicRender(s, c);
    expect([{ v: 1 }, { v: 5 }, { v: 10 }, { v: null }].map((p) => evaluate(r.radius, 'paint_circle', 'circle-radius', p))).toEqual([2, 6, 10, 3]);
  });
  it('heat map weight and labels from any field', () => {
    const r = thematicRender({ kind: 'heatmap', field: 'v', label: 'code' }, null, { max: 10 });
    expect(evaluate(r.heatmap!['heatmap-weight'], 'paint_heatmap', 'heatmap-weight', { v: 5 })).toBe(0.5);
    expect(evaluate(r.heatmap!['heatmap-weight'], 'paint_heatmap', 'heatmap-weight', { v: 'x' })).toBe(0);
    expect(String(evaluate(r.label, 'layout_symbol', 'text-field', { code: 120101 }))).toBe('120101');
  });
});

describe('layer specs with a thematic style', () => {
  const poly = { id: 'd', geometry: 'polygon' as const, style: { color: '#123456', label: false as const } };
  const pt = { id: 'p', geometry: 'point' as const, style: { color: '#123456' } };
  it('fill colour and labels come from the thematic style', () => {
    const th = { color: '#ff0000', label: ['to-string', ['get', 'x']] as never };
    const specs = buildLayerSpecs(poly, { visible: true, opacity: 1, lang: 'zh', thematic: th });
    expect(specs.find((s) => s.id === 'd:fill')!.paint).toMatchObject({ 'fill-color': '#ff0000' });
    expect(specs.find((s) => s.id === 'd:label')?.layout).toMatchObject({ 'text-field': th.label });
  });
  it('a heat map adds a heatmap layer under the points', () => {
    const th = thematicRender({ kind: 'heatmap' }, null);
    const specs = buildLayerSpecs(pt, { visible: true, opacity: 1, lang: 'zh', thematic: th });
    const ids = specs.map((s) => `${s.id}:${s.type}`);
    expect(ids[0]).toBe('p:heat:heatmap');
    expect(ids).toContain('p:point:circle');
    expect(buildLayerSpecs(pt, { visible: true, opacity: 1, lang: 'zh' }).some((s) => s.type === 'heatmap')).toBe(false);
  });
});
