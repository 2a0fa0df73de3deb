import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsCandidates } from './candidates.ts';
import { identifyPrj } from './prj.ts';
import { crsByEpsg } from './registry.ts';
import { converter, fromWgs84, toWgs84 } from './reproject.ts';

// Control points: WGS84 lon/lat → projected x/y as PROJ computes them, produced with
//   echo "117.2 39.1" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:<code> -output_xy
// (GDAL 3.6.2 / PROJ; for Beijing 1954 and Xi'an 1980 PROJ applies no datum shift,
// the "ballpark" transformation, which is what the registry does too).
const CONTROL: [number, [number, number], [number, number]][] = [
  [4548, [117.2, 39.1], [517300.874331474, 4329624.67198846]],
  [4548, [117.712, 39.003], [561675.728684613, 4319078.21826413]],
  [4548, [116.95, 39.62], [495706.733783393, 4387338.45077698]],
  [4527, [117.2, 39.1], [39517300.8743315, 4329624.67198846]],
  [4527, [116.95, 39.62], [39495706.7337834, 4387338.45077698]],
  [4498, [117.712, 39.003], [20561675.7286846, 4319078.21826413]],
  [4510, [117.2, 39.1], [-1901.4226516342, 4345657.46719841]],
  [2436, [117.2, 39.1], [517301.163978018, 4329701.27987399]],
  [2436, [116.95, 39.62], [495706.661925102, 4387416.05815693]],
  [21420, [117.712, 39.003], [20561676.7612916, 4319154.6432968]],
  [2384, [117.2, 39.1], [517300.882486227, 4329626.69134697]],
  [2363, [116.95, 39.62], [39495706.7317597, 4387340.49716611]],
  [3857, [117.2, 39.1], [13046644.3209717, 4736005.85381759]],
  [32650, [117.712, 39.003], [561651.058392738, 4317350.58708926]],
  [32650, [116.95, 39.62], [495708.451089908, 4385583.51551002]],
];

/** Metres between two lon/lat points (equirectangular, fine at this scale). */
const metres = (a: number[], b: number[]) => Math.hypot((a[0] - b[0]) * 111320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110574);

describe('registry conversions agree with PROJ', () => {
  it.each(CONTROL)('EPSG:%i %j ↔ %j within 0.5 m', (code, lonlat, xy) => {
    const def = crsByEpsg(code)!;
    expect(def).toBeDefined();
    const back = converter(def)(xy);
    expect(metres(back, lonlat)).toBeLessThan(0.5);
    const fwd = converter(def, false)(lonlat);
    expect(Math.hypot(fwd[0] - xy[0], fwd[1] - xy[1])).toBeLessThan(0.5);
  });

  it('names each family and records the legacy-datum residual', () => {
    expect(crsByEpsg('EPSG:4548')!.name.en).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 117E');
    expect(crsByEpsg(4527)!.name.en).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 39');
    expect(crsByEpsg(4513)!.tm!.lon0).toBe(75);
    expect(crsByEpsg(4533)!.tm!.lon0).toBe(135);
    expect(crsByEpsg(4554)!.tm).toEqual({ lon0: 135, x0: 500000, k: 1 });
    expect(crsByEpsg(4491)!.tm).toEqual({ lon0: 75, x0: 13500000, k: 1 });
    expect(crsByEpsg(4512)!.tm!.lon0).toBe(135);
    expect(crsByEpsg(2401)!.name.en).toMatch(/^Beijing 1954 \/ 3-degree Gauss-Kruger zone 25/);
    expect(crsByEpsg(2442)!.name.en).toMatch(/CM 135E/);
    expect(crsByEpsg(2327)!.name.en).toMatch(/^Xi'an 1980 \/ Gauss-Kruger zone 13/);
    expect(crsByEpsg(2390)!.name.en).toMatch(/3-degree Gauss-Kruger CM 135E/);
    expect(crsByEpsg(2436)!.residual_m).toBe(100);
    expect(crsByEpsg(4548)!.residual_m).toBeLessThan(1);
    expect(crsByEpsg(9999)).toBeUndefined();
  });

  it('converts whole GeoJSON both ways within 1 cm', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'Polygon', coordinates: [[[117.1, 39], [117.3, 39], [117.3, 39.2], [117.1, 39]]] } }] };
    const gk = fromWgs84(fc, crsByEpsg(4548)!);
    const back = toWgs84(gk, 'EPSG:4548') as typeof fc;
    const a = fc.features[0].geometry.coordinates[0];
    const b = back.features[0].geometry.coordinates[0];
    a.forEach((p, i) => expect(metres(p, b[i])).toBeLessThan(0.01));
    expect(back.features[0].properties).toEqual({ a: 1 });
  });
});

describe('.prj identification', () => {
  // Produced with `gdalsrsinfo EPSG:<code> -o wkt_esri` (and -o wkt1 / wkt2).
  const prj = (f: string) => readFileSync(`tests/fixtures/formats/prj/${f}`, 'utf8');
  it.each([
    ['esri-4548.prj', 4548],
    ['esri-4527.prj', 4527],
    ['esri-4498.prj', 4498],
    ['esri-2436.prj', 2436],
    ['esri-2384.prj', 2384],
    ['esri-2363.prj', 2363],
    ['esri-21420.prj', 21420],
    ['esri-3857.prj', 3857],
    ['esri-32650.prj', 32650],
    ['esri-4490.prj', 4490],
    ['esri-4214.prj', 4214],
    ['ogc-4548.prj', 4548],
    ['wkt2-4548.prj', 4548],
  ])('%s → EPSG:%i', (file, code) => {
    const m = identifyPrj(prj(file));
    expect(m.ok && m.def.epsg).toBe(code);
  });

  it('reports a WKT it cannot match, and text that is not WKT', () => {
    const lcc = 'PROJCS["Asia_Lambert",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",105.0],UNIT["Meter",1.0]]';
    expect(identifyPrj(lcc)).toMatchObject({ ok: false, reason: 'projection', name: 'Asia_Lambert' });
    expect(identifyPrj('hello world')).toMatchObject({ ok: false, reason: 'syntax' });
    const odd = 'PROJCS["x",GEOGCS["y",DATUM["Mars",SPHEROID["m",3396190,169.8]]],PROJECTION["Transverse_Mercator"],PARAMETER["Central_Meridian",117.0]]';
    expect(identifyPrj(odd)).toMatchObject({ ok: false, reason: 'datum' });
  });
});

describe('candidates for data with no CRS', () => {
  it('GK metres without zone prefix near Tianjin: CGCS2000 CM 117°E first, legacy datums and UTM 50N offered', () => {
    const c = crsCandidates([495706, 4319078, 561675, 4387338]);
    expect(c[0].id).toBe('EPSG:4548');
    const ids = c.map((x) => x.id);
    expect(ids).toContain('EPSG:2436');
    expect(ids).toContain('EPSG:2384');
    expect(ids).toContain('EPSG:32650');
    expect(metres(c[0].centre, [117.33, 39.31])).toBeLessThan(5000);
  });
  it('zone-prefixed eastings give that zone', () => {
    const ids = crsCandidates([39495706, 4319078, 39561675, 4387338]).map((x) => x.id);
    expect(ids[0]).toBe('EPSG:4527');
    expect(ids).toEqual(expect.arrayContaining(['EPSG:2363', 'EPSG:2415']));
    expect(ids).not.toContain('EPSG:4548');
  });
  it('Web Mercator metres', () => {
    expect(crsCandidates([13018814, 4722101, 13103639, 4810874]).map((x) => x.id)).toContain('EPSG:3857');
  });
  it('degrees: geographic datums plus GCJ-02 and BD-09, no projected ones', () => {
    const ids = crsCandidates([117.1, 39, 117.3, 39.2]).map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['EPSG:4326', 'EPSG:4490', 'GCJ02', 'BD09']));
    expect(ids.some((i) => i === 'EPSG:4548')).toBe(false);
  });
  it('coordinates that fit nothing give no candidates', () => {
    expect(crsCandidates([-5e7, -5e7, -4e7, -4e7])).toEqual([]);
  });
});
