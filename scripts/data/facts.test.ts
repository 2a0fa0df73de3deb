import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meets } from '../../src/analysis/targets';
import { buildPlanFacts, parseTarget, PLAN_FACTS_FILE, readPlanFacts } from './facts';

describe('plan facts from seeds/facts', () => {
  it('are what the app bundles: planFacts.json is the data build\'s output for the current CSVs', () => {
    expect(JSON.parse(readFileSync(PLAN_FACTS_FILE, 'utf8'))).toEqual(readPlanFacts());
  });

  it('keep exactly the rows a map can measure, and every census district', () => {
    const f = readPlanFacts();
    const csv = readFileSync('seeds/facts/plan-targets.csv', 'utf8').trim().split('\n').slice(1);
    const computable = csv.filter((l) => /,yes[^,]*$|,"yes/.test(l)).map((l) => l.split(',')[0]);
    expect(f.planTargets.map((t) => t.id)).toEqual(computable);
    expect(Object.keys(f.districtPopulation2020)).toHaveLength(16);
    expect(Object.values(f.districtPopulation2020).reduce((a, b) => a + b, 0)).toBe(13866009);
  });

  it('read the target text: >, >=, about, complete, and bare figures by their unit', () => {
    expect(parseTarget('>500', 'km', 'x')).toEqual({ op: '>', threshold: 500 });
    expect(parseTarget('>=1.5', 'm2/person', 'x')).toEqual({ op: '>=', threshold: 1.5 });
    expect(parseTarget('~300', 'parks', 'x')).toEqual({ op: '~', threshold: 300 });
    expect(parseTarget('complete', 'coverage', 'x')).toEqual({ op: 'complete', threshold: 99 });
    expect(parseTarget('100', '% of residents', 'x')).toEqual({ op: '~', threshold: 100 });
    expect(parseTarget('14', 'blocks', 'x')).toEqual({ op: '=', threshold: 14 });
    expect(parseTarget('6', 'beds/1000', 'x')).toEqual({ op: '>=', threshold: 6 });
    expect(() => parseTarget('about 5', 'km', 'plan-targets.csv row 9')).toThrow(/row 9.*about 5/);
  });

  it('judge like the plan: 14 of 14 blocks met, 13 not; 95 % of "about 300" met', () => {
    const t = (id: string) => readPlanFacts().planTargets.find((x) => x.id === id)!;
    expect(meets(t('historic_blocks'), 14)).toBe(true);
    expect(meets(t('historic_blocks'), 13)).toBe(false);
    expect(meets(t('pocket_parks'), 285)).toBe(true);
    expect(meets(t('pocket_parks'), 284)).toBe(false);
    expect(meets(t('rail_km'), 500)).toBe(false);
  });

  it('names the row of a bad target', () => {
    const head = 'id,plan_ref,indicator_zh,indicator_en,target,unit,scope,baseline_in_plan,map_computable\n';
    const census = readFileSync('seeds/facts/census-2020-districts.csv', 'utf8');
    expect(() => buildPlanFacts(`${head}a,ch1,甲,A,lots,km,city,,yes\n`, census)).toThrow(/row 2/);
  });
});
