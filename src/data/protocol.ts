// Messages between the main thread and the data service worker. One request
// shape per operation; answers carry the request id. Pure types.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LocalText } from '../catalog/types';
import type { HealthTable } from '../analysis/healthCheck';
import type { FieldStats } from '../lib/fieldStats';
import type { PointPositions } from '../lib/mercatorPoints';
import type { ThematicResult } from '../lib/thematic/compute';
import type { ThematicSpec } from '../lib/thematic/spec';
import type { LayerFilter } from '../lib/filterModel';
import type { PlaceHit } from '../lib/placeSearch';
import type { SortDir } from '../lib/tableModel';
import type { ExportMeta } from '../io/exportGeoJSON';
import type { CsvGeometryMode } from '../io/exportCsv';
import type { FilterAnswer, LayerSummary, RowsAnswer } from './engine';
import type { ImportSourceWire, ImportPartsResult, PartInfo, WorkerStage } from '../io/importParts';

export type ExportFormat = 'geojson' | CsvGeometryMode | GisFormat;
/** Formats for planners' GIS and CAD tools, written by io/exportFormats.ts. */
export type GisFormat = 'shp' | 'kml' | 'gpkg' | 'fgb';

/** A written file: its bytes (transferred), type and extension. */
export interface WrittenFile {
  bytes: ArrayBuffer;
  mime: string;
  ext: string;
}

/** Operation name → [arguments, answer]. */
export interface Ops {
  /** Fetch and parse a layer once (again only when its URL changes). */
  open: [{ layerId: string; url: string }, LayerSummary];
  put: [{ layerId: string; features: Feature<Geometry | null>[] }, LayerSummary];
  drop: [{ layerId: string }, null];
  tile: [{ layerId: string; z: number; x: number; y: number }, ArrayBuffer | null];
  filter: [{ layerId: string; filter: LayerFilter; districtsId?: string }, FilterAnswer];
  facets: [{ layerId: string; filter: LayerFilter; fields: string[]; districtsId?: string }, Record<string, Map<string, number>>];
  rows: [{ layerId: string; kept: Uint32Array | null; sort: { key: string; dir: SortDir } | null; preferred?: string[] }, RowsAnswer];
  page: [{ layerId: string; indices: Uint32Array }, Record<string, unknown>[]];
  stats: [{ layerId: string }, FieldStats[]];
  warm: [{ layerId: string }, null];
  search: [{ layerIds: string[]; query: string; limit?: number }, PlaceHit[]];
  features: [{ layerId: string; indices: Uint32Array | null }, Feature<Geometry | null>[]];
  /** Features as UTF-8 JSON (an array), for a worker that parses them itself (analysis inputs): bytes, not objects, cross this thread. */
  featureBytes: [{ layerId: string; indices: Uint32Array | null; properties?: string[] }, ArrayBuffer];
  /**
   * Features written as a file in the service, where they are held: GeoJSON (with `meta`),
   * CSV, or a GIS format in WGS84 or `gis.epsg`. Only the bytes cross to the page.
   */
  write: [{ layerId: string; indices: Uint32Array | null; format: ExportFormat; meta: ExportMeta; gis?: { name: string; epsg: number; meta: Record<string, unknown> } }, WrittenFile];
  /**
   * Read, parse, validate and convert files, and hold each part under a key
   * (`<job>#<i>`) until it is adopted as a layer; progress comes as `progress` replies.
   */
  import: [{ job: string; source: ImportSourceWire }, ImportAnswer];
  /** A thematic style's classes and legend over the kept features (null: all); `perFeature`: every feature's class byte too. */
  thematic: [{ layerId: string; style: ThematicSpec; kept: Uint32Array | null; key: string; perFeature?: boolean }, ThematicResult];
  /** A point layer's Mercator positions (null when it holds other geometry). */
  points: [{ layerId: string }, PointPositions | null];
  /** The city health check over held layers (ids), computed where they are held. */
  health: [HealthRequest, { table: HealthTable; units: FeatureCollection }];
  /** Stop an import (its parts are never held, or are dropped when it is already done). */
  cancelImport: [{ job: string }, null];
  /** Hold a part (or layer) under another id: an imported part becomes a layer. */
  adopt: [{ from: string; to: string }, null];
}

/** Which held layers a health check reads, and how. */
export interface HealthRequest {
  /** Layer ids: the units, and the shipped layers the indicators need. */
  units: string;
  districts: string;
  shelters: string;
  parks: string;
  historicBlocks: string;
  projects: string;
  /** Drill-down: the finer units inside this district (by name). */
  drill?: { district: string };
  /** A facility layer picked for the third coverage indicator. */
  facility?: { id: string; label: LocalText };
  unitsLabel: LocalText;
  censusFallback: boolean;
  minutes: number;
}

/** An import's answer: the parts' keys and what the page needs of them, or the located failure. */
export type ImportAnswer =
  | { ok: true; parts: (PartInfo & { key: string })[]; summary: Extract<ImportPartsResult, { ok: true }>['summary'] }
  | (Extract<ImportPartsResult, { ok: false }> & { cancelled?: boolean });

export type OpName = keyof Ops;

export interface Request<K extends OpName = OpName> {
  id: number;
  op: K;
  args: Ops[K][0];
}

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  /** Progress of a long request (an import); the request is still running. */
  | { id: number; progress: { stage: WorkerStage; fraction?: number } };
