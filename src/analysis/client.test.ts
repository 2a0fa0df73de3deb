import { describe, expect, it } from 'vitest';
import { AnalysisError, createAnalysisClient, type WorkerLike } from './client.ts';
import { computeCoverage } from './coverage.ts';
import { createAnalysisHandler } from './handler.ts';
import type { AnalysisRequest, AnalysisResponse, RunRequest } from './protocol.ts';
import { AnalysisCancelled } from './steps.ts';
import { fc, point, rect, rng } from './testgeo.ts';

const rand = rng(11);
const facilities = fc(Array.from({ length: 600 }, () => point(rand() * 8000 - 4000, rand() * 8000 - 4000)));
const area = fc([rect(-4000, -4000, 4000, 4000, { name: 'Z', population_2020: 5000 })]);
const params = { facilities, radiusM: 500, area, options: { cellSize: 10 } };
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** An in-process stand-in for the Web Worker that passes messages through timers. */
function fakeWorker(log: AnalysisResponse[] = []): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(msg: AnalysisRequest) {
      setTimeout(() => void handle(msg), 0);
    },
    terminate() {},
  };
  const handle = createAnalysisHandler(
    (m) => {
      log.push(m);
      setTimeout(() => w.onmessage?.({ data: m } as MessageEvent<AnalysisResponse>), 0);
    },
    { sliceMs: 0, progressEveryMs: 0 },
  );
  return w;
}

describe('analysis handler', () => {
  it('answers a run with progress then the same result as the direct call', async () => {
    const log: AnalysisResponse[] = [];
    const handle = createAnalysisHandler((m) => log.push(m), { sliceMs: 0, progressEveryMs: 0 });
    await handle({ type: 'run', id: 1, kind: 'coverage', params });
    const last = log[log.length - 1];
    expect(log.some((m) => m.type === 'progress')).toBe(true);
    expect(last.type).toBe('result');
    const direct = computeCoverage(params);
    expect(last.type === 'result' && last.kind === 'coverage' && last.result.coveredAreaM2).toBe(direct.coveredAreaM2);
  });

  it('drops an older run when a newer one arrives', async () => {
    const log: AnalysisResponse[] = [];
    const handle = createAnalysisHandler((m) => log.push(m), { sliceMs: 0 });
    const first = handle({ type: 'run', id: 1, kind: 'coverage', params });
    const second = handle({ type: 'run', id: 2, kind: 'indicators', params: {} });
    await Promise.all([first, second]);
    const final = (id: number) => log.filter((m) => m.id === id && m.type !== 'progress');
    expect(final(1)).toEqual([expect.objectContaining({ type: 'error', cancelled: true })]);
    expect(final(2)).toEqual([expect.objectContaining({ type: 'result', kind: 'indicators' })]);
  });

  it('stops on an explicit cancel and reports failures in both languages', async () => {
    const log: AnalysisResponse[] = [];
    const handle = createAnalysisHandler((m) => log.push(m), { sliceMs: 0 });
    const running = handle({ type: 'run', id: 5, kind: 'coverage', params });
    await handle({ type: 'cancel' });
    await running;
    expect(log.filter((m) => m.type === 'result')).toHaveLength(0);
    await handle({ type: 'run', id: 6, kind: 'bogus' } as unknown as RunRequest);
    const err = log.find((m) => m.id === 6);
    expect(err).toMatchObject({ type: 'error', cancelled: false });
    expect(err?.type === 'error' && err.message.zh).toContain('bogus');
  });
});

describe('analysis client', () => {
  it('resolves a run and forwards progress', async () => {
    const client = createAnalysisClient(() => fakeWorker());
    const seen: string[] = [];
    const res = await client.run('coverage', params, (p) => seen.push(p.stage));
    expect(res.coveredAreaM2).toBe(computeCoverage(params).coveredAreaM2);
    expect(seen).toContain('stamp');
    client.dispose();
  });

  it('a newer run cancels the older one, in the client and in the worker', async () => {
    const log: AnalysisResponse[] = [];
    const client = createAnalysisClient(() => fakeWorker(log));
    const first = client.run('coverage', params);
    const second = client.run('indicators', {});
    await expect(first).rejects.toBeInstanceOf(AnalysisCancelled);
    const rows = await second;
    expect(rows.length).toBeGreaterThan(5);
    for (let i = 0; i < 20 && !log.some((m) => m.id === 1 && m.type === 'error'); i++) await tick();
    expect(log.find((m) => m.id === 1 && m.type !== 'progress')).toMatchObject({ type: 'error', cancelled: true });
    client.dispose();
  });

  it('cancel() rejects the running analysis; failures reject with AnalysisError', async () => {
    const client = createAnalysisClient(() => fakeWorker());
    const p = client.run('coverage', params);
    client.cancel();
    await expect(p).rejects.toBeInstanceOf(AnalysisCancelled);
    await expect(client.run('bogus' as 'coverage', params)).rejects.toBeInstanceOf(AnalysisError);
    client.dispose();
  });
});
