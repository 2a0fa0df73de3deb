declare module 'shpjs' {
  /** Geometries of a .shp, one per record (null for null shapes); coordinates as stored when `prj` is false. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string | false): (import('geojson').Geometry | null)[];
}
