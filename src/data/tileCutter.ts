// Vector tiles cut from a layer's features: geojson-vt slices, vt-pbf encodes
// Mapbox Vector Tile bytes (one source layer, `features`). Feature ids are the
// feature indices (generateId), so filters by id and feature-state work as
// they did with a GeoJSON source. The index is built on the first request.
import type { Feature, Geometry } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';

/** The source layer every cut tile carries. */
export const TILE_LAYER = 'features';
/** Deepest zoom cut; MapLibre overzooms beyond it. */
export const TILE_MAX_ZOOM = 14;
const EXTENT = 4096;

export class TileCutter {
  private index: GeoJSONVT;

  constructor(features: Feature<Geometry | null>[]) {
    this.index = new GeoJSONVT(
      { type: 'FeatureCollection', features: features as Feature[] },
      { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 5, indexMaxPoints: 100000, tolerance: 3, extent: EXTENT, buffer: 64, generateId: true },
    );
  }

  tile(z: number, x: number, y: number): Uint8Array | null {
    const t = this.index.getTile(z, x, y);
    if (!t || t.features.length === 0) return null;
    return fromGeojsonVt({ [TILE_LAYER]: t }, { version: 2, extent: EXTENT });
  }
}
