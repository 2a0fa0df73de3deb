// Which files the importer takes, and which load together: small and
// dependency-free so the UI can use it without pulling in the format readers.

/** Extensions the file picker offers. */
export const IMPORT_EXTENSIONS = ['.geojson', '.json', '.csv', '.txt', '.tsv', '.zip', '.shp', '.shx', '.dbf', '.prj', '.cpg', '.kml', '.kmz', '.gpx', '.gpkg', '.fgb', '.xlsx', '.topojson'];

/**
 * Files chosen or dropped together → loads: a Shapefile's parts with the same
 * base name go together, every other file alone. Indices into `names`; the
 * .shp comes first in its group.
 */
export function groupFileNames(names: string[]): number[][] {
  const out: number[][] = [];
  const byBase = new Map<string, number[]>();
  names.forEach((n, i) => {
    const m = /^(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(n);
    if (!m) return void out.push([i]);
    const key = m[1].toLowerCase();
    let g = byBase.get(key);
    if (!g) {
      g = [];
      byBase.set(key, g);
      out.push(g);
    }
    g.push(i);
  });
  return out.map((g) => [...g].sort((a, b) => Number(/\.shp$/i.test(names[b])) - Number(/\.shp$/i.test(names[a]))));
}
