import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { summariseFields } from './summary.ts';

const fc = (...props: (Record<string, unknown> | null)[]): FeatureCollection =>
  ({
    type: 'FeatureCollection',
    features: props.map((properties) => ({ type: 'Feature', properties, geometry: null })),
  }) as unknown as FeatureCollection;

describe('summariseFields', () => {
  it('lists fields with kinds, counts and distinct samples', () => {
    const s = summariseFields(fc({ name: 'a', n: 1 }, { name: 'b', n: 'x' }, null, { name: 'a', n: null, o: { k: 1 } }));
    expect(s).toEqual([
      { name: 'name', kind: 'string', count: 3, samples: ['a', 'b'], more: false },
      { name: 'n', kind: 'mixed', count: 2, samples: [1, 'x'], more: false },
      { name: 'o', kind: 'object', count: 1, samples: [], more: false },
    ]);
  });

  it('caps samples and cuts long strings', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ v: i, long: 'x'.repeat(150 + i) }));
    const s = summariseFields(fc(...many), 200, 3);
    expect(s[0]).toMatchObject({ samples: [0, 1, 2], more: true, count: 12 });
    expect((s[1].samples[0] as string).length).toBe(101);
  });

  it('caps the number of fields', () => {
    expect(summariseFields(fc({ a: 1, b: 2, c: 3 }), 2)).toHaveLength(2);
  });
});
