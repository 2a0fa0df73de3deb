// FeatureCollection (WGS84) → KML 2.2: one Placemark per feature, named by its
// `name` property, every property as ExtendedData (text, XML-escaped), multi-
// geometries as MultiGeometry. Features without geometry are skipped.

import type { FeatureCollection, Geometry, Position } from 'geojson';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const pos = (p: Position) => `${p[0]},${p[1]}${p.length > 2 ? `,${p[2]}` : ''}`;
const coords = (ps: Position[]) => `<coordinates>${ps.map(pos).join(' ')}</coordinates>`;
const ring = (r: Position[]) => `<LinearRing>${coords(r)}</LinearRing>`;

function geometry(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point>${coords([g.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString>${coords(g.coordinates)}</LineString>`;
    case 'Polygon':
      return `<Polygon><outerBoundaryIs>${ring(g.coordinates[0])}</outerBoundaryIs>${g.coordinates.slice(1).map((r) => `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`).join('')}</Polygon>`;
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((c) => geometry({ type: 'Point', coordinates: c })).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((c) => geometry({ type: 'LineString', coordinates: c })).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map((c) => geometry({ type: 'Polygon', coordinates: c })).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${g.geometries.map(geometry).join('')}</MultiGeometry>`;
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function writeKml(fc: FeatureCollection, name: string): string {
  const marks = fc.features
    .filter((f) => f.geometry)
    .map((f) => {
      const props = f.properties ?? {};
      const data = Object.entries(props)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `<Data name="${esc(k)}"><value>${esc(text(v))}</value></Data>`)
        .join('');
      const title = props.name !== undefined && props.name !== null ? `<name>${esc(text(props.name))}</name>` : '';
      return `<Placemark>${title}${data ? `<ExtendedData>${data}</ExtendedData>` : ''}${geometry(f.geometry!)}</Placemark>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${esc(name)}</name>\n${marks.join('\n')}\n</Document></kml>\n`;
}
