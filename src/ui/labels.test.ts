import { describe, expect, it } from 'vitest';
import { displayValue, planRefText } from './labels';

describe('labels', () => {
  it('explains plan references in both languages', () => {
    expect(planRefText('ch3-11', 'zh')).toBe('第三章第11项工程');
    expect(planRefText('ch3-11', 'en')).toBe('chapter 3, work 11');
    expect(planRefText('ch5-2.1; ch1', 'en')).toBe('chapter 5, section 2.1; chapter 1');
    expect(planRefText('ch4-3', 'zh')).toBe('第四章第三节');
  });
  it('shows coded values by name and markup as plain text', () => {
    expect(displayValue('plan_zone', 'binhai', 'zh')).toBe('滨海新区');
    expect(displayValue('x', '<img src=x onerror=alert(1)>', 'en')).toBe('<img src=x onerror=alert(1)>');
    expect(displayValue('x', null, 'en')).toBe('—');
  });
  it('groups thousands in measures but not in codes and years', () => {
    expect(displayValue('population_2020', 13866009, 'en')).toBe('13,866,009');
    expect(displayValue('adcode', 120110, 'en')).toBe('120110');
    expect(displayValue('year', 2026, 'zh')).toBe('2026');
  });
});
