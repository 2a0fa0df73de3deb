// Colour ramps safe for colour-blind readers: ColorBrewer families (Cynthia Brewer's CB-safe
// selection) and viridis, from d3-scale-chromatic. Any ramp can be reversed.
import * as d3 from 'd3-scale-chromatic';

export type RampKind = 'sequential' | 'diverging' | 'qualitative';

export interface RampInfo {
  id: string;
  kind: RampKind;
  /** Largest number of distinct colours (qualitative ramps); sequential ones interpolate beyond 9. */
  max: number;
}

type Scheme = readonly (readonly string[])[];
const S = d3 as unknown as Record<string, Scheme | readonly string[] | ((t: number) => string)>;

export const RAMPS: readonly RampInfo[] = [
  { id: 'Blues', kind: 'sequential', max: 12 },
  { id: 'Greens', kind: 'sequential', max: 12 },
  { id: 'Oranges', kind: 'sequential', max: 12 },
  { id: 'Purples', kind: 'sequential', max: 12 },
  { id: 'YlGnBu', kind: 'sequential', max: 12 },
  { id: 'YlOrRd', kind: 'sequential', max: 12 },
  { id: 'Viridis', kind: 'sequential', max: 12 },
  { id: 'Cividis', kind: 'sequential', max: 12 },
  { id: 'RdYlBu', kind: 'diverging', max: 11 },
  { id: 'BrBG', kind: 'diverging', max: 11 },
  { id: 'PuOr', kind: 'diverging', max: 11 },
  { id: 'Set2', kind: 'qualitative', max: 8 },
  { id: 'Dark2', kind: 'qualitative', max: 8 },
  { id: 'Paired', kind: 'qualitative', max: 12 },
];

export const DEFAULT_RAMP: Record<RampKind, string> = { sequential: 'YlGnBu', diverging: 'RdYlBu', qualitative: 'Set2' };

/** The grey of the "no data" class. */
export const MISSING_COLOR = '#bdbdbd';
/** Colour of the "other" category. */
export const OTHER_COLOR = '#969696';
/** Target classes: misses / close / meets (blue–orange, colour-blind safe). */
export const TARGET_COLORS = { misses: '#d95f02', close: '#fdb863', meets: '#1b7fb0' } as const;

export function rampInfo(id: string): RampInfo | undefined {
  return RAMPS.find((r) => r.id === id);
}

const toHex = (c: string) => {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  return m ? '#' + m.slice(1, 4).map((x) => Number(x).toString(16).padStart(2, '0')).join('') : c;
};

/** `n` colours of ramp `id` (unknown ids fall back to the default sequential ramp). */
export function rampColors(id: string, n: number, reverse = false): string[] {
  if (n <= 0) return [];
  const info = rampInfo(id) ?? rampInfo(DEFAULT_RAMP.sequential)!;
  let out: string[];
  if (info.kind === 'qualitative') {
    const set = S[`scheme${info.id}`] as readonly string[];
    out = Array.from({ length: n }, (_, i) => set[i % set.length]);
  } else {
    const scheme = S[`scheme${info.id}`] as Scheme | undefined;
    const fixed = scheme?.[n];
    if (fixed && n >= 3) out = [...fixed];
    else {
      const interp = S[`interpolate${info.id}`] as (t: number) => string;
      // Two or one class: take the ends of the 3-class scheme's range rather than the palest colour.
      out = Array.from({ length: n }, (_, i) => toHex(interp(n === 1 ? 0.6 : 0.15 + (0.8 * i) / (n - 1))));
    }
  }
  out = out.map(toHex);
  return reverse ? out.reverse() : out;
}
