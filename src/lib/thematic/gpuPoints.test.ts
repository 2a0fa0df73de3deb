import { describe, expect, it } from 'vitest';
import { GPU_POINTS_MIN_FEATURES, gpuPointsEligible } from './gpuPoints';

const big = { geometry: 'point', feature_count: GPU_POINTS_MIN_FEATURES + 1 };
const graduated = { kind: 'graduated' as const, field: 'density' };

describe('which layers draw thematic classes on the GPU', () => {
  it('takes large point layers styled by a field', () => {
    expect(gpuPointsEligible(big, graduated, true)).toBe(true);
    expect(gpuPointsEligible(big, { kind: 'categories', field: 'type' }, true)).toBe(true);
    expect(gpuPointsEligible(big, { kind: 'circles', field: 'density' }, true)).toBe(true);
  });

  it('leaves small layers, other geometry, archives, heat maps and label-only styles to MapLibre', () => {
    expect(gpuPointsEligible({ ...big, feature_count: GPU_POINTS_MIN_FEATURES }, graduated, true)).toBe(false);
    expect(gpuPointsEligible({ ...big, geometry: 'polygon' }, graduated, true)).toBe(false);
    expect(gpuPointsEligible({ ...big, pointsFile: 'x.geojson' }, graduated, true)).toBe(false);
    expect(gpuPointsEligible({ ...big, type: 'pmtiles' }, graduated, true)).toBe(false);
    expect(gpuPointsEligible(big, { kind: 'heatmap', field: 'density' }, true)).toBe(false);
    expect(gpuPointsEligible(big, { kind: 'none', label: 'name' }, true)).toBe(false);
    expect(gpuPointsEligible(big, undefined, true)).toBe(false);
  });

  it('is off when the page asks for ?gpu=0', () => {
    expect(gpuPointsEligible(big, graduated, false)).toBe(false);
  });
});
