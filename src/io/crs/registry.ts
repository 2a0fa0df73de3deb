// The coordinate reference systems planners' files come in, by EPSG code, with
// their proj4 definitions (the same parameters PROJ/GDAL give for these codes).
//
// CGCS2000 is treated as identical to WGS84 (they differ by centimetres).
// Beijing 1954 (Krassovsky ellipsoid) and Xi'an 1980 (IAU 1976 ellipsoid) have
// no public transformation to WGS84: they are converted on their own ellipsoid
// with no datum shift, like PROJ's ballpark transformation, which leaves an
// error of tens of metres up to about 100 m; `residual_m` records it.

import type { Bilingual } from '../messages.ts';

export type Datum = 'WGS84' | 'CGCS2000' | 'Beijing1954' | 'Xian1980';

export interface CrsDef {
  epsg: number;
  name: Bilingual;
  proj4: string;
  kind: 'geographic' | 'projected';
  datum: Datum;
  /** Error that stays after conversion to WGS84, in metres. */
  residual_m: number;
  /** Transverse Mercator parameters, for matching a .prj. */
  tm?: { lon0: number; x0: number; k: number };
  /** Mathematically the same as another code (e.g. 6° CM 117E = 3° CM 117E): not offered twice. */
  aliasOf?: number;
}

const ELLPS: Record<Datum, string> = { WGS84: '+datum=WGS84', CGCS2000: '+ellps=GRS80', Beijing1954: '+ellps=krass', Xian1980: '+ellps=IAU76' };
const DATUM_NAMES: Record<Datum, Bilingual> = {
  WGS84: { en: 'WGS 84', zh: 'WGS84' },
  CGCS2000: { en: 'CGCS2000', zh: 'CGCS2000（2000 国家大地坐标系）' },
  Beijing1954: { en: 'Beijing 1954', zh: '北京 1954' },
  Xian1980: { en: "Xi'an 1980", zh: '西安 1980' },
};
/** Datum shift left unmodelled, metres (see the header). */
export const LEGACY_RESIDUAL_M = 100;
const RESIDUAL: Record<Datum, number> = { WGS84: 0, CGCS2000: 0.1, Beijing1954: LEGACY_RESIDUAL_M, Xian1980: LEGACY_RESIDUAL_M };

function tmerc(epsg: number, datum: Datum, lon0: number, x0: number, label: Bilingual, aliasOf?: number): CrsDef {
  const d = DATUM_NAMES[datum];
  return {
    epsg,
    name: { en: `${d.en} / ${label.en}`, zh: `${d.zh} / ${label.zh}` },
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 ${ELLPS[datum]} +units=m +no_defs`,
    kind: 'projected',
    datum,
    residual_m: RESIDUAL[datum],
    tm: { lon0, x0, k: 1 },
    aliasOf,
  };
}

/** First EPSG code of each Gauss–Krüger family: [zone-prefixed, CM-only]. */
const GK3: Record<Exclude<Datum, 'WGS84'>, [number, number]> = { CGCS2000: [4513, 4534], Beijing1954: [2401, 2422], Xian1980: [2349, 2370] };
const GK6: Record<Exclude<Datum, 'WGS84'>, [number, number]> = { CGCS2000: [4491, 4502], Beijing1954: [21413, 21453], Xian1980: [2327, 2338] };

function build(): CrsDef[] {
  const out: CrsDef[] = [
    { epsg: 4326, name: { en: 'WGS 84 (longitude/latitude)', zh: 'WGS84 经纬度' }, proj4: '+proj=longlat +datum=WGS84 +no_defs', kind: 'geographic', datum: 'WGS84', residual_m: 0 },
    { epsg: 4490, name: { en: 'CGCS2000 (longitude/latitude)', zh: 'CGCS2000 经纬度' }, proj4: '+proj=longlat +ellps=GRS80 +no_defs', kind: 'geographic', datum: 'CGCS2000', residual_m: 0.1 },
    { epsg: 4214, name: { en: 'Beijing 1954 (longitude/latitude)', zh: '北京 1954 经纬度' }, proj4: '+proj=longlat +ellps=krass +no_defs', kind: 'geographic', datum: 'Beijing1954', residual_m: LEGACY_RESIDUAL_M },
    { epsg: 4610, name: { en: "Xi'an 1980 (longitude/latitude)", zh: '西安 1980 经纬度' }, proj4: '+proj=longlat +ellps=IAU76 +no_defs', kind: 'geographic', datum: 'Xian1980', residual_m: LEGACY_RESIDUAL_M },
    {
      epsg: 3857,
      name: { en: 'Web Mercator', zh: 'Web 墨卡托' },
      proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
      kind: 'projected',
      datum: 'WGS84',
      residual_m: 0,
    },
    {
      epsg: 32650,
      name: { en: 'WGS 84 / UTM zone 50N', zh: 'WGS84 / UTM 50N 带' },
      proj4: '+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs',
      kind: 'projected',
      datum: 'WGS84',
      residual_m: 0,
      tm: { lon0: 117, x0: 500000, k: 0.9996 },
    },
  ];
  for (const datum of ['CGCS2000', 'Beijing1954', 'Xian1980'] as const) {
    for (let zone = 25; zone <= 45; zone++) {
      const cm = zone * 3;
      out.push(tmerc(GK3[datum][0] + zone - 25, datum, cm, zone * 1e6 + 500000, { en: `3-degree Gauss-Kruger zone ${zone}`, zh: `三度带高斯-克吕格第 ${zone} 带（中央经线 ${cm}°E）` }));
      out.push(tmerc(GK3[datum][1] + zone - 25, datum, cm, 500000, { en: `3-degree Gauss-Kruger CM ${cm}E`, zh: `三度带高斯-克吕格 中央经线 ${cm}°E` }));
    }
    for (let zone = 13; zone <= 23; zone++) {
      const cm = zone * 6 - 3;
      out.push(tmerc(GK6[datum][0] + zone - 13, datum, cm, zone * 1e6 + 500000, { en: `Gauss-Kruger zone ${zone}`, zh: `六度带高斯-克吕格第 ${zone} 带（中央经线 ${cm}°E）` }));
      // The 6-degree "CM" codes equal the 3-degree ones of the same meridian.
      out.push(tmerc(GK6[datum][1] + zone - 13, datum, cm, 500000, { en: `Gauss-Kruger CM ${cm}E`, zh: `六度带高斯-克吕格 中央经线 ${cm}°E` }, GK3[datum][1] + cm / 3 - 25));
    }
  }
  return out;
}

export const CRS_LIST: readonly CrsDef[] = build();
const BY_CODE = new Map(CRS_LIST.map((d) => [d.epsg, d]));
// Deprecated Beijing 1954 6° CM codes (21473–21483) still appear in old .prj files.
for (let z = 13; z <= 23; z++) BY_CODE.set(21473 + z - 13, BY_CODE.get(21453 + z - 13)!);

/** The definition for an EPSG code (number, "4548" or "EPSG:4548"), or undefined. */
export function crsByEpsg(code: number | string): CrsDef | undefined {
  const n = typeof code === 'number' ? code : Number(/^(?:EPSG:)?(\d{4,5})$/i.exec(code.trim())?.[1]);
  return Number.isFinite(n) ? BY_CODE.get(n) : undefined;
}

/** Tianjin's export choice: CGCS2000 / 3-degree Gauss–Krüger CM 117°E. */
export const EPSG_TIANJIN_GK = 4548;
