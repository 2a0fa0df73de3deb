// Round trips: export to each format (WGS84 and CGCS2000 GK CM 117°E) and load
// the file back through importFiles — geometry within 1 cm, properties intact.
import { strFromU8, unzipSync } from 'fflate';
import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { esriWkt } from './crs/esriWkt.ts';
import { identifyPrj } from './crs/prj.ts';
import { CRS_LIST } from './crs/registry.ts';
import { formatFromName, writeLayer, type ExportFormat } from './exportFormats.ts';
import { cutBytes, fieldNames } from './formats/shapefileWrite.ts';
import { importFiles } from './importFiles.ts';

const FEATURES: Feature[] = [
  {
    type: 'Feature',
    properties: { name: '五大道更新片区', area_ha: 12.5, code: '007', year: 2023, 更新类型说明: '历史街区保护', done: true, note: null },
    geometry: { type: 'Polygon', coordinates: [[[117.2, 39.1], [117.21, 39.1], [117.21, 39.11], [117.2, 39.11], [117.2, 39.1]], [[117.203, 39.103], [117.203, 39.106], [117.206, 39.106], [117.203, 39.103]]] },
  },
  {
    type: 'Feature',
    properties: { name: '海河 & <东岸>', area_ha: 30.123456, code: '100', year: 2025, 更新类型说明: '滨水空间', done: false, note: 'x' },
    geometry: { type: 'MultiPolygon', coordinates: [[[[117.712, 39.003], [117.732, 39.003], [117.732, 39.023], [117.712, 39.003]]], [[[117.75, 39.0], [117.76, 39.0], [117.76, 39.01], [117.75, 39.0]]]] },
  },
];
const LINES: Feature[] = [{ type: 'Feature', properties: { name: '海河', length_km: 72 }, geometry: { type: 'LineString', coordinates: [[117.1, 39.1], [117.2, 39.15], [117.3, 39.12]] } }];
const POINTS: Feature[] = [{ type: 'Feature', properties: { name: '天津站', rank: 1 }, geometry: { type: 'Point', coordinates: [117.2106, 39.1363] } }];

const metres = (a: Position, b: Position) => Math.hypot((a[0] - b[0]) * 111320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110574);

/** Every vertex of `want` has a vertex of `got` within 1 cm (rings may be rewound), and the vertex counts agree. */
function sameGeometry(got: unknown, want: unknown) {
  const flat = (c: unknown): Position[] => (Array.isArray(c) && typeof c[0] === 'number' ? [c as Position] : Array.isArray(c) ? c.flatMap(flat) : []);
  const g = flat((got as { coordinates: unknown }).coordinates);
  const w = flat((want as { coordinates: unknown }).coordinates);
  expect(g.length).toBe(w.length);
  for (const p of w) expect(Math.min(...g.map((q) => metres(p, q)))).toBeLessThan(0.01);
}

async function roundTrip(features: Feature[], format: ExportFormat, epsg: number) {
  const w = await writeLayer(features, format, { name: '更新片区', epsg, meta: { layer: 'test' } });
  const r = await importFiles([{ name: `更新片区${w.ext}`, bytes: w.bytes }]);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message.en).join('\n'));
  return { w, layers: r.layers };
}

const CASES: [ExportFormat, number][] = [
  ['shp', 4326], ['shp', 4548], ['fgb', 4326], ['fgb', 4548], ['gpkg', 4326], ['gpkg', 4548], ['kml', 4326], ['geojson', 4326],
];

describe.each(CASES)('%s in EPSG:%i', (format, epsg) => {
  it('polygons (with a hole and a multipolygon) come back within 1 cm with their properties', async () => {
    const { w, layers } = await roundTrip(FEATURES, format, epsg);
    expect(layers).toHaveLength(1);
    const fc = layers[0].data;
    expect(layers[0].stats.sourceCrs?.id ?? 'EPSG:4326').toBe(`EPSG:${epsg}`);
    expect(fc.features).toHaveLength(2);
    const rename = new Map((w.fields ?? []).map((f) => [f.field, f.property]));
    fc.features.forEach((f, i) => {
      sameGeometry(f.geometry, FEATURES[i].geometry);
      const props = Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [rename.get(k) ?? k, v]));
      const want = Object.fromEntries(Object.entries(FEATURES[i].properties!).filter(([, v]) => v !== null));
      if (format === 'kml') {
        // KML stores every value as text.
        expect(props).toMatchObject(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, String(v)])));
      } else expect(props).toMatchObject(want);
    });
  });

  it('lines and points too', async () => {
    for (const fs of [LINES, POINTS]) {
      const { layers } = await roundTrip(fs, format, epsg);
      sameGeometry(layers[0].data.features[0].geometry, fs[0].geometry);
      expect(layers[0].data.features[0].properties!.name).toBe(fs[0].properties!.name);
    }
  });
});

describe('Shapefile writer', () => {
  it('cuts field names to 10 bytes on a character boundary, keeps them unique, and lists them in metadata.json', async () => {
    expect(cutBytes('更新类型说明', 10)).toBe('更新类');
    expect(fieldNames(['更新类型说明', '更新类型备注', 'population_2020', 'population_2010', 'name'])).toEqual(['更新类', '更新_1', 'population', 'populati_1', 'name']);
    const w = await writeLayer(FEATURES, 'shp', { name: '更新片区', epsg: 4548 });
    const files = unzipSync(w.bytes);
    expect(Object.keys(files).sort()).toEqual(['更新片区.cpg', '更新片区.dbf', '更新片区.metadata.json', '更新片区.prj', '更新片区.shp', '更新片区.shx']);
    expect(strFromU8(files['更新片区.cpg'])).toBe('UTF-8');
    const prj = identifyPrj(strFromU8(files['更新片区.prj']));
    expect(prj.ok && prj.def.epsg).toBe(4548);
    const meta = JSON.parse(strFromU8(files['更新片区.metadata.json']));
    expect(meta.fields).toContainEqual({ property: '更新类型说明', field: '更新类', type: 'C' });
    expect(meta.crs).toBe('EPSG:4548');
  });

  it('mixed geometry kinds become one Shapefile per kind', async () => {
    const w = await writeLayer([...FEATURES, ...LINES, ...POINTS], 'shp', { name: 'mix' });
    const r = await importFiles([{ name: 'mix.shp.zip', bytes: w.bytes }]);
    expect(r.ok && r.layers.map((l) => [l.name, l.data.features.length])).toEqual([
      ['mix_polygons', 2],
      ['mix_lines', 1],
      ['mix_points', 1],
    ]);
  });

  it('the .prj written for every registered CRS with a .prj form is identified back', () => {
    for (const def of CRS_LIST) {
      const wkt = esriWkt(def);
      if (!wkt || def.aliasOf) continue;
      const m = identifyPrj(wkt);
      expect(m.ok && m.def.epsg, `EPSG:${def.epsg}`).toBe(def.epsg);
    }
  });
});

describe('formatFromName', () => {
  it('follows the extension', () => {
    expect(['a.geojson', 'a.shp.zip', 'a.kml', 'a.gpkg', 'a.fgb', 'a.txt'].map(formatFromName)).toEqual(['geojson', 'shp', 'kml', 'gpkg', 'fgb', null]);
  });
});

