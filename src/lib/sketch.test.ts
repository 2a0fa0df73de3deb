import { describe, expect, it } from 'vitest';
import { rectangleOf, ringOf } from './sketch';

describe('ringOf', () => {
  it('closes the ring and drops double-click duplicates', () => {
    expect(ringOf([[0, 0], [1, 0], [1, 0], [1, 1], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
    expect(ringOf([[0, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });
  it('needs three distinct vertices', () => {
    expect(ringOf([])).toBeNull();
    expect(ringOf([[0, 0], [1, 1], [1, 1]])).toBeNull();
  });
});

describe('rectangleOf', () => {
  it('spans any two opposite corners, counter-clockwise', () => {
    const r = [[1, 2], [3, 2], [3, 5], [1, 5], [1, 2]];
    expect(rectangleOf([3, 5], [1, 2])).toEqual(r);
    expect(rectangleOf([1, 5], [3, 2])).toEqual(r);
    expect(rectangleOf([1, 1], [1, 4])).toBeNull();
  });
});
