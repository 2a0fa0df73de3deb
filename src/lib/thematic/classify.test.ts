import { describe, expect, it } from 'vitest';
import { ckmeans, equalIntervalBreaks, jenks, mean, quantileSorted, standardDeviation } from 'simple-statistics';
import { classBreaks, classOf, targetBreaks, targetClassNames } from './classify';

const V = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('classBreaks by hand', () => {
  it('equal interval: 0..10 in 5 classes', () => {
    expect(classBreaks([0, 10, 3, 7], 'equal', { classes: 5 })).toEqual([0, 2, 4, 6, 8, 10]);
  });
  it('quantile: 1..10 in 2 classes splits at the median 5.5', () => {
    expect(classBreaks(V, 'quantile', { classes: 2 })).toEqual([1, 5.5, 10]);
  });
  it('natural breaks find the obvious gaps', () => {
    expect(classBreaks([1, 2, 3, 20, 21, 22, 50, 51], 'natural', { classes: 3 })).toEqual([1, 20, 50, 51]);
    expect(classBreaks([1, 2, 3, 20, 21, 22, 50, 51], 'jenks', { classes: 3 })).toEqual([1, 20, 50, 51]);
  });
  it('standard deviation: mean ± 0.5 and 1.5 sd for 5 classes, inside the data', () => {
    // values 0, 10, 20, 30, 40: mean 20, population sd √200 ≈ 14.142
    const sd = Math.sqrt(200);
    const b = classBreaks([0, 10, 20, 30, 40], 'stddev', { classes: 5 });
    expect(b[0]).toBe(0);
    expect(b.at(-1)).toBe(40);
    expect(b.slice(1, -1)).toEqual([20 - 1.5 * sd, 20 - 0.5 * sd, 20 + 0.5 * sd, 20 + 1.5 * sd].filter((x) => x > 0 && x < 40));
    expect(b.slice(1, -1).map((x) => Number(x.toFixed(3)))).toEqual([-1.213, 12.929, 27.071, 41.213].filter((x) => x > 0 && x < 40));
  });
  it('manual breaks keep the data range and drop breaks outside it', () => {
    expect(classBreaks(V, 'manual', { breaks: [7, 3, 99, -4] })).toEqual([1, 3, 7, 10]);
  });
  it('one distinct value gives one class; no values none', () => {
    expect(classBreaks([4, 4, 4], 'quantile')).toEqual([4, 4]);
    expect(classBreaks([], 'natural')).toEqual([]);
  });
  it('fewer distinct values than classes gives fewer classes', () => {
    expect(classBreaks([1, 1, 2, 2], 'natural', { classes: 5 })).toEqual([1, 2, 2]);
    expect(classOf(1, [1, 2, 2])).toBe(0);
    expect(classOf(2, [1, 2, 2])).toBe(1);
  });
});

describe('classBreaks agrees with simple-statistics', () => {
  const data = Array.from({ length: 200 }, (_, i) => Math.round(1000 * Math.abs(Math.sin(i * 1.7)) ** 2) / 10);
  const sorted = [...data].sort((a, b) => a - b);
  it('quantile', () => {
    expect(classBreaks(data, 'quantile', { classes: 4 })).toEqual([sorted[0], quantileSorted(sorted, 0.25), quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.75), sorted.at(-1)]);
  });
  it('equal interval', () => {
    const got = classBreaks(data, 'equal', { classes: 6 });
    equalIntervalBreaks(data, 6).forEach((b, i) => expect(got[i]).toBeCloseTo(b, 9));
  });
  it('standard deviation around simple-statistics mean and sd', () => {
    const m = mean(data);
    const sd = standardDeviation(data);
    const got = classBreaks(data, 'stddev', { classes: 4 });
    expect(got.slice(1, -1).map((x) => Number(x.toFixed(6)))).toEqual([m - sd, m, m + sd].filter((x) => x > sorted[0] && x < sorted.at(-1)!).map((x) => Number(x.toFixed(6))));
  });
  it('jenks', () => expect(classBreaks(data, 'jenks', { classes: 5 })).toEqual(jenks(data, 5)));
  it('natural = ckmeans cluster starts', () => {
    expect(classBreaks(data, 'natural', { classes: 5 })).toEqual([...ckmeans(data, 5).map((c) => c[0]), sorted.at(-1)]);
  });
});

describe('natural breaks over many values', () => {
  it('the order-statistics sample gives breaks within 1% of the range of the full ckmeans', () => {
    const data = Array.from({ length: 30000 }, (_, i) => (i % 4) * 100 + Math.abs(Math.sin(i)) ** 3 * 60 + (i % 7));
    const full = [...ckmeans(data, 4).map((c) => c[0]), Math.max(...data)];
    const got = classBreaks(data, 'natural', { classes: 4 });
    const range = full.at(-1)! - full[0];
    expect(got.length).toBe(full.length);
    got.forEach((b, i) => expect(Math.abs(b - full[i])).toBeLessThan(range / 100));
  });
});

describe('target classes', () => {
  it('minimum target with a close band: misses / close / meets', () => {
    const t = { threshold: 1.5, close: 0.2 };
    expect(targetBreaks([0.2, 2.4], t)).toEqual([0.2, 1.2, 1.5, 2.4]);
    expect(targetClassNames(t)).toEqual(['misses', 'close', 'meets']);
    const b = targetBreaks([0.2, 2.4], t);
    expect([0.5, 1.3, 1.5, 2].map((v) => classOf(v, b))).toEqual([0, 1, 2, 2]);
  });
  it('two classes without a band; meets has a range even when all values miss', () => {
    const b = targetBreaks([0, 1, 2], { threshold: 3 });
    expect(b.slice(0, 2)).toEqual([0, 3]);
    expect(b[2]).toBeGreaterThan(3);
    expect(classOf(2, b)).toBe(0);
    expect(classOf(3, b)).toBe(1);
  });
  it('maximum target: meets below the threshold', () => {
    expect(targetClassNames({ threshold: 10, direction: 'max', close: 0.1 })).toEqual(['meets', 'close', 'misses']);
    expect(targetBreaks([0, 20], { threshold: 10, direction: 'max', close: 0.1 })).toEqual([0, 10, 11, 20]);
  });
});

describe('classOf', () => {
  const b = [0, 10, 20, 30];
  it('lower bound inclusive, last class closed, outside values clamp', () => {
    expect([-5, 0, 9.99, 10, 20, 29, 30, 40].map((v) => classOf(v, b))).toEqual([0, 0, 0, 1, 2, 2, 2, 2]);
  });
});
