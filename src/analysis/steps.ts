// Cooperative work: long analyses are generators that yield a progress record
// between chunks. Run them straight through (tests, bench) or with pauses that
// let a worker notice a cancellation.

export interface Progress {
  /** short machine-readable stage name, e.g. 'stamp', 'trace' */
  stage: string;
  done: number;
  total: number;
}

export type Steps<T> = Generator<Progress, T, void>;

/** Thrown (or used as a rejection reason) when a run is dropped. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface AsyncRunOptions {
  onProgress?: (p: Progress) => void;
  /** Checked after every chunk; returning true abandons the run. */
  isCancelled?: () => boolean;
  /** How to hand control back to the event loop (default: a macrotask). */
  pause?: () => Promise<void>;
  /** Minimum milliseconds of work between pauses (default 30). */
  sliceMs?: number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runAsync<T>(steps: Steps<T>, opts: AsyncRunOptions = {}): Promise<T> {
  const pause = opts.pause ?? macrotask;
  const slice = opts.sliceMs ?? 30;
  let last = Date.now();
  for (;;) {
    if (opts.isCancelled?.()) {
      steps.return(undefined as never);
      throw new AnalysisCancelled();
    }
    const r = steps.next();
    if (r.done) return r.value;
    opts.onProgress?.(r.value);
    if (Date.now() - last >= slice) {
      await pause();
      last = Date.now();
    }
  }
}
