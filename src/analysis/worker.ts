// Web Worker entry: wires the analysis handler to the worker's messages.
import { createAnalysisHandler } from './handler.ts';
import type { AnalysisRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createAnalysisHandler((msg) => scope.postMessage(msg));
scope.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  void handle(e.data);
};
