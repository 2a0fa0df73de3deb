// ESRI-flavoured WKT (what a Shapefile's .prj holds) for the registered CRSs
// the app writes: the geographic datums and their Gauss–Krüger / UTM
// projections. Names and numbers as GDAL writes them for these EPSG codes.

import type { CrsDef, Datum } from './registry.ts';

const GEOGCS: Record<Datum, string> = {
  WGS84: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  CGCS2000:
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  Beijing1954: 'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  Xian1980: 'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};
const DATUM_PREFIX: Record<Datum, string> = { WGS84: 'WGS_1984', CGCS2000: 'CGCS2000', Beijing1954: 'Beijing_1954', Xian1980: 'Xian_1980' };
const num = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

/** The .prj text for a registered CRS; null for Web Mercator and others not written. */
export function esriWkt(def: CrsDef): string | null {
  if (def.kind === 'geographic') return GEOGCS[def.datum];
  if (!def.tm) return null;
  const { lon0, x0, k } = def.tm;
  const zone = x0 > 1e6 ? Math.floor(x0 / 1e6) : 0;
  // Zones 13–23 are 6-degree, 25–45 3-degree; without a zone prefix the 3-degree name is used.
  const name = def.epsg === 32650 ? 'WGS_1984_UTM_Zone_50N' : `${DATUM_PREFIX[def.datum]}_${zone && zone < 25 ? '' : '3_Degree_'}GK_${zone ? `Zone_${zone}` : `CM_${lon0}E`}`;
  const method = def.epsg === 32650 ? 'Transverse_Mercator' : 'Gauss_Kruger';
  return `PROJCS["${name}",${GEOGCS[def.datum]},PROJECTION["${method}"],PARAMETER["False_Easting",${num(x0)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${num(lon0)}],PARAMETER["Scale_Factor",${num(k)}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}
