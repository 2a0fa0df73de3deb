import { describe, expect, it } from 'vitest';
import type { CatalogLayer } from '../catalog/types';
import { DENSE_POINTS_MIN_FEATURES, buildLayerSpecs, colorExpr, pointRadiusStops, styleLayerIds } from './style';

const base = { id: 'blocks', geometry: 'polygon' as const, style: { color: '#a00', fillOpacity: 0.5, radius: 5 }, pointsFile: 'blocks.points.geojson' };

describe('map style derivation', () => {
  it('draws a small-polygon layer as fill, outline, city-scale dots and one label per feature', () => {
    const specs = buildLayerSpecs(base, { visible: true, opacity: 1, lang: 'zh' });
    expect(specs.map((s) => s.id)).toEqual(styleLayerIds(base));
    expect(specs.map((s) => s.id)).toEqual(['blocks:fill', 'blocks:line', 'blocks:point', 'blocks:label']);
    const point = specs.find((s) => s.id === 'blocks:point')!;
    expect(point.maxzoom).toBe(12);
    expect((point as { source: string }).source).toBe('blocks:pts');
    expect((specs.find((s) => s.id === 'blocks:label') as { source: string }).source).toBe('blocks:pts');
  });

  it('hides every piece of an invisible layer and applies opacity', () => {
    const specs = buildLayerSpecs(base, { visible: false, opacity: 0.5, lang: 'zh' });
    for (const s of specs) expect((s.layout as { visibility: string }).visibility).toBe('none');
    const line = specs.find((s) => s.id === 'blocks:line')!;
    expect((line.paint as Record<string, unknown>)['line-opacity']).toBe(0.5);
  });

  it('labels in English with a Chinese fallback', () => {
    const label = buildLayerSpecs(base, { visible: true, opacity: 1, lang: 'en' }).find((s) => s.id === 'blocks:label')!;
    expect((label.layout as Record<string, unknown>)['text-field']).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name']]);
  });

  it('colours categories with a match on the property and a default', () => {
    expect(colorExpr({ color: '#000', categories: { property: 'kind', values: { a: '#111', b: '#222' } } })).toEqual([
      'match', ['to-string', ['get', 'kind']], 'a', '#111', 'b', '#222', '#000',
    ]);
    expect(colorExpr({ color: '#000' })).toBe('#000');
  });

  it('passes the user filter to every piece', () => {
    const filter = ['==', ['get', 'kind'], 'a'] as unknown as NonNullable<Parameters<typeof buildLayerSpecs>[1]['filter']>;
    for (const s of buildLayerSpecs(base, { visible: true, opacity: 1, lang: 'zh', filter })) {
      // Labels also leave out places another layer already labels (issue 13: 水上公园 once).
      if (s.id.endsWith(':label')) expect((s as { filter?: unknown }).filter).toEqual(['all', filter, ['!', ['has', '__label_dup']]]);
      else expect((s as { filter?: unknown }).filter).toEqual(filter);
    }
  });

  it('draws lines and points without fills', () => {
    const line: Pick<CatalogLayer, 'id' | 'geometry' | 'style'> = { id: 'r', geometry: 'line', style: { color: '#00f' } };
    expect(styleLayerIds(line)).toEqual(['r:line', 'r:label']);
    const pt: Pick<CatalogLayer, 'id' | 'geometry' | 'style'> = { id: 'p', geometry: 'point', style: { color: '#00f', label: false } };
    expect(styleLayerIds(pt)).toEqual(['p:point']);
  });
});

describe('outline level of detail', () => {
  const parcels = { id: 'u-p', geometry: 'polygon' as const, style: { color: '#2a6', outline: '#135' } };

  it('strokes a large polygon layer only from street zoom, outlining it with the fill edge below', () => {
    const specs = buildLayerSpecs({ ...parcels, feature_count: 34_715 }, { visible: true, opacity: 1, lang: 'zh' });
    const line = specs.find((s) => s.id === 'u-p:line')!;
    const fill = specs.find((s) => s.id === 'u-p:fill')!;
    expect(line.minzoom).toBe(12);
    expect((fill.paint as Record<string, unknown>)['fill-outline-color']).toBe('#135');
    // No feature-state in the fill (no per-vertex paint data); the outline still shows hover.
    expect(JSON.stringify((fill.paint as Record<string, unknown>)['fill-opacity'])).not.toContain('feature-state');
    expect(JSON.stringify((line.paint as Record<string, unknown>)['line-width'])).toContain('feature-state');
  });

  it('strokes a small layer at every zoom', () => {
    const specs = buildLayerSpecs({ ...parcels, feature_count: 500 }, { visible: true, opacity: 1, lang: 'zh' });
    expect(specs.find((s) => s.id === 'u-p:line')!.minzoom).toBeUndefined();
    expect((specs.find((s) => s.id === 'u-p:fill')!.paint as Record<string, unknown>)['fill-outline-color']).toBeUndefined();
    expect(JSON.stringify((specs.find((s) => s.id === 'u-p:fill')!.paint as Record<string, unknown>)['fill-opacity'])).toContain('feature-state');
  });
});

describe('dense point layers', () => {
  const pts = { id: 'u-d', geometry: 'point' as const, style: { color: '#c33', radius: 5 } };
  const paint = (specs: ReturnType<typeof buildLayerSpecs>, id = 'u-d:point') => specs.find((s) => s.id === id)!.paint as Record<string, unknown>;
  const th = { color: ['step', ['get', 'v'], '#111', 10, '#222'] as never };

  it('draws small dots without a rim below street zoom for a layer of many points', () => {
    const p = paint(buildLayerSpecs({ ...pts, feature_count: DENSE_POINTS_MIN_FEATURES + 1 }, { visible: true, opacity: 1, lang: 'zh' }));
    expect(p['circle-radius']).toEqual(['interpolate', ['linear'], ['zoom'], ...pointRadiusStops(5, true).flat()]);
    expect(pointRadiusStops(5, true)[1]).toEqual([10, 1.8]);
    expect((p['circle-stroke-width'] as unknown[])[0]).toBe('step');
    expect((p['circle-stroke-width'] as unknown[])[2]).toBe(0);
    const small = paint(buildLayerSpecs({ ...pts, feature_count: 50 }, { visible: true, opacity: 1, lang: 'zh' }));
    expect(small['circle-radius']).toEqual(['interpolate', ['linear'], ['zoom'], 7, 3, 11, 5, 15, 8]);
  });

  it('keeps the catalog paint under a GPU-drawn thematic style, and hides the circles once the GPU draws', () => {
    const big = { ...pts, feature_count: 30_000 };
    const plain = paint(buildLayerSpecs(big, { visible: true, opacity: 0.8, lang: 'zh' }));
    const waiting = paint(buildLayerSpecs(big, { visible: true, opacity: 0.8, lang: 'zh', thematic: th, gpu: { drawn: false } }));
    const drawn = paint(buildLayerSpecs(big, { visible: true, opacity: 0.8, lang: 'zh', thematic: th, gpu: { drawn: true } }));
    // The colour (data-driven paint: a change would lay every tile out again) stays the catalog's.
    expect(waiting['circle-color']).toBe('#c33');
    expect(drawn['circle-color']).toBe('#c33');
    expect(waiting).toEqual(plain);
    expect(drawn['circle-opacity-transition']).toEqual({ duration: 0 });
    expect([drawn['circle-opacity'], drawn['circle-stroke-opacity']]).toEqual([0, 0]);
    expect(paint(buildLayerSpecs(big, { visible: true, opacity: 1, lang: 'zh', thematic: th, gpu: { drawn: true } }), 'u-d:halo')['circle-color']).toBe('#c33');
    // Once restyling pauses, the invisible circles take the settled style (queries, hit areas).
    const settled = { color: ['step', ['get', 'v'], '#333', 10, '#444'] as never, radius: 7 };
    const caught = paint(buildLayerSpecs(big, { visible: true, opacity: 1, lang: 'zh', thematic: th, gpu: { drawn: true, paint: settled } }));
    expect([caught['circle-color'], caught['circle-radius'], caught['circle-opacity']]).toEqual([settled.color, 7, 0]);
    // Without the GPU, MapLibre draws the classes.
    expect(paint(buildLayerSpecs(big, { visible: true, opacity: 1, lang: 'zh', thematic: th }))['circle-color']).toEqual(th.color);
  });
});
