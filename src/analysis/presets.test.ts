import { describe, expect, it } from 'vitest';
import { DEFAULT_DETOUR, DEFAULT_SPEED_KMH, WALK_PRESETS, presetFor, presetReachMeters, reachMeters, walkMeters } from './presets.ts';

describe('walking presets', () => {
  it('carries the GB 50180-2018 life-circle distances', () => {
    expect(WALK_PRESETS.map((p) => [p.minutes, p.walkMeters, p.minMeters])).toEqual([
      [5, 300, 300],
      [10, 500, 500],
      [15, 1000, 800],
    ]);
  });

  it('turns time, speed and detour into a straight-line reach', () => {
    expect(walkMeters(15, 4)).toBeCloseTo(1000, 9);
    expect(reachMeters(15, 4.5, 1.5)).toBeCloseTo(750, 9);
    expect(reachMeters(15)).toBeCloseTo(walkMeters(15, DEFAULT_SPEED_KMH) / DEFAULT_DETOUR, 9);
    // with the defaults, 15 minutes of walking is the standard's 1000 m
    expect(reachMeters(15)).toBeCloseTo(presetReachMeters(presetFor(15)!), 9);
  });

  it('rejects impossible inputs', () => {
    expect(() => reachMeters(15, 4, 0.8)).toThrow(RangeError);
    expect(() => walkMeters(-1)).toThrow(RangeError);
    expect(presetFor(7)).toBeUndefined();
  });
});
