/**
 * Small polygon helpers over Turf 7 used by the boundary and basemap builders.
 * All return new objects; `null` means "empty".
 */
import * as turf from '@turf/turf';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';

export type Areal = Polygon | MultiPolygon;
export type ArealFeature<P extends GeoJsonProperties = GeoJsonProperties> = Feature<Areal, P>;

/** Geodesic area in km² (Turf), unrounded. */
export function areaKm2(f: Feature<Areal> | Areal): number {
  return turf.area(f) / 1e6;
}

/** Area in km² rounded to one decimal, as stored in `area_km2`. */
export function areaKm2Rounded(f: Feature<Areal> | Areal): number {
  return Math.round(areaKm2(f) * 10) / 10;
}

/** The polygons (as coordinate arrays) of a Polygon or MultiPolygon. */
export function polygonsOf(g: Areal): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Union of any number of areal features (null when the list is empty). */
export function unionAll(fs: Feature<Areal>[]): ArealFeature | null {
  if (fs.length === 0) return null;
  if (fs.length === 1) return turf.feature(fs[0].geometry);
  return turf.union(turf.featureCollection(fs));
}

/** a minus every feature in `bs`. */
export function subtract(a: Feature<Areal>, bs: Feature<Areal>[]): ArealFeature | null {
  if (bs.length === 0) return turf.feature(a.geometry);
  return turf.difference(turf.featureCollection([a, ...bs]));
}

/** Intersection of two areal features. */
export function intersection(a: Feature<Areal>, b: Feature<Areal>): ArealFeature | null {
  return turf.intersect(turf.featureCollection([a, b]));
}

/**
 * Drop holes and parts smaller than `minKm2` (slivers left where two
 * coarse source polygons do not share exactly the same edge).
 */
export function dropSlivers(g: Areal, minKm2: number): Areal | null {
  const keep = (ring: Position[]) => areaKm2(turf.polygon([ring])) >= minKm2;
  const polys = polygonsOf(g)
    .filter((p) => keep(p[0]))
    .map((p) => [p[0], ...p.slice(1).filter(keep)]);
  if (polys.length === 0) return null;
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
}
