import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { BASEMAP_BBOX, buildBasemapLand } from './basemap.ts';
import { applyCorrections, gcjToWgs84, mergeDistricts, readCensus, readCorrections, readOldTianjin } from './boundaries.ts';

const corrections = readCorrections();
const districts = applyCorrections(mergeDistricts(gcjToWgs84(readOldTianjin()), readCensus()), corrections);
const { land, labels } = buildBasemapLand(districts, corrections.hebeiEnclaves);
const pieceAt = (p: Position) => land.features.filter((f) => turf.booleanPointInPolygon(p, f)).map((f) => f.properties.name);

describe('buildBasemapLand', () => {
  it('stays small and inside the bbox', () => {
    expect(JSON.stringify(land).length).toBeLessThan(400_000);
    const [x0, y0, x1, y1] = BASEMAP_BBOX;
    for (const [x, y] of turf.coordAll(land)) {
      expect(x).toBeGreaterThanOrEqual(x0); expect(x).toBeLessThanOrEqual(x1);
      expect(y).toBeGreaterThanOrEqual(y0); expect(y).toBeLessThanOrEqual(y1);
      expect(Math.abs(y * 1e6 - Math.round(y * 1e6))).toBeLessThan(1e-6);
    }
  });
  it('holds Tianjin and its neighbours, with Tianjin flagged once', () => {
    const names = land.features.map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['天津市', '北京市', '唐山市', '廊坊市', '沧州市', '保定市', '承德市', '山东省', '辽宁省']));
    expect(land.features.filter((f) => f.properties.is_tianjin).map((f) => f.properties.name)).toEqual(['天津市']);
    expect(names).not.toContain('邯郸市'); // wholly south of the bbox
  });
  it('puts known places on the right land', () => {
    expect(pieceAt([117.2, 39.12])).toEqual(['天津市']); // 和平区
    expect(pieceAt([116.3975, 39.9087])).toEqual(['北京市']); // Tiananmen
    expect(pieceAt([118.18, 39.63])).toEqual(['唐山市']); // Tangshan centre
    expect(pieceAt([117.93, 39.37])).toEqual(['唐山市']); // the Hebei enclave counts as Hebei
    expect(pieceAt([118.5, 38.6])).toEqual([]); // Bohai Sea
  });
  it('labels the neighbours in both languages, inside the bbox', () => {
    const byName = new Map(labels.features.map((f) => [f.properties.name, f]));
    for (const n of ['北京市', '唐山市', '廊坊市', '沧州市', '河北省']) expect(byName.has(n), n).toBe(true);
    expect(byName.get('河北省')!.properties.kind).toBe('province');
    expect(byName.get('廊坊市')!.properties).toMatchObject({ kind: 'city', name_en: 'Langfang' });
    expect(byName.has('天津市')).toBe(false);
    for (const f of labels.features) expect(turf.booleanPointInPolygon(f, turf.bboxPolygon(BASEMAP_BBOX))).toBe(true);
  });
  it('requires Tianjin districts', () => {
    expect(() => buildBasemapLand(turf.featureCollection([]))).toThrow(/Tianjin/);
  });
});
