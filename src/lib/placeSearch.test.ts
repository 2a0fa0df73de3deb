import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { buildPlaceIndex, searchPlaces } from './placeSearch';

type AnyFeature = Feature<Geometry | null>;

const f = (props: Record<string, unknown>, geometry: Geometry = { type: 'Point', coordinates: [117.2, 39.1] }): AnyFeature =>
  ({ type: 'Feature', properties: props, geometry });

const layers = [
  {
    layerId: 'heritage',
    features: [
      f({ name: '五大道历史文化街区', name_en: 'Five Avenues Historic District' }),
      f({ name: '五大道', name_en: 'Wudadao' }),
      f({ name: '意式风情区', name_en: 'Italian Style Town', aliases: ['意风区', 'Italian Town'] }),
    ],
  },
  {
    layerId: 'projects',
    features: [
      f({ name: '大道口片区改造', name_en: 'Dadaokou Renewal' }, { type: 'Polygon', coordinates: [[[117, 39], [117.2, 39], [117.2, 39.2], [117, 39]]] }),
      f({ name: '海河 五大道 连通', name_en: 'Haihe link' }),
      f({ name: '', name_en: '' }),
    ],
  },
];
const idx = buildPlaceIndex(layers);

describe('searchPlaces', () => {
  it('ranks exact, then prefix, then word start, then substring; shorter first', () => {
    const hits = searchPlaces(idx, '五大道');
    expect(hits.map((h) => [h.layerId, h.index, h.rank])).toEqual([
      ['heritage', 1, 0], ['heritage', 0, 1], ['projects', 1, 2],
    ]);
    const sub = searchPlaces(idx, '大道');
    expect(sub[0]).toMatchObject({ layerId: 'projects', index: 0, rank: 1 });
    // equal lengths (9) fall back to layer order
    expect(sub.slice(1).map((h) => h.name)).toEqual(['五大道', '五大道历史文化街区', '海河 五大道 连通']);
  });
  it('matches English case-insensitively and full-width input', () => {
    expect(searchPlaces(idx, 'five avenues')[0].index).toBe(0);
    expect(searchPlaces(idx, 'ＷＵＤＡＤＡＯ')[0]).toMatchObject({ index: 1, rank: 0, matched: 'Wudadao' });
    expect(searchPlaces(idx, 'district').map((h) => h.index)).toEqual([0]);
  });
  it('searches aliases and returns one hit per feature with its best name', () => {
    const hits = searchPlaces(idx, 'italian');
    expect(hits).toHaveLength(1);
    expect(hits[0].matched).toBe('Italian Town'); // both prefix matches; the shorter wins
    expect(searchPlaces(idx, '意风区')[0]).toMatchObject({ name: '意式风情区', rank: 0 });
  });
  it('gives a point for points and a bbox for other geometries', () => {
    expect(searchPlaces(idx, 'wudadao')[0]).toMatchObject({ point: [117.2, 39.1] });
    const poly = searchPlaces(idx, 'dadaokou')[0];
    expect(poly.bbox).toEqual([117, 39, 117.2, 39.2]);
    expect(poly.point).not.toBeNull();
  });
  it('honours limit and layer selection; empty query gives nothing', () => {
    expect(searchPlaces(idx, '大道', { limit: 2 })).toHaveLength(2);
    expect(searchPlaces(idx, '大道', { layerIds: ['heritage'] }).every((h) => h.layerId === 'heritage')).toBe(true);
    expect(searchPlaces(idx, '  ')).toEqual([]);
  });
});
