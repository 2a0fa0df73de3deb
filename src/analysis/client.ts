// The app's side of the analysis worker: one run at a time; starting a run or
// calling cancel() drops the previous one (its promise rejects with
// AnalysisCancelled and the worker stops at its next chunk boundary).
import type { AnalysisKind, AnalysisParams, AnalysisRequest, AnalysisResponse, AnalysisResults } from './protocol.ts';
import { AnalysisCancelled, type Progress } from './steps.ts';

export interface WorkerLike {
  postMessage(msg: AnalysisRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<AnalysisResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface AnalysisClient {
  run<K extends AnalysisKind>(kind: K, params: AnalysisParams[K], onProgress?: (p: Progress) => void): Promise<AnalysisResults[K]>;
  cancel(): void;
  dispose(): void;
}

/** Error raised for a failed analysis; `text` holds the bilingual message. */
export class AnalysisError extends Error {
  constructor(readonly text: { zh: string; en: string }) {
    super(text.en);
    this.name = 'AnalysisError';
  }
}

interface Pending {
  id: number;
  resolve: (r: never) => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
}

const defaultWorker = (): WorkerLike =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

export function createAnalysisClient(makeWorker: () => WorkerLike = defaultWorker): AnalysisClient {
  let worker: WorkerLike | null = null;
  let pending: Pending | null = null;
  let nextId = 1;

  const settle = (): Pending | null => {
    const p = pending;
    pending = null;
    return p;
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e) => {
      const msg = e.data;
      if (!pending || msg.id !== pending.id) return; // stale run
      if (msg.type === 'progress') pending.onProgress?.(msg.progress);
      else if (msg.type === 'result') settle()!.resolve(msg.result as never);
      else settle()!.reject(msg.cancelled ? new AnalysisCancelled() : new AnalysisError(msg.message));
    };
    w.onerror = (e) => {
      // a crashed worker is replaced on the next run
      worker?.terminate();
      worker = null;
      settle()?.reject(new AnalysisError({ zh: `分析线程出错：${e.message}`, en: `Analysis worker failed: ${e.message}` }));
    };
    worker = w;
    return w;
  };

  const cancel = () => {
    const p = settle();
    if (!p) return;
    worker?.postMessage({ type: 'cancel', id: p.id });
    p.reject(new AnalysisCancelled());
  };

  return {
    run(kind, params, onProgress) {
      cancel();
      const w = ensureWorker();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending = { id, resolve: resolve as (r: never) => void, reject, onProgress };
        w.postMessage({ type: 'run', id, kind, params } as AnalysisRequest);
      });
    },
    cancel,
    dispose() {
      cancel();
      worker?.terminate();
      worker = null;
    },
  };
}
