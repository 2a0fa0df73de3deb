// The display labels against the data they label: every coded value and every field the shipped
// layers show has a name in both languages, and the names agree with the seeds' own Chinese.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryLabel, displayValue, fieldLabel, planRefText } from './labels';

interface SeedLayer { id: string; fields?: string[]; style: { categories?: { property: string; values: Record<string, string> } } }
const seeds = JSON.parse(readFileSync('seeds/layers.json', 'utf8')) as { layers: SeedLayer[] };
const features = (id: string) =>
  (JSON.parse(readFileSync(`seeds/${id}.geojson`, 'utf8')) as { features: { properties: Record<string, unknown> }[] }).features.map((f) => f.properties);

describe('labels', () => {
  it('name every category value a shipped layer is coloured by, in both languages, distinctly', () => {
    const categorised = seeds.layers.filter((l) => l.style.categories);
    expect(categorised.length).toBeGreaterThan(0);
    for (const l of categorised) {
      const { property, values } = l.style.categories!;
      for (const lang of ['zh', 'en'] as const) {
        const names = Object.keys(values).map((v) => categoryLabel(property, v, lang));
        for (const [i, v] of Object.keys(values).entries()) expect(names[i], `${l.id}.${property}=${v} (${lang})`).not.toBe(v);
        expect(new Set(names).size, `${l.id}.${property} (${lang})`).toBe(names.length);
      }
    }
  });

  it('agree with the Chinese the seeds write beside the codes', () => {
    for (const p of features('plan-projects')) {
      expect(categoryLabel('renewal_type', p.renewal_type as string, 'zh'), String(p.name)).toBe(p.renewal_type_zh);
    }
    for (const p of features('shelters')) {
      expect(categoryLabel('tier', p.tier as string, 'zh'), String(p.name)).toContain(String(p.tier_zh).replace(/\/.*/, ''));
    }
  });

  it('label every field a shipped layer shows first, in both languages', () => {
    for (const l of seeds.layers) {
      for (const f of l.fields ?? []) {
        expect(fieldLabel(f, 'zh'), `${l.id}.${f}`).not.toBe(f);
        expect(fieldLabel(f, 'en'), `${l.id}.${f}`).not.toBe(f);
        expect(fieldLabel(f, 'zh'), `${l.id}.${f}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('explains plan references in both languages', () => {
    expect(planRefText('ch3-11', 'zh')).toBe('第三章第11项工程');
    expect(planRefText('ch3-11', 'en')).toBe('chapter 3, work 11');
    expect(planRefText('ch5-2.1; ch1', 'en')).toBe('chapter 5, section 2.1; chapter 1');
    expect(planRefText('ch4-3', 'zh')).toBe('第四章第三节');
    expect(planRefText('ch4-12', 'zh')).toBe('第四章第十二节');
    expect(planRefText('context', 'en')).toBe('context');
  });

  it('shows coded values by name, objects as JSON text and missing values as a dash', () => {
    expect(displayValue('plan_zone', 'binhai', 'zh')).toBe('滨海新区');
    expect(displayValue('plan_zone', 'binhai', 'en')).toBe('Binhai New Area');
    expect(displayValue('x', { a: [1, '<b>'] }, 'en')).toBe('{"a":[1,"<b>"]}');
    for (const v of [null, undefined, '']) expect(displayValue('x', v, 'en')).toBe('—');
  });

  it('groups thousands in measures but not in codes and years', () => {
    expect(displayValue('population_2020', 13866009, 'en')).toBe('13,866,009');
    expect(displayValue('population_2020', 13866009, 'zh')).toBe('13,866,009');
    expect(displayValue('adcode', 120110, 'en')).toBe('120110');
    expect(displayValue('year', 2026, 'zh')).toBe('2026');
    expect(displayValue('plan_id', 12345, 'zh')).toBe('12345');
  });
});
