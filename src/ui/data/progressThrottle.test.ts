import { describe, expect, it } from 'vitest';
import { throttleProgress } from './progressThrottle';

describe('throttleProgress', () => {
  it('passes the first value, then at most one per interval', () => {
    let t = 0;
    const seen: number[] = [];
    const p = throttleProgress<number>((v) => seen.push(v), 400, () => t);
    for (let i = 0; i < 100; i++) {
      p(i);
      t += 10; // a report every 10 ms for a second
    }
    expect(seen[0]).toBe(0);
    expect(seen).toEqual([0, 40, 80]);
  });

  it('passes a value as soon as the interval has gone by', () => {
    let t = 1000;
    const seen: string[] = [];
    const p = throttleProgress<string>((v) => seen.push(v), 400, () => t);
    p('a');
    t += 399;
    p('b');
    t += 1;
    p('c');
    expect(seen).toEqual(['a', 'c']);
  });
});
