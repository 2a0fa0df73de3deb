// Test fixtures: shapes laid out in metres around a Tianjin origin, in a spherical equirectangular
// frame (the indicators tests rely on it). Coverage and network tests use the equal-area frame of
// testgeoTrue.ts instead, which shares nothing with the code they measure.
import type { Position } from 'geojson';
import { EARTH_RADIUS_M } from './geo.ts';
import { LAT0, LON0, shapesIn } from './testgeoTrue.ts';

export { LAT0, LON0, fc, rng } from './testgeoTrue.ts';

const MY = (EARTH_RADIUS_M * Math.PI) / 180;
const MX = MY * Math.cos((LAT0 * Math.PI) / 180);

export const { at, point, rectRing, rect, polygonArea } = shapesIn({
  at: (x: number, y: number): Position => [LON0 + x / MX, LAT0 + y / MY],
  xy: (p: Position): [number, number] => [(p[0] - LON0) * MX, (p[1] - LAT0) * MY],
});
