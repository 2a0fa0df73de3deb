// UI state of loading (progress, reports, chosen datum): shared by the data
// panel, the drop overlay and the start-up `?data=` loader.
import { create } from 'zustand';
import type { CrsCandidate } from '../../io/crs/candidates';
import type { SourceCrs } from '../../io/crs/crsGuess';
import type { ImportSource } from '../../io/importClient';
import type { Issue } from '../../io/messages';
import type { WorkerStage } from '../../io/importClient';

export type LoadStage = WorkerStage | 'downloading';

export interface LoadReport {
  key: number;
  name: string;
  status: 'ok' | 'failed' | 'cancelled';
  featureCount: number;
  errors: Issue[];
  warnings: Issue[];
  /** A failed load that a choice can fix: the coordinate system, or the Excel sheet. */
  retry?: RetryInfo;
}

export interface RetryInfo {
  source: ImportSource;
  origin: string;
  crsCandidates?: CrsCandidate[];
  sheets?: string[];
  sheet?: string;
  from?: string;
}

export interface ImportUi {
  busy: { name: string; stage: LoadStage; fraction: number } | null;
  reports: LoadReport[];
  crs: SourceCrs;
}

export const useImport = create<ImportUi>(() => ({ busy: null, reports: [], crs: 'WGS84' }));

let nextKey = 1;

/** Newest first; older reports beyond the last five are dropped. */
export function addReport(r: Omit<LoadReport, 'key'>): void {
  useImport.setState((s) => ({ reports: [{ ...r, key: nextKey++ }, ...s.reports].slice(0, 5) }));
}

export function dismissReport(key: number): void {
  useImport.setState((s) => ({ reports: s.reports.filter((r) => r.key !== key) }));
}
