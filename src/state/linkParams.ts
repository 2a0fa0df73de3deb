// The link's JSON parameters: for each, its key, its checker, and how it is written from and read
// into the state. main.tsx passes the list to the URL sync; a new parameter is one more entry.
import { checkThematic, type ThematicState } from './thematic';
import type { FilterState } from '../lib/filterModel';
import { checkAnalysis, type AnalysisSettings } from './analysisSettings';
import { checkFilters } from './filters';
import { defineParam } from './urlState';

/** `f=`: the filters of every filtered layer; absent when no layer is filtered. */
export const filtersParam = defineParam<FilterState>({
  key: 'f',
  check: checkFilters,
  write: (s) => (Object.keys(s.filters).length ? s.filters : undefined),
  read: (s, value) => ({ ...s, filters: value ?? {} }),
});

/** `an=`: the analysis settings once changed from the defaults; absent: the defaults. */
export const analysisParam = defineParam<AnalysisSettings>({
  key: 'an',
  check: checkAnalysis,
  write: (s) => s.analysis,
  read: (s, value) => {
    if (value) return { ...s, analysis: value };
    const { analysis: _dropped, ...rest } = s;
    void _dropped;
    return rest;
  },
});

/** `th=`: thematic styles by layer (state/thematic.ts); absent: the catalog styles. */
export const thematicParam = defineParam<ThematicState>({
  key: 'th',
  check: (decoded) => {
    const r = checkThematic(decoded);
    return r.value ? { value: r.value, notices: r.notices } : { notices: r.notices };
  },
  write: (s) => (Object.keys(s.thematic).length ? s.thematic : undefined),
  read: (s, value) => ({ ...s, thematic: value ?? {} }),
});
