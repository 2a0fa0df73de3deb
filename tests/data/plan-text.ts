// The plan's text, for checking that names are the plan's own. The plan is not part of the
// repository (its sentences are not ours to copy): it sits in shared/ beside the checkout, as in
// CI, or wherever PLAN_TEXT points.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const CANDIDATES = [
  process.env.PLAN_TEXT,
  resolve('../shared/seeds/000_101f6eb540377550.txt'),
  resolve('../../shared/seeds/000_101f6eb540377550.txt'),
].filter((p): p is string => !!p);

export function planPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`the plan text was not found; set PLAN_TEXT to its path (looked in ${CANDIDATES.join(', ')})`);
  return found;
}

/** The plan with every whitespace and page-footer line ("- 28 -") removed, for verbatim name checks. */
export function planSquashed(): string {
  return readFileSync(planPath(), 'utf8')
    .split('\n')
    .filter((l) => !/^\s*-\s*\d+\s*-\s*$/.test(l))
    .join('')
    .replace(/\s+/g, '');
}
