// Messages between the app and the analysis worker. Requests carry an id; the
// worker answers with progress, then one result or one error for that id.
import type { LocalText } from '../catalog/types.ts';
import type { CoverageParams, CoverageResult } from './coverage.ts';
import type { IndicatorInputs, IndicatorResult } from './indicators.ts';
import type { NetworkParams, NetworkResult } from './network.ts';
import type { Progress } from './steps.ts';

export interface AnalysisParams {
  coverage: CoverageParams;
  network: NetworkParams;
  indicators: IndicatorInputs;
}

export interface AnalysisResults {
  coverage: CoverageResult;
  network: NetworkResult;
  indicators: IndicatorResult[];
}

export type AnalysisKind = keyof AnalysisParams;

export type RunRequest = { [K in AnalysisKind]: { type: 'run'; id: number; kind: K; params: AnalysisParams[K] } }[AnalysisKind];

/** Cancel one run, or (without id) whatever is running. */
export interface CancelRequest {
  type: 'cancel';
  id?: number;
}

export type AnalysisRequest = RunRequest | CancelRequest;

export interface ProgressResponse {
  type: 'progress';
  id: number;
  progress: Progress;
}

export type ResultResponse = { [K in AnalysisKind]: { type: 'result'; id: number; kind: K; result: AnalysisResults[K] } }[AnalysisKind];

export interface ErrorResponse {
  type: 'error';
  id: number;
  message: LocalText;
  /** true when the run was dropped because of a newer request or a cancel */
  cancelled: boolean;
}

export type AnalysisResponse = ProgressResponse | ResultResponse | ErrorResponse;

export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['coverage', 'network', 'indicators'];
