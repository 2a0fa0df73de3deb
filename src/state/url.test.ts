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
    const { state, notices } = decodeHash(hash, { knownLayers: known, checkers: {} });
    expect(notices).toEqual([]);
    expect(state).toEqual(s);
  });

  it('reads the plain form the issue names: #map=zoom/lat/lng&layers=id,id', () => {
    const { state, notices } = decodeHash('#map=10/39.1/117.3&layers=shelters', { knownLayers: known, checkers: {} });
    expect(notices).toEqual([]);
    expect(state.view).toEqual({ zoom: 10, lat: 39.1, lng: 117.3, bearing: 0, pitch: 0 });
    expect(state.layers).toEqual(['shelters']);
  });

  it('keeps an empty layer list (all layers hidden) distinct from no list', () => {
    expect(decodeHash('#map=10/39/117&layers=', { checkers: {} }).state.layers).toEqual([]);
    expect(decodeHash('#map=10/39/117', { checkers: {} }).state.layers).toBeUndefined();
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
    ['#xyz=1', 'url.unknown'],
  ])('ignores the bad value in %s with a bilingual notice', (hash, code) => {
    const echo = (v: unknown) => ({ value: v, notices: [] });
    const { notices } = decodeHash(hash, { knownLayers: known, checkers: { f: echo, an: echo } });
    expect(notices.map((n) => n.code)).toContain(code);
    for (const n of notices) {
      expect(n.message.zh.length).toBeGreaterThan(0);
      expect(n.message.en.length).toBeGreaterThan(0);
    }
  });

  it('drops unknown layers and names them', () => {
    const { state, notices } = decodeHash('#layers=districts,nope,shelters,districts', { knownLayers: known, checkers: {} });
    expect(state.layers).toEqual(['districts', 'shelters']);
    expect(notices[0].message.en).toContain('nope');
  });

  it('passes JSON parameters through their checkers', () => {
    const good = encodeJsonParam({ districts: { text: '和平' } });
    const ok = decodeHash(`#f=${good}`, { checkers: { f: (v) => ({ value: v, notices: [] }) } });
    expect(ok.state.params).toEqual({ f: { districts: { text: '和平' } } });
    const notice = { code: 'url.f', message: { zh: '格式错误', en: 'bad shape' } };
    const bad = decodeHash(`#f=${good}`, { checkers: { f: () => ({ notices: [notice] }) } });
    expect(bad.state.params).toBeUndefined();
    expect(bad.notices).toEqual([notice]);
    const silent = decodeHash(`#f=${good}`, { checkers: { f: () => ({ notices: [] }) } });
    expect(silent.notices.map((n) => n.code)).toEqual(['url.f']);
    const throwing = decodeHash(`#f=${good}`, { checkers: { f: () => { throw new Error('x'); } } });
    expect(throwing.state.params).toBeUndefined();
    expect(throwing.notices.map((n) => n.code)).toEqual(['url.f']);
  });

  it('drops a parameter nobody checks, whatever it holds, and names it', () => {
    const { state, notices } = decodeHash(`#map=10/39/117&th=${encodeJsonParam({ a: 1 })}&zz=1`, { checkers: {} });
    expect(state).toEqual({ view: { zoom: 10, lat: 39, lng: 117, bearing: 0, pitch: 0 } });
    expect(notices.map((n) => n.code)).toEqual(['url.unknown', 'url.unknown']);
    expect(notices.map((n) => n.message.en).join(' ')).toMatch(/th.*zz/);
    expect(decodeHash('#__proto__=e30', { checkers: {} }).notices.map((n) => n.code)).toEqual(['url.unknown']);
  });

  it('writes JSON parameters in the order given, and one more checker reads one more parameter', () => {
    const s: UrlState = { layers: [], params: { f: { a: {} }, th: { b: 2 } } };
    const hash = encodeHash(s);
    expect(hash).toMatch(/&f=.*&th=/);
    const echo = (v: unknown) => ({ value: v, notices: [] });
    expect(decodeHash(hash, { checkers: { f: echo, th: echo } }).state.params).toEqual(s.params);
  });

  it('never throws on garbage', () => {
    for (const h of ['#', '#&&&', '#map=', '#layers=%E0%A4%A', '#op=%:x', '#=1', '#f=', '#an=!!!']) {
      expect(() => decodeHash(h, { knownLayers: known, checkers: {} })).not.toThrow();
    }
  });
});
