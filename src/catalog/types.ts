// The catalog is the contract between the data build and the app: a layer exists
// when public/geo/catalog.json names it. Everything here is plain JSON.

export const CATALOG_VERSION = 1;

export interface LocalText {
  zh: string;
  en: string;
}

export type GeometryKind = 'polygon' | 'line' | 'point';

export type LayerGroup = 'framework' | 'heritage' | 'safety' | 'green' | 'projects' | 'context' | 'user';

export interface LayerStyle {
  /** Main colour: fill for polygons, stroke for lines, circle for points. */
  color: string;
  /** Outline colour for polygons / points. */
  outline?: string;
  fillOpacity?: number;
  lineWidth?: number;
  dash?: number[];
  radius?: number;
  /** Property to label features with (defaults to `name`). */
  label?: string | false;
  /** Minimum zoom for labels. */
  labelMinZoom?: number;
  /** Categorical colouring: property and value → colour. */
  categories?: { property: string; values: Record<string, string> };
}

/** Whether a layer holds every feature of its kind in its extent, so that a count, coverage
 *  or per-resident figure measured from it can be judged against a plan target. */
export interface Completeness {
  complete: boolean;
  /** What the layer holds (and leaves out), in words. */
  note: LocalText;
}

/** Roles a column can play in the plan targets; a layer's field mapping names the column for each. */
export type FieldRole = 'beds' | 'places' | 'area' | 'population';

export interface CatalogLayer {
  id: string;
  file: string;
  title: LocalText;
  group: LayerGroup;
  geometry: GeometryKind;
  /** Where the geometry came from, in words. */
  source: string;
  /** CRS of the source before conversion (e.g. "GCJ-02", "WGS84"). */
  source_crs: string;
  /** Typical positional accuracy of the layer, metres. */
  accuracy_m: number;
  visible: boolean;
  style: LayerStyle;
  /** Property names shown first in the feature card. */
  fields?: string[];
  feature_count: number;
  /** Optional point file (e.g. centroids) drawn instead of tiny polygons at city scale. */
  pointsFile?: string;
  bbox: [number, number, number, number];
  notes?: string;
  /** Complete for the plan's targets or not, and why (every shipped layer says). */
  completeness?: Completeness;
  /** Which column holds beds, places, area (m²) or population (loaded layers: set in the data panel). */
  fieldMap?: Partial<Record<FieldRole, string>>;
}

/** A layer the user loaded: a catalog entry whose data lives in the browser. */
export interface UserLayer extends CatalogLayer {
  /** blob: URL MapLibre loads the data from. */
  dataUrl: string;
}

export interface Catalog {
  version: number;
  generated: string;
  layers: CatalogLayer[];
}

/** Properties that every shipped feature carries. */
export interface PlanFeatureProps {
  name: string;
  name_en: string;
  plan_ref: string;
  source: string;
  accuracy_m: number;
  [key: string]: unknown;
}
