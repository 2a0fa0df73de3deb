// What the seed tests know about the plan's wording: seeds/facts/plan-names.json, written from the
// plan by scripts/data/plan-names.ts (the plan's sentences are not ours to copy, so only these facts
// are in the repository). `npm run check:plan-names` re-derives the file where the plan is at hand.
import { readFileSync } from 'node:fs';
import type { PlanNames } from '../../scripts/data/plan-names';

const facts = JSON.parse(readFileSync(new URL('../../seeds/facts/plan-names.json', import.meta.url), 'utf8')) as PlanNames;
const squash = (s: string): string => s.replace(/\s+/g, '');
const listed = new Set([...facts.inPlan, ...facts.notInPlan]);

function known(name: string): string {
  const n = squash(name);
  if (!listed.has(n)) throw new Error(`"${name}" is not in seeds/facts/plan-names.json: run scripts/data/plan-names.ts with the plan`);
  return n;
}

/** Whether the plan writes this name verbatim (whitespace aside). */
export function planHas(name: string): boolean {
  return facts.inPlan.includes(known(name));
}

/** The listed names that occur in a part of the plan (e.g. 'ch4-5': chapter 4, section 5). */
export function namesInSection(id: string): string[] {
  const s = facts.sections[id];
  if (!s) throw new Error(`no section ${id} in seeds/facts/plan-names.json`);
  return s;
}

/** The status words (拟建, 在建, …) the plan writes within 40 characters after the name. */
export function statusWordsAfter(name: string): string[] {
  return facts.statusAfter[known(name)] ?? [];
}
