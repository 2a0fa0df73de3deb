// Pure helpers of the data build: seed checks, rounding, bbox, catalog entries.
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { CatalogLayer, Completeness, GeometryKind, LayerGroup, LayerStyle, LocalText } from '../../src/catalog/types';
import { validateGeoJSON } from '../../src/io/validate';

export interface SeedMetadata {
  title: LocalText;
  source: string;
  source_crs: string;
  accuracy_m: number;
  notes?: string;
  [k: string]: unknown;
}

export type Seed = FeatureCollection & { metadata: SeedMetadata };

export interface LayerSeed {
  id: string;
  group: LayerGroup;
  visible: boolean;
  style: LayerStyle;
  fields?: string[];
  completeness: Completeness;
}

export class BuildError extends Error {}

const REQUIRED = ['name', 'name_en', 'plan_ref', 'source', 'accuracy_m'] as const;

/** Checks a parsed seed: valid GeoJSON, metadata, and the properties every feature must carry. */
export function checkSeed(file: string, json: unknown): Seed {
  const problems: string[] = [];
  const v = validateGeoJSON(json);
  for (const e of v.errors) problems.push(`${file}: ${e.featureIndex !== undefined ? `feature ${e.featureIndex}: ` : ''}${e.message.en}`);
  if (problems.length) throw new BuildError(problems.join('\n'));
  const fc = json as Seed;
  if (fc.type !== 'FeatureCollection') throw new BuildError(`${file}: expected a FeatureCollection, got ${String(fc.type)}`);
  const m = fc.metadata as Partial<SeedMetadata> | undefined;
  if (!m || !m.title?.zh || !m.title?.en || typeof m.source !== 'string' || typeof m.source_crs !== 'string' || typeof m.accuracy_m !== 'number') {
    throw new BuildError(`${file}: metadata must have title {zh,en}, source, source_crs and accuracy_m`);
  }
  fc.features.forEach((f, i) => {
    const p = f.properties ?? {};
    const missing = REQUIRED.filter((k) => p[k] === undefined || p[k] === null || p[k] === '');
    if (missing.length) problems.push(`${file}: feature ${i} (${String(p.name ?? 'unnamed')}): missing ${missing.join(', ')}`);
    if (typeof p.accuracy_m !== 'number' || !(p.accuracy_m > 0)) problems.push(`${file}: feature ${i} (${String(p.name)}): accuracy_m must be a positive number`);
  });
  if (problems.length) throw new BuildError(problems.join('\n'));
  return fc;
}

export function geometryKind(fc: FeatureCollection, file: string): GeometryKind {
  const kinds = new Set(
    fc.features.map((f) => {
      const t = f.geometry?.type ?? '';
      return t.includes('Polygon') ? 'polygon' : t.includes('LineString') ? 'line' : t.includes('Point') ? 'point' : t;
    }),
  );
  if (kinds.size !== 1) throw new BuildError(`${file}: a layer holds one kind of geometry; found ${[...kinds].join(', ')}`);
  return [...kinds][0] as GeometryKind;
}

export function catalogEntry(seed: LayerSeed, fc: FeatureCollection, meta: SeedMetadata, extra: Partial<CatalogLayer> = {}): CatalogLayer {
  const c = seed.completeness as Partial<Completeness> | undefined;
  if (typeof c?.complete !== 'boolean' || !c.note?.zh || !c.note?.en) {
    throw new BuildError(`seeds/layers.json: layer "${seed.id}" needs completeness {complete, note: {zh, en}}`);
  }
  const b = turfBbox(fc).map((x) => Number(x.toFixed(5))) as [number, number, number, number];
  return {
    id: seed.id,
    file: `${seed.id}.geojson`,
    title: meta.title,
    group: seed.group,
    geometry: geometryKind(fc, seed.id),
    source: meta.source,
    source_crs: meta.source_crs,
    accuracy_m: meta.accuracy_m,
    visible: seed.visible,
    style: seed.style,
    fields: seed.fields,
    feature_count: fc.features.length,
    bbox: b,
    ...(meta.notes ? { notes: meta.notes } : {}),
    completeness: seed.completeness,
    ...extra,
  };
}

export function withProps(f: Feature, props: Record<string, unknown>): Feature {
  return { ...f, properties: { ...(f.properties ?? {}), ...props } };
}
