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

/** Encoded tiles kept for asking again (a restyle or a filter makes MapLibre reload them all). */
const CACHE_BYTES = 64 * 1024 * 1024;

export class TileCutter {
  private index: GeoJSONVT;
  /** Encoded tiles by z/x/y, oldest first; null = empty tile. */
  private cache = new Map<string, Uint8Array | null>();
  private cached = 0;

  constructor(features: Feature<Geometry | null>[]) {
    // MapLibre 6 takes vector tiles of 512 pixels only: 8 units per pixel at this extent.
    this.index = new GeoJSONVT(
      { type: 'FeatureCollection', features: features as Feature[] },
      { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 5, indexMaxPoints: 100000, tolerance: 3, extent: EXTENT, buffer: 64, generateId: true },
    );
  }

  /** The tile's bytes (a fresh copy, the caller may transfer it), or null when it holds nothing. */
  tile(z: number, x: number, y: number): Uint8Array | null {
    const key = `${z}/${x}/${y}`;
    let bytes = this.cache.get(key);
    if (bytes === undefined) {
      const t = this.index.getTile(z, x, y);
      bytes = !t || t.features.length === 0 ? null : fromGeojsonVt({ [TILE_LAYER]: t }, { version: 2, extent: EXTENT });
      this.remember(key, bytes);
    } else {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, bytes);
    }
    return bytes && bytes.slice();
  }

  private remember(key: string, bytes: Uint8Array | null): void {
    const size = bytes?.byteLength ?? 0;
    if (size > CACHE_BYTES / 4) return;
    this.cache.set(key, bytes);
    this.cached += size;
    for (const [k, b] of this.cache) {
      if (this.cached <= CACHE_BYTES) break;
      this.cache.delete(k);
      this.cached -= b?.byteLength ?? 0;
    }
  }
}
