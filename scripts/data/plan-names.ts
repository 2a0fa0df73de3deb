// Writes (or checks) seeds/facts/plan-names.json: which of the names the seeds use occur in the
// plan's text, where, and the status word the plan puts next to them. It keeps facts about the
// plan's wording, never its sentences, so the seed tests run without the plan beside the repo.
//
//   PLAN_TEXT=/path/to/plan.txt npx tsx scripts/data/plan-names.ts          # rewrite the file
//   PLAN_TEXT=/path/to/plan.txt npx tsx scripts/data/plan-names.ts --check  # exit 1 if it differs
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface PlanNames {
  about: string;
  /** Names (whitespace removed) that occur verbatim in the plan. */
  inPlan: string[];
  /** Names the seeds use that the plan does not write verbatim (completed names). */
  notInPlan: string[];
  /** Names that occur inside a given part of the plan, e.g. chapter 4 section 5. */
  sections: Record<string, string[]>;
  /** Status words the plan writes within 40 characters after a name. */
  statusAfter: Record<string, string[]>;
}

export const PLAN_NAMES_FILE = 'seeds/facts/plan-names.json';
const STATUS_WORDS = ['拟建', '在建', '建成', '现状', '新建', '续建'];
/** Parts of the plan the tests ask about: id → the heading that opens it and the one after it. */
const SECTIONS: Record<string, [string, string]> = { 'ch4-5': ['五、特色组团更新策略', '第五章'] };
const EXTRA_NAMES = ['天津港片区'];

const squash = (s: string): string => s.replace(/\s+/g, '');

function planText(): string {
  const path = [process.env.PLAN_TEXT, resolve('../shared/seeds/000_101f6eb540377550.txt')].find((p) => p && existsSync(p));
  if (!path) throw new Error('set PLAN_TEXT to the plan text file');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => !/^\s*-\s*\d+\s*-\s*$/.test(l))
    .join('')
    .replace(/\s+/g, '');
}

function seedNames(): string[] {
  const out = new Set<string>(EXTRA_NAMES);
  for (const file of ['binhai-groups', 'plan-projects', 'parks']) {
    const fc = JSON.parse(readFileSync(`seeds/${file}.geojson`, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    for (const { properties: p } of fc.features) {
      for (const k of ['name', 'plan_wording', 'part_of']) if (typeof p[k] === 'string') out.add(squash(p[k] as string));
    }
  }
  return [...out].sort();
}

export function buildPlanNames(plan: string, names: string[]): PlanNames {
  const inPlan = names.filter((n) => plan.includes(n));
  const sections: Record<string, string[]> = {};
  for (const [id, [from, to]] of Object.entries(SECTIONS)) {
    const part = plan.slice(plan.indexOf(from), plan.indexOf(to, plan.indexOf(from)));
    sections[id] = inPlan.filter((n) => part.includes(n));
  }
  const statusAfter: Record<string, string[]> = {};
  for (const n of inPlan) {
    const at = plan.indexOf(n);
    const words = STATUS_WORDS.filter((w) => plan.slice(at, at + 40).includes(w));
    if (words.length) statusAfter[n] = words;
  }
  return {
    about: 'Facts about the wording of the Tianjin Urban Renewal Action Plan 2023-2027, written by scripts/data/plan-names.ts',
    inPlan,
    notInPlan: names.filter((n) => !plan.includes(n)),
    sections,
    statusAfter,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/data/plan-names.ts')) {
  const text = JSON.stringify(buildPlanNames(planText(), seedNames()), null, 1) + '\n';
  if (process.argv.includes('--check')) {
    const same = existsSync(PLAN_NAMES_FILE) && readFileSync(PLAN_NAMES_FILE, 'utf8') === text;
    console.log(same ? `${PLAN_NAMES_FILE} matches the plan` : `${PLAN_NAMES_FILE} is out of date: rerun without --check`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(PLAN_NAMES_FILE, text);
  console.log(`wrote ${PLAN_NAMES_FILE}`);
}
