// Test helper: traced polygons (rings as flat x, y lists, as trace.ts and traceRuns.ts give
// them) read as one jsts MultiPolygon, for validity and area checks.
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type { TracedPolygon } from './trace.ts';

const reader = new GeoJSONReader(new GeometryFactory());

/** A flat ring [x0, y0, x1, y1, …] as closed GeoJSON positions. */
const closed = (ring: number[]): number[][] => {
  const pts: number[][] = [];
  for (let i = 0; i < ring.length; i += 2) pts.push([ring[i], ring[i + 1]]);
  pts.push(pts[0]);
  return pts;
};

export function tracedGeometry(polys: TracedPolygon[]) {
  return reader.read({ type: 'MultiPolygon', coordinates: polys.map((poly) => poly.map(closed)) });
}
