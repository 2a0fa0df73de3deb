// Rings from what the user drew on the map (pure; used by the draw tool).
import type { Position } from 'geojson';

/** A closed ring from clicked vertices (consecutive duplicates and a repeated first vertex dropped); null below 3 vertices. */
export function ringOf(vertices: Position[]): Position[] | null {
  const v = vertices.filter((p, i) => i === 0 || p[0] !== vertices[i - 1][0] || p[1] !== vertices[i - 1][1]);
  if (v.length > 1 && v[0][0] === v[v.length - 1][0] && v[0][1] === v[v.length - 1][1]) v.pop();
  return v.length >= 3 ? [...v, v[0]] : null;
}

/** The closed, counter-clockwise ring of the rectangle spanned by two corners; null when it has no area. */
export function rectangleOf(a: Position, b: Position): Position[] | null {
  const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  if (x0 === x1 || y0 === y1) return null;
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}
