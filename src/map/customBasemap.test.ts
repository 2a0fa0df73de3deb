import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import { mapStyleFor } from './basemaps';
import { checkCustomUrl, customStyle, CUSTOM_SOURCE } from './customBasemap';

const BASE = 'http://127.0.0.1:4173/';
const under = mapStyleFor('offline', BASE) as StyleSpecification;

describe('custom basemaps', () => {
  it('recognises raster tile URLs, style URLs and PMTiles archives', () => {
    expect(checkCustomUrl('https://tiles.example.cn/{z}/{x}/{y}.png')).toMatchObject({ kind: 'raster' });
    expect(checkCustomUrl('https://maps.example.cn/styles/street/style.json')).toMatchObject({ kind: 'style' });
    expect(checkCustomUrl('https://data.example.cn/tianjin.pmtiles')).toMatchObject({ kind: 'pmtiles', url: 'https://data.example.cn/tianjin.pmtiles' });
    expect(checkCustomUrl('pmtiles://https://data.example.cn/tj.pmtiles')).toMatchObject({ kind: 'pmtiles', url: 'https://data.example.cn/tj.pmtiles' });
  });

  it('says what is wrong, in Chinese and English', () => {
    const bad = checkCustomUrl('ftp://x.cn/a.pmtiles') as { error: { zh: string; en: string } };
    expect(bad.error.zh).toContain('ftp:');
    expect(bad.error.en).toContain('http/https');
    expect((checkCustomUrl('https://x.cn/map') as { error: { en: string } }).error.en).toMatch(/\{z\}/);
    expect((checkCustomUrl('') as { error: { zh: string } }).error.zh).toContain('地址');
  });

  it('draws raster tiles and PMTiles over the embedded basemap', () => {
    const r = customStyle({ name: 'x', kind: 'raster', url: 'https://t.cn/{z}/{x}/{y}.png' }, under) as StyleSpecification;
    expect(r.layers.at(-1)!.id).toBe('bm-custom');
    expect(r.layers.map((l) => l.id)).toContain('bm-land');
    const v = customStyle({ name: 'x', kind: 'pmtiles', url: 'https://t.cn/tj.pmtiles', tileType: 'mvt' }, under) as StyleSpecification;
    expect(v.sources[CUSTOM_SOURCE]).toMatchObject({ type: 'vector', url: 'pmtiles://https://t.cn/tj.pmtiles' });
    expect(v.layers.some((l) => 'source-layer' in l && l['source-layer'] === 'transportation')).toBe(true);
    const p = customStyle({ name: 'x', kind: 'pmtiles', url: 'https://t.cn/tj.pmtiles', tileType: 'png' }, under) as StyleSpecification;
    expect(p.sources[CUSTOM_SOURCE]).toMatchObject({ type: 'raster' });
    expect(customStyle({ name: 'x', kind: 'style', url: 'https://t.cn/style.json' }, under)).toBe('https://t.cn/style.json');
    const tms = customStyle({ name: 'x', kind: 'raster', url: 'https://t.cn/{z}/{x}/{-y}.png' }, under) as StyleSpecification;
    expect(tms.sources[CUSTOM_SOURCE]).toMatchObject({ scheme: 'tms', tiles: ['https://t.cn/{z}/{x}/{y}.png'] });
  });
});
