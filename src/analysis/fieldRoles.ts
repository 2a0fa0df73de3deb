// A loaded layer's field mapping (which column holds beds, places, area or population)
// applied to its features, so the plan targets read the planner's own column names.
import type { Feature, FeatureCollection } from 'geojson';
import type { FieldRole } from '../catalog/types.ts';

export type { FieldRole };

/** The attribute each target reads, per role. */
export const ROLE_ATTR: Readonly<Record<FieldRole, string>> = { beds: 'beds', places: 'places', area: 'area_m2', population: 'population_2020' };

export const FIELD_ROLES: readonly FieldRole[] = ['beds', 'places', 'area', 'population'];

/** Columns that are likely a role's, for a first guess (Chinese and English headers). */
const GUESS: Record<FieldRole, RegExp> = {
  beds: /^(beds?|床位(数)?|床位数量|病床(数)?)$/i,
  places: /^(places?|托位(数)?|学位(数)?|名额)$/i,
  area: /^(area(_m2)?|面积|占地面积|场地面积|面积（?平方米）?|面积\(m2\))$/i,
  population: /^(population(_\d{4})?|pop|人口(数)?|常住人口)$/i,
};

/** A first guess at the mapping from a layer's columns (only roles with exactly one match). */
export function guessFieldMap(fields: readonly string[]): Partial<Record<FieldRole, string>> {
  const out: Partial<Record<FieldRole, string>> = {};
  for (const role of FIELD_ROLES) {
    const hits = fields.filter((f) => GUESS[role].test(f.trim()));
    if (hits.length === 1) out[role] = hits[0];
  }
  return out;
}

/**
 * The features with each mapped column copied to the role's attribute (`床位` → `beds`),
 * leaving the originals; roles not mapped are left as they are.
 */
export function applyFieldMap(fc: FeatureCollection, map: Partial<Record<FieldRole, string>> | undefined): FeatureCollection {
  const pairs = FIELD_ROLES.flatMap((r) => (map?.[r] && map[r] !== ROLE_ATTR[r] ? [[ROLE_ATTR[r], map[r]!] as const] : []));
  if (!pairs.length) return fc;
  const features: Feature[] = fc.features.map((f) => {
    const p = { ...(f.properties ?? {}) };
    for (const [attr, col] of pairs) p[attr] = p[col];
    return { ...f, properties: p };
  });
  return { ...fc, features };
}
