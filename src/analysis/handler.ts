// The worker's message handler, free of worker globals so tests can call it.
// Only the newest run is live: a newer request or a cancel makes older runs
// stop at their next chunk boundary.
import { coverageSteps } from './coverage.ts';
import { computeIndicators } from './indicators.ts';
import { networkSteps } from './network.ts';
import { ANALYSIS_KINDS, type AnalysisRequest, type AnalysisResponse, type RunRequest } from './protocol.ts';
import { AnalysisCancelled, runAsync, type AsyncRunOptions, type Progress } from './steps.ts';

export interface HandlerOptions {
  /** passed to runAsync (tests use an immediate pause) */
  pause?: AsyncRunOptions['pause'];
  sliceMs?: number;
  /** minimum ms between progress messages of the same stage (default 100) */
  progressEveryMs?: number;
}

export function createAnalysisHandler(post: (msg: AnalysisResponse) => void, opts: HandlerOptions = {}) {
  let live = -1;

  async function run(req: RunRequest): Promise<void> {
    const { id } = req;
    live = id;
    let lastStage = '';
    let lastPost = 0;
    const onProgress = (progress: Progress) => {
      const now = Date.now();
      if (progress.stage !== lastStage || now - lastPost >= (opts.progressEveryMs ?? 100)) {
        lastStage = progress.stage;
        lastPost = now;
        post({ type: 'progress', id, progress });
      }
    };
    const runOpts: AsyncRunOptions = { onProgress, isCancelled: () => live !== id, pause: opts.pause, sliceMs: opts.sliceMs };
    try {
      if (!ANALYSIS_KINDS.includes(req.kind)) throw new Error(`unknown analysis kind: ${String(req.kind)}`);
      switch (req.kind) {
        case 'coverage':
          post({ type: 'result', id, kind: 'coverage', result: await runAsync(coverageSteps(req.params), runOpts) });
          break;
        case 'network':
          post({ type: 'result', id, kind: 'network', result: await runAsync(networkSteps(req.params), runOpts) });
          break;
        case 'indicators':
          post({ type: 'result', id, kind: 'indicators', result: computeIndicators(req.params) });
          break;
      }
    } catch (err) {
      const cancelled = err instanceof AnalysisCancelled;
      const text = err instanceof Error ? err.message : String(err);
      post({
        type: 'error',
        id,
        cancelled,
        message: cancelled ? { zh: '分析已取消', en: 'Analysis cancelled' } : { zh: `分析失败：${text}`, en: `Analysis failed: ${text}` },
      });
    } finally {
      if (live === id) live = -1;
    }
  }

  return function handle(req: AnalysisRequest): Promise<void> {
    if (req.type === 'cancel') {
      if (req.id === undefined || req.id === live) live = -1;
      return Promise.resolve();
    }
    return run(req);
  };
}
