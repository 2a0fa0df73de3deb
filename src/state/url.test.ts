import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash, encodeJsonParam, type UrlState } from './url';

const known = new Set(['districts', 'historic-blocks', 'shelters']);

describe('url hash codec', () => {
  it('round-trips view, layers, language, basemap and opacity', () => {
    const s: UrlState = {
      view: { zoom: 12.25, lat: 39.12345, lng: 117.2, bearing: 0, pitch: 0 },
      layers: ['districts', 'historic-blocks'],
      lang: 'en',
      basemap: 'osm',
      opacity: { districts: 0.5 },
    };
    const hash = encodeHash(s);
    expect(hash).toMatch(/^#map=12\.25\/39\.12345\/117\.2&layers=districts,historic-blocks&v=1/);
    const { state, notices } = decodeHash(hash, { knownLayers: known });
    expect(notices).toEqual([]);
    expect(state).toEqual(s);
  });

  it('reads the plain form the issue names: #map=zoom/lat/lng&layers=id,id', () => {
    const { state, notices } = decodeHash('#map=10/39.1/117.3&layers=shelters', { knownLayers: known });
    expect(notices).toEqual([]);
    expect(state.view).toEqual({ zoom: 10, lat: 39.1, lng: 117.3, bearing: 0, pitch: 0 });
    expect(state.layers).toEqual(['shelters']);
  });

  it('keeps an empty layer list (all layers hidden) distinct from no list', () => {
    expect(decodeHash('#map=10/39/117&layers=').state.layers).toEqual([]);
    expect(decodeHash('#map=10/39/117').state.layers).toBeUndefined();
  });

  it.each([
    ['#map=abc/39/117', 'url.map'],
    ['#map=30/39/117', 'url.map'],
    ['#map=10/95/117', 'url.map'],
    ['#map=10/39', 'url.map'],
    ['#map=10/39/117&lang=fr', 'url.lang'],
    ['#bm=google', 'url.bm'],
    ['#op=districts:7', 'url.op'],
    ['#v=9', 'url.version'],
    ['#f=%%%', 'url.f'],
    ['#an=bm90IGpzb24', 'url.an'],
  ])('ignores the bad value in %s with a bilingual notice', (hash, code) => {
    const { notices } = decodeHash(hash, { knownLayers: known });
    expect(notices.map((n) => n.code)).toContain(code);
    for (const n of notices) {
      expect(n.message.zh.length).toBeGreaterThan(0);
      expect(n.message.en.length).toBeGreaterThan(0);
    }
  });

  it('drops unknown layers and names them', () => {
    const { state, notices } = decodeHash('#layers=districts,nope,shelters,districts', { knownLayers: known });
    expect(state.layers).toEqual(['districts', 'shelters']);
    expect(notices[0].message.en).toContain('nope');
  });

  it('passes JSON parts through their validators', () => {
    const good = encodeJsonParam({ districts: { text: '和平' } });
    const ok = decodeHash(`#f=${good}`, { validateFilters: (v) => ({ value: v }) });
    expect(ok.state.filters).toEqual({ districts: { text: '和平' } });
    const bad = decodeHash(`#f=${good}`, { validateFilters: () => ({ error: { zh: '格式错误', en: 'bad shape' } }) });
    expect(bad.state.filters).toBeUndefined();
    expect(bad.notices[0].message.en).toContain('bad shape');
  });

  it('never throws on garbage', () => {
    for (const h of ['#', '#&&&', '#map=', '#layers=%E0%A4%A', '#op=%:x', '#=1', '#f=', '#an=!!!']) {
      expect(() => decodeHash(h, { knownLayers: known })).not.toThrow();
    }
  });
});
