import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../analysis/coverage';
import { fc, point, rect } from '../../analysis/testgeo';
import { validateGeoJSON } from '../../io/validate';
import { DEFAULT_ANALYSIS } from '../../state/analysisSettings';
import { coverageFeatures, coverageGeoJSON, describeRun, fileStem } from './exports';
import type { RunMeta } from './request';

const area = fc([rect(-2000, -1000, 0, 1000, { name: 'W', population_2020: 100 }), rect(0, -1000, 2000, 1000, { name: 'E', population_2020: 100 })]);
const result = computeCoverage({ facilities: fc([point(-500, 0)]), radiusM: 400, area, options: { cellSize: 10 } });
const meta: RunMeta = {
  mode: 'circle', minutes: 15, walkM: 1000, reachM: 769, areaLabel: { zh: '行政区', en: 'Districts' }, facilitiesLabel: { zh: '避难场所', en: 'Shelters' },
  facilityCount: 1, populationSource: 'attribute', target: null, centralCity: false,
};

describe('coverage downloads', () => {
  it('names files after the run', () => {
    expect(fileStem(meta, 'districts')).toBe('coverage-15min-districts');
    expect(fileStem({ ...meta, mode: 'network' }, 'u-a/b')).toBe('coverage-15min-network-u-a_b');
  });

  it('writes valid GeoJSON of covered and uncovered areas with the run in its metadata', () => {
    const text = coverageGeoJSON({ result, edges: null, meta, settings: DEFAULT_ANALYSIS }, 'http://x/#an=abc', new Date('2025-01-01T00:00:00Z'));
    const geo = JSON.parse(text);
    expect(validateGeoJSON(geo).errors).toEqual([]);
    const st = geo.features.map((f: { properties: { status: string; zone_name: string } }) => `${f.properties.zone_name}:${f.properties.status}`).sort();
    expect(st).toEqual(['E:uncovered', 'W:covered', 'W:uncovered']);
    expect(geo.metadata.url).toBe('http://x/#an=abc');
    expect(geo.metadata.source).toBe(describeRun(meta, result));
    expect(geo.metadata.source).toContain('769 m straight-line radius');
  });

  it('adds reached streets in network mode', () => {
    const edges = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { from_m: 0, to_m: 10 }, geometry: { type: 'LineString' as const, coordinates: [[117, 39], [117.001, 39]] } }] };
    const feats = coverageFeatures({ result, edges });
    expect(feats.filter((f) => f.properties?.status === 'reached_street')).toHaveLength(1);
  });
});
