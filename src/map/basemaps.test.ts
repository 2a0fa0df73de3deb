import { describe, expect, it } from 'vitest';
import { baseStyle, tiandituTiles } from './basemaps';

const BASE = 'http://127.0.0.1:4173/app/';

describe('basemaps', () => {
  it('defaults to the embedded style, loading only local files', () => {
    const s = baseStyle('offline', BASE);
    const urls = Object.values(s.sources).map((src) => (src as { data: string }).data);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u.startsWith(`${BASE}geo/`)).toBe(true);
    expect(s.glyphs).toBeUndefined(); // labels use local fonts: no glyph server
    expect(s.layers.map((l) => l.id)).toEqual(expect.arrayContaining(['bm-sea', 'bm-land', 'bm-water', 'bm-district-label']));
  });

  it('labels the embedded basemap in English when asked', () => {
    const label = baseStyle('offline', BASE, '', 'en').layers.find((l) => l.id === 'bm-district-label')!;
    expect((label.layout as Record<string, unknown>)['text-field']).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name']]);
  });

  it('builds OpenStreetMap raster tiles', () => {
    const s = baseStyle('osm', BASE);
    expect((s.sources.osm as { tiles: string[] }).tiles[0]).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  });

  it('builds Tianditu vec_w + cva_w with the user key, and falls back offline without one', () => {
    const s = baseStyle('tianditu', BASE, 'k&y');
    const vec = (s.sources.tianditu as { tiles: string[] }).tiles;
    const cva = (s.sources['tianditu-cva'] as { tiles: string[] }).tiles;
    expect(vec).toHaveLength(8);
    expect(vec[3]).toContain('https://t3.tianditu.gov.cn/vec_w/wmts?');
    expect(vec[0]).toContain('tk=k%26y');
    expect(cva[0]).toContain('LAYER=cva');
    expect(tiandituTiles('vec', 'x')[0]).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
    expect(baseStyle('tianditu', BASE, '').name).toBe('offline');
  });
});

describe('online basemaps over the embedded one', () => {
  it('keep the embedded land, water and labels underneath the online tiles', () => {
    for (const s of [baseStyle('osm', BASE), baseStyle('tianditu', BASE, 'key')]) {
      const ids = s.layers.map((l) => l.id);
      const online = ids.findIndex((id) => id === 'bm-osm' || id === 'bm-tianditu');
      expect(online).toBeGreaterThan(ids.indexOf('bm-land'));
      expect(online).toBeGreaterThan(ids.indexOf('bm-water'));
      expect(online).toBeGreaterThan(ids.indexOf('bm-district-label'));
    }
  });
});
