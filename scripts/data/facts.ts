// The plan's figures the app judges against, from seeds/facts through the data build:
// the targets of plan-targets.csv that a map can measure (map_computable "yes…") and the 2020
// census residents of census-2020-districts.csv. `npm run data` writes them to
// src/analysis/planFacts.json (committed, so the app and the analysis worker bundle them, and a
// clean checkout type-checks); the build fails if the two disagree after it ran.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCensus, splitCsvLine } from './boundaries.ts';
import type { PlanFacts, PlanTarget, TargetOp } from '../../src/analysis/targets.ts';

export const PLAN_FACTS_FILE = 'src/analysis/planFacts.json';

/** Units that count things: a bare number is then a number to reach exactly. */
const COUNT_UNITS = new Set(['blocks', 'works', 'parks', 'sites', 'buildings', 'compounds']);

/** How the CSV's target text is judged: `>500`, `>=1.5`, `~300`, `complete`, or a bare number. */
export function parseTarget(target: string, unit: string, where: string): { op: TargetOp; threshold: number } {
  if (target === 'complete') return { op: 'complete', threshold: 99 };
  const m = /^(>=|>|~)?(\d+(?:\.\d+)?)$/.exec(target);
  if (!m) throw new Error(`${where}: target "${target}" is not >N, >=N, ~N, N or complete`);
  const threshold = Number(m[2]);
  if (m[1]) return { op: m[1] as TargetOp, threshold };
  // a bare figure: a share in % is met at "about" it, a count exactly, a rate at or above it
  return { op: unit.startsWith('%') ? '~' : COUNT_UNITS.has(unit) ? '=' : '>=', threshold };
}

function rows(text: string, file: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((line, k) => {
    const c = splitCsvLine(line);
    if (c.length !== header.length) throw new Error(`${file} row ${k + 2}: ${c.length} columns, expected ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, c[i]]));
  });
}

export function buildPlanFacts(targetsCsv: string, censusCsv: string): PlanFacts {
  const planTargets: PlanTarget[] = rows(targetsCsv, 'plan-targets.csv')
    .map((r, k) => ({ r, where: `plan-targets.csv row ${k + 2}` }))
    .filter(({ r }) => r.map_computable.startsWith('yes'))
    .map(({ r, where }) => ({
      id: r.id,
      plan_ref: r.plan_ref,
      indicator: { zh: r.indicator_zh, en: r.indicator_en },
      target: r.target,
      ...parseTarget(r.target, r.unit, where),
      unit: r.unit,
      scope: r.scope,
    }));
  const districtPopulation2020: Record<string, number> = {};
  for (const c of parseCensus(censusCsv)) districtPopulation2020[c.name_zh] = c.population_2020;
  return { source: 'seeds/facts/plan-targets.csv, seeds/facts/census-2020-districts.csv (written by npm run data)', planTargets, districtPopulation2020 };
}

export function readPlanFacts(seeds = 'seeds'): PlanFacts {
  return buildPlanFacts(readFileSync(join(seeds, 'facts/plan-targets.csv'), 'utf8'), readFileSync(join(seeds, 'facts/census-2020-districts.csv'), 'utf8'));
}
