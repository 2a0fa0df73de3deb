import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { computeIndicators, coverageTarget, historicBlocks, pocketParks, railLength, renewalWorks, shelterPerCapita, sheltersPerDistrict } from './indicators.ts';
import { DISTRICT_POPULATION_2020, PLAN_TARGETS, meets } from './targets.ts';
import { at, fc, point } from './testgeo.ts';

const site = (name: string, district: string, tier: string, area_m2: number | null): Feature => point(0, 0, { name, district, tier, area_m2 });
const districts = fc([
  { type: 'Feature', properties: { name: 'A区', population_2020: 100000 }, geometry: { type: 'Polygon', coordinates: [[at(0, 0), at(1, 0), at(1, 1), at(0, 0)]] } },
  { type: 'Feature', properties: { name: 'B区', population_2020: 50000 }, geometry: { type: 'Polygon', coordinates: [[at(0, 0), at(1, 0), at(1, 1), at(0, 0)]] } },
]);
const withMeta = (features: Feature[], group_totals: unknown[] = []) => ({ ...fc(features), metadata: { group_totals } }) as FeatureCollection & { metadata: { group_totals: never[] } };

describe('plan targets table', () => {
  it('holds the computable rows with unique ids and census figures that sum to the city total', () => {
    expect(new Set(PLAN_TARGETS.map((t) => t.id)).size).toBe(PLAN_TARGETS.length);
    expect(PLAN_TARGETS.map((t) => t.id)).toContain('shelter_per_capita');
    expect(Object.values(DISTRICT_POPULATION_2020).reduce((a, b) => a + b, 0)).toBe(13866009);
    expect(meets({ op: '>', threshold: 500 }, 500)).toBe(false);
    expect(meets({ op: '~', threshold: 300 }, 290)).toBe(true);
    expect(meets({ op: '~', threshold: 300 }, 280)).toBe(false);
  });
});

describe('shelter area per resident', () => {
  it('computes city and district values when every site has an area', () => {
    const r = shelterPerCapita({ districts, shelters: withMeta([site('s1', 'A区', 'fixed', 200000), site('s2', 'B区', 'fixed', 50000)]) });
    expect(r.value).toBeCloseTo(250000 / 150000, 9);
    expect(r.breakdown).toEqual([
      { zone: 'A区', value: 2, status: 'met' },
      { zone: 'B区', value: 1, status: 'not_met' },
    ]);
    expect(r.status).toBe('not_met');
  });

  it('is incomplete, with no number, when a site lacks an area', () => {
    const r = shelterPerCapita({ districts, shelters: withMeta([site('s1', 'A区', 'fixed', 200000), site('s2', 'B区', 'fixed', null)]) });
    expect(r.status).toBe('incomplete');
    expect(r.value).toBeNull();
    expect(r.detail.en).toContain('1 site(s) lack their own area');
    expect(r.detail.en).toContain('s2');
    expect(r.breakdown![0]).toEqual({ zone: 'A区', value: 2, status: 'met' });
    expect(r.breakdown![1].value).toBeNull();
  });

  it('uses a published group total for the city, never to split among districts', () => {
    const shelters = withMeta(
      [site('g1', 'A区', 'city_central', null), site('g2', 'B区', 'city_central', null), site('s3', 'A区', 'fixed', 30000)],
      [{ members: ['g1', 'g2'], area_m2: 270000 }],
    );
    const r = shelterPerCapita({ districts, shelters });
    expect(r.value).toBeCloseTo(300000 / 150000, 9);
    expect(r.status).toBe('incomplete');
    expect(r.breakdown!.every((b) => b.value === null)).toBe(true);
  });

  it('falls back to the census populations without a districts layer', () => {
    const r = shelterPerCapita({ shelters: withMeta([site('s', '和平区', 'fixed', 355000)]) });
    expect(r.breakdown).toHaveLength(16);
    expect(r.breakdown!.find((b) => b.zone === '和平区')!.value).toBe(1);
    expect(r.value).toBeCloseTo(355000 / 13866009, 9);
  });

  it('asks for the layer when none is loaded', () => {
    expect(shelterPerCapita({}).status).toBe('needs_data');
  });
});

describe('other targets', () => {
  it('counts central and fixed shelters per district', () => {
    const sh = withMeta([site('a', 'A区', 'fixed', 1), site('b', 'A区', 'city_central', 1), site('c', 'A区', 'fixed', 1), site('d', 'A区', 'short_term', 1), site('e', 'B区', 'fixed', 1)]);
    const r = sheltersPerDistrict({ districts, shelters: sh });
    expect(r.breakdown!.map((b) => b.value)).toEqual([3, 1]);
    expect(r.value).toBe(1);
    expect(r.status).toBe('not_met');
  });

  it('counts distinct historic blocks, pocket parks and renewal works', () => {
    const blocks = fc(Array.from({ length: 15 }, (_, i) => point(0, 0, { name: `b${i % 14}` })));
    expect(historicBlocks({ historicBlocks: blocks })).toMatchObject({ value: 14, status: 'met' });
    expect(pocketParks({ parks: fc([point(0, 0, { park_type: 'city_park' })]) }).status).toBe('needs_data');
    expect(pocketParks({ parks: fc([point(0, 0, { name: '某口袋公园' }), point(0, 0, { park_type: 'pocket' })]) })).toMatchObject({ value: 2, status: 'not_met' });
    const works = fc([point(0, 0, { plan_ref: 'ch3-3; ch3-11' }), point(0, 0, { plan_ref: 'ch3-11' }), point(0, 0, { plan_ref: 'ch4-2' })]);
    expect(renewalWorks({ works }).value).toBe(2);
  });

  it('sums operating metro line lengths', () => {
    const line = (x1: number, status: string): Feature => ({ type: 'Feature', properties: { status }, geometry: { type: 'LineString', coordinates: [at(0, 0), at(x1, 0)] } });
    const r = railLength({ metro: fc([line(300000, 'operating'), line(250000, 'operating'), line(100000, 'planned')]) });
    expect(r.value).toBeCloseTo(550, 0);
    expect(r.status).toBe('met');
  });

  it('reads coverage targets from a coverage result, by residents for medical care', () => {
    const c = { coveredPct: 90, population: 1000, coveredPopulation: 995, facilityCount: 12, radiusM: 769 };
    expect(coverageTarget('medical_15min', { coverage: { medical_15min: c } })).toMatchObject({ value: 99.5, status: 'met' });
    expect(coverageTarget('elderly_15min', { coverage: { elderly_15min: c } })).toMatchObject({ value: 90, status: 'not_met' });
    expect(coverageTarget('medical_15min', { coverage: { medical_15min: { ...c, population: null } } }).status).toBe('incomplete');
    const none = coverageTarget('life_circle_15min', {});
    expect(none.status).toBe('needs_data');
    expect(none.detail.en).toContain('daily-service');
  });

  it('computes every row, bed rates only with a population and complete attributes', () => {
    const all = computeIndicators({ medical: fc([point(0, 0, { beds: 600 }), point(0, 0, { beds: 600 })]), centralCityPopulation: 200000 });
    expect(all.map((r) => r.id)).toEqual(PLAN_TARGETS.map((t) => t.id));
    expect(all.find((r) => r.id === 'hospital_beds')).toMatchObject({ value: 6, status: 'met' });
    const partial = computeIndicators({ medical: fc([point(0, 0, { beds: 600 }), point(0, 0, {})]), centralCityPopulation: 200000 });
    expect(partial.find((r) => r.id === 'hospital_beds')).toMatchObject({ value: null, status: 'incomplete' });
  });
});

describe('verdicts on incomplete layers', () => {
  const named = { complete: false, note: { zh: '仅规划点名的场所', en: "the plan's named sites only" } };
  const declared = { complete: true, note: { zh: '本单位完整名录', en: 'our full list' } };
  const low = { coveredPct: 0.1, population: 1000, coveredPopulation: 1, facilityCount: 8, radiusM: 769 };
  const row = (rs: ReturnType<typeof computeIndicators>, id: string) => rs.find((r) => r.id === id)!;

  it('shows "incomplete" with the reason, never "not met", for coverage from the named shelters', () => {
    const r = row(computeIndicators({ coverage: { shelter_coverage: { ...low, completeness: named } } }), 'shelter_coverage');
    expect(r.status).toBe('incomplete');
    expect(r.detail.zh).toContain('数据不全：仅规划点名的场所');
    expect(r.detail.en).toContain("Incomplete data: the plan's named sites only");
  });

  it('gives the verdict once the planner declares the layer complete', () => {
    const r = row(computeIndicators({ coverage: { shelter_coverage: { ...low, completeness: declared } } }), 'shelter_coverage');
    expect(r.status).toBe('not_met');
    expect(r.value).toBeCloseTo(0.1);
  });

  it('turns district counts and the works count to "incomplete", per district too', () => {
    const shelters = fc([point(0, 0, { name: 'A', tier: 'fixed', district: '和平区' })]);
    const works = fc([point(0, 0, { plan_ref: 'ch3-3' })]);
    const rs = computeIndicators({ shelters, works, completeness: { shelters: named, works: named } });
    const perDistrict = row(rs, 'shelters_per_district');
    expect(perDistrict.status).toBe('incomplete');
    expect(perDistrict.breakdown!.every((b) => b.status !== 'not_met')).toBe(true);
    expect(row(rs, 'urban_renewal_works').status).toBe('incomplete');
    const complete = computeIndicators({ shelters, works, completeness: { shelters: declared, works: declared } });
    expect(row(complete, 'shelters_per_district').status).toBe('not_met');
  });

  it('keeps "met" on incomplete data: a lower bound that already reaches the target', () => {
    const blocks = fc(Array.from({ length: 14 }, (_, i) => point(0, 0, { name: `b${i}` })));
    const r = row(computeIndicators({ historicBlocks: blocks, completeness: { historicBlocks: named } }), 'historic_blocks');
    expect(r.status).toBe('met');
    expect(r.detail.en).toMatch(/can only raise/);
  });
});
