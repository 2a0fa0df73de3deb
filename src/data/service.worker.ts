// Web Worker entry of the data service (see service.ts).
import type { Request } from './protocol';
import { createService } from './service';

const handle = createService((reply, transfer) => (self as unknown as Worker).postMessage(reply, transfer));
self.onmessage = (ev: MessageEvent<Request>) => void handle(ev.data);
