// Web Worker entry of the data service (see service.ts).
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { Request } from './protocol';
import { createService } from './service';

const handle = createService((reply, transfer) => (self as unknown as Worker).postMessage(reply, transfer), { sqlWasmUrl });
self.onmessage = (ev: MessageEvent<Request>) => void handle(ev.data);
