import { describe, expect, it } from 'vitest';
import { tabKeyTarget } from './tabKeys';

const tabs = ['layers', 'filters', 'analysis', 'data'];

describe('tab keys', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    expect(tabKeyTarget(tabs, 'layers', 'ArrowRight')).toBe('filters');
    expect(tabKeyTarget(tabs, 'data', 'ArrowRight')).toBe('layers');
    expect(tabKeyTarget(tabs, 'layers', 'ArrowLeft')).toBe('data');
    expect(tabKeyTarget(tabs, 'analysis', 'ArrowUp')).toBe('filters');
  });

  it('jumps with Home and End and ignores other keys', () => {
    expect(tabKeyTarget(tabs, 'analysis', 'Home')).toBe('layers');
    expect(tabKeyTarget(tabs, 'layers', 'End')).toBe('data');
    expect(tabKeyTarget(tabs, 'layers', 'a')).toBeNull();
    expect(tabKeyTarget(tabs, 'nope', 'ArrowRight')).toBeNull();
  });
});
