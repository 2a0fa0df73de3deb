import { describe, expect, it } from 'vitest';
import type { CoverageResult } from '../analysis/coverage';
import type { RunMeta } from '../ui/analysis/request';
import { DEFAULT_ANALYSIS } from './analysisSettings';
import { cancelRun, failRun, finishRun, initialResults, setProgress, startRun } from './analysisResults';

const result = (pct: number, pop: number | null = 1000): CoverageResult => ({
  coveredAreaM2: pct, totalAreaM2: 100, coveredPct: pct, population: pop, coveredPopulation: pop === null ? null : pop * pct / 100,
  radiusM: 769, cellSizeM: 20, facilityCount: 99, perZone: [], errorM2: 0, outlineCellM: 20, projection: 'EPSG:4548', zonesOverlap: false,
  covered: { type: 'FeatureCollection', features: [] }, uncovered: { type: 'FeatureCollection', features: [] },
});
const meta = (over: Partial<RunMeta> = {}): RunMeta => ({
  mode: 'circle', minutes: 15, walkM: 1000, reachM: 769, areaLabel: { zh: '行政区', en: 'Districts' }, facilitiesLabel: { zh: 'a', en: 'a' },
  facilityCount: 8, populationSource: 'attribute', target: null, centralCity: false, ...over,
});

describe('analysis results store updaters', () => {
  it('runs through running → done, keeping the previous result while running', () => {
    let s = startRun(initialResults(), 1, DEFAULT_ANALYSIS);
    expect(s.status).toBe('running');
    s = setProgress(s, 1, { stage: 'stamp', done: 1, total: 2 });
    expect(s.progress?.done).toBe(1);
    s = finishRun(s, 1, { meta: meta(), result: result(10) });
    expect(s.status).toBe('done');
    expect(s.finished).toBe(1);
    s = startRun(s, 2, DEFAULT_ANALYSIS);
    expect(s.result?.coveredPct).toBe(10);
  });

  it('ignores progress and results of stale runs', () => {
    let s = startRun(initialResults(), 1, DEFAULT_ANALYSIS);
    s = startRun(s, 2, DEFAULT_ANALYSIS);
    expect(setProgress(s, 1, { stage: 'x', done: 1, total: 1 })).toBe(s);
    expect(finishRun(s, 1, { meta: meta(), result: result(5) })).toBe(s);
    expect(cancelRun(s, 1)).toBe(s);
  });

  it('a cancelled or failed run leaves nothing to draw', () => {
    let s = finishRun(startRun(initialResults(), 1, DEFAULT_ANALYSIS), 1, { meta: meta(), result: result(10) });
    s = cancelRun(startRun(s, 2, DEFAULT_ANALYSIS), 2);
    expect(s.status).toBe('cancelled');
    expect(s.result).toBeNull();
    const f = failRun(startRun(s, 3, DEFAULT_ANALYSIS), 3, { zh: '错', en: 'err' });
    expect(f.status).toBe('error');
    expect(f.error?.en).toBe('err');
    expect(finishRun(f, 3, { meta: meta(), result: result(1) })).toBe(f);
  });

  it('records target summaries with the facility count of the run, and the central-city population', () => {
    let s = startRun(initialResults(), 1, { ...DEFAULT_ANALYSIS, area: 'central-city' });
    s = finishRun(s, 1, { meta: meta({ target: 'shelter_coverage', centralCity: true }), result: result(40, 4_000_000) });
    expect(s.targets.shelter_coverage).toMatchObject({ coveredPct: 40, facilityCount: 8, radiusM: 769 });
    expect(s.centralCityPopulation).toBe(4_000_000);
    s = finishRun(startRun(s, 2, DEFAULT_ANALYSIS), 2, { meta: meta({ target: 'medical_15min' }), result: result(20) });
    expect(s.targets.shelter_coverage?.coveredPct).toBe(40);
    expect(s.targets.medical_15min?.coveredPct).toBe(20);
    expect(s.medicalLayers).toEqual(DEFAULT_ANALYSIS.facilities);
    expect(s.centralCityPopulation).toBe(4_000_000);
  });
});
