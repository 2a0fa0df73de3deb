// The data service without a worker: the same handler, answering in the same
// thread on the next microtask. For unit tests (Node has no Worker) and tools.
import { DataClient, type ServicePort } from './client';
import type { Request } from './protocol';
import { createService } from './service';

export function inProcessPort(fetchFn?: typeof fetch): ServicePort {
  const port: ServicePort = {
    onmessage: null,
    postMessage: (m) => void handle(m as Request),
    terminate: () => undefined,
  };
  const handle = createService((reply) => queueMicrotask(() => port.onmessage?.({ data: reply } as MessageEvent)), { fetchFn });
  return port;
}

export function inProcessClient(base = 'http://localhost/', fetchFn?: typeof fetch): DataClient {
  return new DataClient(inProcessPort(fetchFn), base);
}
