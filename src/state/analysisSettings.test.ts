import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from './url';
import { DEFAULT_ANALYSIS, analysisOf, checkAnalysis, checkAnalysisParam, toggleFacilityLayer, updateAnalysis } from './analysisSettings';
import { analysisParam } from './linkParams';
import { initialState } from './appState';
import { applyUrl, toUrlState } from './urlState';

describe('analysis settings updaters', () => {
  it('starts from the defaults and merges changes', () => {
    const s0 = initialState();
    expect(analysisOf(s0)).toEqual(DEFAULT_ANALYSIS);
    const s1 = updateAnalysis(s0, { minutes: 5, speed: 4.5 });
    expect(s1.analysis).toEqual({ ...DEFAULT_ANALYSIS, minutes: 5, speed: 4.5 });
    expect(s0.analysis).toBeUndefined();
  });

  it('removes optional fields set to undefined, and drops the area feature when the area layer changes', () => {
    const s1 = updateAnalysis(initialState(), { areaFeature: '南开区', network: 'u-1' });
    expect(analysisOf(s1).areaFeature).toBe('南开区');
    const s2 = updateAnalysis(s1, { network: undefined });
    expect('network' in analysisOf(s2)).toBe(false);
    const s3 = updateAnalysis(s2, { area: 'central-city' });
    expect(analysisOf(s3).areaFeature).toBeUndefined();
    expect(analysisOf(updateAnalysis(s2, { speed: 5 })).areaFeature).toBe('南开区');
  });

  it('toggles facility layers without duplicates', () => {
    const s1 = toggleFacilityLayer(initialState(), 'parks', true);
    expect(analysisOf(s1).facilities).toEqual(['shelters', 'parks']);
    expect(toggleFacilityLayer(s1, 'parks', true)).toBe(s1);
    expect(analysisOf(toggleFacilityLayer(s1, 'shelters', false)).facilities).toEqual(['parks']);
  });
});

describe('the an= link parameter', () => {
  it('round-trips through the hash codec', () => {
    const s = updateAnalysis(initialState(), { minutes: 10, area: 'central-city', network: 'u-abc-1', types: ['residential'], target: 'medical_15min', cell: 25 });
    const hash = encodeHash(toUrlState(s, [analysisParam]));
    const back = decodeHash(hash, { checkers: { an: checkAnalysis } });
    expect(back.notices).toEqual([]);
    expect(back.state.params?.an).toEqual(s.analysis);
    expect(applyUrl(initialState(), back.state, back.notices, [analysisParam]).analysis).toEqual(s.analysis);
  });

  it('leaves an= out for the defaults, and reads a link without an= as the defaults', () => {
    expect(encodeHash(toUrlState(initialState(), [analysisParam]))).not.toContain('an=');
    const changed = updateAnalysis(initialState(), { minutes: 5 });
    const { state } = decodeHash('#map=10/39/117&layers=', { checkers: { an: checkAnalysis } });
    expect(applyUrl(changed, state, [], [analysisParam]).analysis).toBeUndefined();
  });

  it('keeps valid fields and lists bad ones', () => {
    const r = checkAnalysisParam({ minutes: 7, speed: 4.2, detour: 0.5, area: 'central-city', facilities: ['shelters', 'bad id!'], extra: 1 });
    expect(r.value).toEqual({ ...DEFAULT_ANALYSIS, speed: 4.2, area: 'central-city' });
    expect(r.dropped.sort()).toEqual(['detour', 'facilities', 'minutes', 'unknown field extra'].sort());
  });

  it('rejects what is not an object, with a bilingual notice through the codec', () => {
    expect(checkAnalysisParam([1, 2]).value).toBeUndefined();
    expect(checkAnalysisParam(null).value).toBeUndefined();
    const hash = `#an=${Buffer.from('"x"').toString('base64url')}`;
    const r = decodeHash(hash, { checkers: { an: checkAnalysis } });
    expect(r.state.params?.an).toBeUndefined();
    expect(r.notices[0].message.zh).toContain('分析设置无效');
    expect(r.notices[0].message.en).toContain('invalid analysis settings');
  });

  it('bounds numbers and enumerations', () => {
    expect(checkAnalysisParam({ speed: 80 }).dropped).toEqual(['speed']);
    expect(checkAnalysisParam({ cell: 1 }).dropped).toEqual(['cell']);
    expect(checkAnalysisParam({ target: 'rail_km' }).dropped).toEqual(['target']);
    expect(checkAnalysisParam({ target: 'none' }).value?.target).toBe('none');
    expect(checkAnalysisParam({ facilities: Array(9).fill('a') }).dropped).toEqual(['facilities']);
  });
});
