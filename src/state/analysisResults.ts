// Analysis results: derived data, not link state; the `results` slice of the one store (see
// derivedResults.ts for its hook). Every change is a pure updater (state, …args) → state.
import type { FeatureCollection, LineString } from 'geojson';
import type { Completeness, LocalText } from '../catalog/types';
import type { CoverageResult } from '../analysis/coverage';
import type { CoverageSummary, CoverageTargetId } from '../analysis/indicators';
import type { Progress } from '../analysis/steps';
import type { AnalysisSettings } from './analysisSettings';

/** What a run was asked and over what, for its description and exports. */
export interface RunMeta {
  mode: 'circle' | 'network';
  minutes: number;
  walkM: number;
  /** circle radius (circle mode) or network walking distance (network mode) */
  reachM: number;
  areaLabel: LocalText;
  facilitiesLabel: LocalText;
  facilityCount: number;
  populationSource: 'attribute' | 'districts' | 'none';
  target: CoverageTargetId | null;
  /** the run covered the whole central-city polygon */
  centralCity: boolean;
  /** English zone names by (Chinese) `name`, where the area layer has `name_en` */
  namesEn?: Record<string, string>;
  /** whether the facility layers are complete (a verdict needs them to be), and why not */
  completeness?: Completeness;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface NetworkStats {
  nodeCount: number;
  edgeCount: number;
  reachedNodes: number;
  sourceCount: number;
  unsnapped: number;
  reachedLengthM: number;
}

/** A finished run's summary kept for the targets panel (one per target, latest wins). */
export interface TargetRun extends CoverageSummary {
  areaLabel: LocalText;
  minutes: number;
  mode: RunMeta['mode'];
}

export interface ResultsState {
  status: RunStatus;
  /** increases with every run started; results of older runs are ignored */
  runId: number;
  progress: Progress | null;
  /** the settings and description of the run shown (or running) */
  settings: AnalysisSettings | null;
  meta: RunMeta | null;
  result: CoverageResult | null;
  /** reached network edges (network mode) */
  edges: FeatureCollection<LineString> | null;
  network: NetworkStats | null;
  error: LocalText | null;
  /** runs finished so far in this session (automatic recompute starts after the first) */
  finished: number;
  targets: Partial<Record<CoverageTargetId, TargetRun>>;
  /** residents of the central city, from the last run over it */
  centralCityPopulation: number | null;
  /** the facility layers of the last medical-target run (for beds per 1000) */
  medicalLayers: string[] | null;
}

export const initialResults = (): ResultsState => ({
  status: 'idle',
  runId: 0,
  progress: null,
  settings: null,
  meta: null,
  result: null,
  edges: null,
  network: null,
  error: null,
  finished: 0,
  targets: {},
  centralCityPopulation: null,
  medicalLayers: null,
});

/** A run starts: the previous result stays visible (marked stale by the status) until this one ends. */
export function startRun(s: ResultsState, runId: number, settings: AnalysisSettings): ResultsState {
  return { ...s, status: 'running', runId, progress: null, settings, error: null };
}

export function setProgress(s: ResultsState, runId: number, progress: Progress): ResultsState {
  return s.runId === runId && s.status === 'running' ? { ...s, progress } : s;
}

export interface Finished {
  meta: RunMeta;
  result: CoverageResult;
  edges?: FeatureCollection<LineString> | null;
  network?: NetworkStats | null;
}

export function finishRun(s: ResultsState, runId: number, f: Finished): ResultsState {
  if (s.runId !== runId || s.status !== 'running') return s;
  const r = f.result;
  const targets = { ...s.targets };
  if (f.meta.target) {
    targets[f.meta.target] = {
      coveredPct: r.coveredPct,
      population: r.population,
      coveredPopulation: r.coveredPopulation,
      facilityCount: f.meta.facilityCount,
      radiusM: f.meta.reachM,
      areaLabel: f.meta.areaLabel,
      minutes: f.meta.minutes,
      mode: f.meta.mode,
      completeness: f.meta.completeness,
    };
  }
  return {
    ...s,
    status: 'done',
    progress: null,
    meta: f.meta,
    result: r,
    edges: f.edges ?? null,
    network: f.network ?? null,
    error: null,
    finished: s.finished + 1,
    targets,
    centralCityPopulation: f.meta.centralCity && r.population !== null ? r.population : s.centralCityPopulation,
    medicalLayers: f.meta.target === 'medical_15min' ? (s.settings?.facilities ?? null) : s.medicalLayers,
  };
}

/** A cancelled run leaves nothing drawn: its result would not match the settings. */
export function cancelRun(s: ResultsState, runId: number): ResultsState {
  if (s.runId !== runId || s.status !== 'running') return s;
  return { ...s, status: 'cancelled', progress: null, result: null, edges: null, network: null, meta: null };
}

export function failRun(s: ResultsState, runId: number, error: LocalText): ResultsState {
  if (s.runId !== runId || s.status !== 'running') return s;
  return { ...s, status: 'error', progress: null, result: null, edges: null, network: null, meta: null, error };
}

export function clearResults(s: ResultsState): ResultsState {
  return { ...s, status: 'idle', progress: null, result: null, edges: null, network: null, meta: null, error: null };
}

