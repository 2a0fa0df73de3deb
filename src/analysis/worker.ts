// Web Worker entry: wires the analysis handler to the worker's messages.
import { createAnalysisHandler } from './handler.ts';
import type { AnalysisRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createAnalysisHandler((msg) => scope.postMessage(msg));
const decoder = new TextDecoder();

/** Facilities sent as JSON bytes (large layers, straight from the data service) join the others here. */
function inflate(msg: AnalysisRequest): void {
  if (msg.type !== 'run') return;
  const params = msg.params as { facilities?: { features: unknown[] }; facilitiesBytes?: ArrayBuffer[] };
  const bytes = params.facilitiesBytes;
  if (!bytes || !params.facilities) return;
  delete params.facilitiesBytes;
  const all = params.facilities.features;
  for (const b of bytes) for (const f of JSON.parse(decoder.decode(b)) as unknown[]) all.push(f);
}

scope.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  inflate(e.data);
  void handle(e.data);
};
