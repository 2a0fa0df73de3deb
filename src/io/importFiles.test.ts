// Every format and every bad input of issue 8, through the one entry point.
// Fixtures: tests/fixtures/formats (made by make-fixtures.ts beside them; the
// reference files were written once by GDAL's ogr2ogr from source-parcels.geojson).
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportFilesResult } from './importFiles.ts';
import type { Issue } from './messages.ts';

const DIR = 'tests/fixtures/formats/';
const bytes = (f: string) => new Uint8Array(readFileSync(DIR + f));
const load = (f: string, opts = {}) => importFiles([{ name: f, bytes: bytes(f) }], opts);
const SOURCE = JSON.parse(readFileSync(DIR + 'source-parcels.geojson', 'utf8')) as FeatureCollection<Polygon>;
const metres = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * 111320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110574);

function ok(r: ImportFilesResult) {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.code}: ${e.message.en}`).join('\n'));
  return r;
}
function failed(r: ImportFilesResult) {
  if (r.ok) throw new Error('expected failure');
  return r;
}
/** Every vertex of the parcels back where the WGS84 source has it, within `tol` metres. */
function expectParcels(fc: FeatureCollection, tol: number) {
  expect(fc.features).toHaveLength(3);
  fc.features.forEach((f, i) => {
    const got = (f.geometry as Polygon).coordinates[0];
    const want = SOURCE.features[i].geometry.coordinates[0];
    // Rings may start elsewhere or run the other way: compare as sets of vertices.
    for (const p of want) expect(Math.min(...got.map((q) => metres(p, q)))).toBeLessThan(tol);
  });
}
/** Located and bilingual: names a file part, both languages filled. */
function expectLocated(i: Issue, file: RegExp) {
  expect(i.file).toMatch(file);
  expect(i.message.en.length).toBeGreaterThan(15);
  expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(i.message.en + i.message.zh).not.toMatch(/\{\w+\}/);
}

describe('Shapefile', () => {
  it('zipped, CGCS2000 GK CM 117°E, GBK .dbf without .cpg: converted, Chinese text intact, encoding named', async () => {
    const r = ok(await load('shp-cgcs2000-gk117-gbk-nocpg.zip'));
    const l = r.layers[0];
    expect(l.name).toBe('parcels');
    expect(l.stats.sourceCrs?.id).toBe('EPSG:4548');
    expectParcels(l.data, 0.5);
    expect(l.data.features[0].properties).toMatchObject({ name: '五大道更新片区', area_ha: 12.5, code: '007', year: 2023 });
    const enc = l.warnings.find((w) => w.code === 'dbf.encoding_detected')!;
    expect(enc.message.en).toContain('GBK/GB18030');
    expect(enc.file).toMatch(/parcels\.dbf$/);
  });

  it('nested one folder deep, zone-prefixed EPSG:4527, UTF-8 .cpg: no encoding warning; a name cut inside a character is repaired', async () => {
    const l = ok(await load('shp-cgcs2000-zone39-utf8-nested.zip')).layers[0];
    expect(l.stats.sourceCrs?.id).toBe('EPSG:4527');
    expectParcels(l.data, 0.5);
    expect(l.warnings.map((w) => w.code)).not.toContain('dbf.encoding_detected');
    expect(Object.keys(l.data.features[0].properties!)).toContain('更新类');
    expect(l.data.features[2].properties!['更新类']).toBe('滨水空间');
  });

  it('loose .shp/.shx/.dbf/.prj/.cpg chosen together make one layer', async () => {
    const parts = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => ({ name: `loose-zone39.${e}`, bytes: bytes(`loose-zone39.${e}`) }));
    const r = ok(await importFiles(parts));
    expect(r.layers).toHaveLength(1);
    expectParcels(r.layers[0].data, 0.5);
  });

  it('several Shapefiles in one zip become several layers', async () => {
    const r = ok(await load('shp-two-layers.zip'));
    expect(r.layers.map((l) => [l.name, l.data.features.length, l.data.features[0].geometry.type])).toEqual([
      ['parcels39', 3, 'Polygon'],
      ['points', 2, 'Point'],
    ]);
  });

  it.each([
    ['shp-beijing54-gk117.zip', 'EPSG:2436'],
    ['shp-xian80-gk117.zip', 'EPSG:2384'],
  ])('%s: converted with a legacy-datum warning and accuracy_m 100', async (f, id) => {
    const l = ok(await load(f)).layers[0];
    expect(l.stats.sourceCrs?.id).toBe(id);
    expect(l.stats.accuracy_m).toBe(100);
    // GDAL wrote these with PROJ's no-shift (ballpark) transformation, so they come back exactly.
    expectParcels(l.data, 0.5);
    const w = l.warnings.find((x) => x.code === 'crs.legacy_datum')!;
    expect(w.message.en).toMatch(/100 m/);
    expect(w.message.zh).toMatch(/100 米/);
  });

  it('no .prj and metre coordinates: refused with candidates, CGCS2000 CM 117°E first; choosing it loads the data', async () => {
    const r = failed(await load('shp-no-prj-gk117.zip'));
    expect(r.errors[0].code).toBe('crs.choose');
    expect(r.crsCandidates![0].id).toBe('EPSG:4548');
    expect(r.crsCandidates!.map((c) => c.id)).toEqual(expect.arrayContaining(['EPSG:2436', 'EPSG:2384', 'EPSG:32650']));
    const l = ok(await load('shp-no-prj-gk117.zip', { from: 'EPSG:4548' })).layers[0];
    expectParcels(l.data, 0.5);
  });
});

describe('bad Shapefile and archive inputs: located bilingual messages', () => {
  it.each([
    ['shp-no-shp.zip', 'shp.missing', /parcels39\.shp$/],
    ['zip-nothing-loadable.zip', 'zip.no_data', /zip-nothing-loadable\.zip$/],
    ['shp-count-mismatch.zip', 'shp.count_mismatch', /parcels39\.dbf$/],
    ['shp-truncated.zip', 'shp.truncated', /parcels39\.shp$/],
    ['shp-unknown-prj.zip', 'prj.unknown', /parcels39\.prj$/],
    ['kmz-no-kml.kmz', 'kmz.no_kml', /kmz-no-kml\.kmz$/],
    ['gpkg-no-vector.gpkg', 'gpkg.no_vector', /gpkg-no-vector\.gpkg$/],
    ['zip-bomb-declared.zip', 'zip.too_large', /zip-bomb-declared\.zip$/],
    ['kml-broken.kml', 'xml.unreadable', /kml-broken\.kml$/],
  ])('%s → %s', async (f, code, file) => {
    const r = failed(await load(f));
    expect(r.errors[0].code).toBe(code);
    expectLocated(r.errors[0], file);
  });

  it('a truncated .shp names the record where it breaks', async () => {
    expect(failed(await load('shp-truncated.zip')).errors[0].record).toBe(3);
  });

  it('a .shp without .dbf loads the geometry with a warning', async () => {
    const l = ok(await load('shp-no-dbf.zip')).layers[0];
    expect(l.data.features).toHaveLength(3);
    expect(l.data.features[0].properties).toEqual({});
    expectLocated(l.warnings.find((w) => w.code === 'shp.no_dbf')!, /parcels39\.dbf$/);
  });

  it('an unknown .prj offers candidates and loads when one is chosen', async () => {
    const r = failed(await load('shp-unknown-prj.zip'));
    expect(r.crsCandidates![0].id).toBe('EPSG:4527');
    expectParcels(ok(await load('shp-unknown-prj.zip', { from: 'EPSG:4527' })).layers[0].data, 0.5);
  });

  it('the zip-bomb limit holds for real deflated data too (limit lowered for the test)', async () => {
    const zip = zipSync({ 'big.geojson': new Uint8Array(3_000_000).fill(32) }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    const r = failed(await importFiles([{ name: 'big.zip', bytes: zip }], { maxUncompressed: 1_000_000 }));
    expect(r.errors[0].code).toBe('zip.too_large');
    expect(r.errors[0].message.en).toMatch(/2\.9 MB, more than the 1 MB limit/);
  });

  it('an Excel sheet without coordinate columns is refused naming the sheet and offering the others', async () => {
    const r = failed(await load('projects-two-sheets.xlsx'));
    expect(r.errors[0].code).toBe('xlsx.no_lonlat');
    expectLocated(r.errors[0], /projects-two-sheets\.xlsx \[说明\]$/);
    expect(r.sheets).toEqual(['说明', '项目点']);
  });

  it('one bad part fails the whole load (nothing half-loaded)', async () => {
    const r = await importFiles([{ name: 'source-parcels.geojson', bytes: bytes('source-parcels.geojson') }, { name: 'shp-truncated.zip', bytes: bytes('shp-truncated.zip') }]);
    expect(r.ok).toBe(false);
  });
});

describe('KML, KMZ, GPX', () => {
  it('KML folders become a property; markup in names stays text', async () => {
    const l = ok(await load('survey-folders.kml')).layers[0];
    expect(l.data.features.map((f) => [f.properties!.name, f.properties!.folder ?? null])).toEqual([
      ['天津站', '和平区 / 地标'],
      ['五大道', '和平区'],
      ['<b>古文化街</b>', null],
    ]);
    expect(l.data.features[0].properties!.kind).toBe('交通');
  });
  it('KMZ reads its doc.kml', async () => {
    expect(ok(await load('survey.kmz')).layers[0].data.features).toHaveLength(3);
  });
  it('GPX waypoints', async () => {
    const l = ok(await load('waypoints.gpx')).layers[0];
    expect(l.data.features.map((f) => f.geometry.type)).toEqual(['Point', 'Point']);
    expect(metres((l.data.features[0].geometry as GeoJSON.Point).coordinates, [117.2106, 39.1363])).toBeLessThan(0.01);
  });
});

describe('GeoPackage, FlatGeobuf, Excel, TopoJSON', () => {
  it('GeoPackage: each vector table a layer in its own srs_id', async () => {
    const r = ok(await load('gpkg-parcels-4548-and-stations-4326.gpkg'));
    expect(r.layers.map((l) => [l.name, l.stats.sourceCrs?.id ?? 'WGS84'])).toEqual([
      ['parcels', 'EPSG:4548'],
      ['stations', 'WGS84'],
    ]);
    expectParcels(r.layers[0].data, 0.5);
    expect(r.layers[0].data.features[1].properties).toMatchObject({ name: '老城厢地块', code: '012' });
  });
  it('FlatGeobuf with its CRS (EPSG:4527) in the header', async () => {
    const l = ok(await load('parcels-4527.fgb')).layers[0];
    expect(l.stats.sourceCrs?.id).toBe('EPSG:4527');
    // ogr2ogr writes FlatGeobuf features in spatial-index order.
    const byName = (n: string) => l.data.features.find((f) => f.properties!.name === n)!;
    const fc = { type: 'FeatureCollection', features: SOURCE.features.map((f) => byName(f.properties!.name as string)) } as FeatureCollection;
    expectParcels(fc, 0.5);
  });
  it('Excel: the sheet the user picks; 经度/纬度 columns; codes stay text', async () => {
    const l = ok(await load('projects-two-sheets.xlsx', { sheet: '项目点' })).layers[0];
    expect(l.data.features.map((f) => f.properties!.name)).toEqual(['天津站改造', '古文化街']);
    expect((l.data.features[0].geometry as GeoJSON.Point).coordinates).toEqual([117.2106, 39.1363]);
    expect(l.stats.csvColumns).toEqual({ lon: '经度', lat: '纬度' });
  });
  it('TopoJSON: every object, named in a property', async () => {
    const l = ok(await load('parcels.topojson')).layers[0];
    expect(l.data.features.map((f) => [f.geometry.type, f.properties!.topojson_object])).toEqual([
      ['Polygon', 'parcels'],
      ['Point', 'stations'],
    ]);
  });
  it('GeoJSON in metres with a chosen CRS, and an unknown choice refused', async () => {
    const gk = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [517300.874331474, 4329624.67198846] } }] };
    const r = ok(await importFiles([{ name: 'gk.geojson', bytes: strToU8(JSON.stringify(gk)) }], { from: 'EPSG:4548' }));
    expect(metres((r.layers[0].data.features[0].geometry as GeoJSON.Point).coordinates, [117.2, 39.1])).toBeLessThan(0.5);
    const bad = failed(await importFiles([{ name: 'gk.geojson', bytes: strToU8(JSON.stringify(gk)) }], { from: 'EPSG:1' }));
    expect(bad.errors[0].code).toBe('crs.unknown_choice');
  });
});
