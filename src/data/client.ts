// Main-thread side of the data service: typed requests, one worker for the
// whole app, started by the composition root (main.tsx) or on first use.
// Layers are opened by URL (shipped files, blob: URLs of loaded layers) or
// put directly; every query waits for its layer to be known, so a tile or a
// table page asked for before the layer is registered is answered once it is.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Ops, OpName, Reply, Request } from './protocol';

/** The part of a Worker the client uses (an in-process stand-in in tests). */
export interface ServicePort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((ev: MessageEvent) => void) | null;
  terminate(): void;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: ProgressReport) => void };

/** A long request's progress (an import): its stage and the stage's own fraction. */
export type ProgressReport = Extract<Reply, { progress: unknown }>['progress'];

/** What the client needs of a layer to open it. */
export interface LayerSource {
  id: string;
  file: string;
  dataUrl?: string;
  pointsFile?: string;
  /** PMTiles archives are not held by the service. */
  type?: string;
}

export class DataClient {
  private worker: ServicePort;
  private next = 1;
  private pending = new Map<number, Pending>();
  /** Layer id → the URL it was opened from ('' when put directly). */
  private known = new Map<string, string>();
  private waiting = new Map<string, (() => void)[]>();

  constructor(worker: ServicePort, private base: string) {
    this.worker = worker;
    worker.onmessage = (ev: MessageEvent<Reply>) => {
      const r = ev.data;
      const p = this.pending.get(r.id);
      if (!p) return;
      if ('progress' in r) {
        p.onProgress?.(r.progress);
        return;
      }
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.error));
    };
  }

  call<K extends OpName>(op: K, args: Ops[K][0], transfer: Transferable[] = [], onProgress?: (p: ProgressReport) => void): Promise<Ops[K][1]> {
    const id = this.next++;
    return new Promise<Ops[K][1]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, op, args } satisfies Request<K>, transfer);
    });
  }

  private mark(id: string, url: string): void {
    this.known.set(id, url);
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    w?.forEach((f) => f());
  }

  /** Resolves when the layer has been opened or put (possibly later, by someone else). */
  whenKnown(id: string): Promise<void> {
    if (this.known.has(id)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(id, [...(this.waiting.get(id) ?? []), resolve]));
  }

  urlOf(layer: LayerSource, points = false): string {
    if (points && layer.pointsFile) return new URL(`geo/${layer.pointsFile}`, this.base).href;
    return layer.dataUrl ?? new URL(`geo/${layer.file}`, this.base).href;
  }

  /** Opens a layer (and its `:pts` companion) once; later calls are free. */
  open(layer: LayerSource): void {
    if (layer.type === 'pmtiles') return;
    const url = this.urlOf(layer);
    const prev = this.known.get(layer.id);
    if (prev === undefined || (prev !== '' && prev !== url)) {
      this.mark(layer.id, url);
      this.call('open', { layerId: layer.id, url }).catch(() => undefined);
    }
    if (layer.pointsFile && !this.known.has(`${layer.id}:pts`)) {
      const purl = this.urlOf(layer, true);
      this.mark(`${layer.id}:pts`, purl);
      this.call('open', { layerId: `${layer.id}:pts`, url: purl }).catch(() => undefined);
    }
  }

  put(id: string, fc: FeatureCollection | Feature<Geometry | null>[]): Promise<unknown> {
    this.mark(id, '');
    return this.call('put', { layerId: id, features: (Array.isArray(fc) ? fc : fc.features) as Feature<Geometry | null>[] });
  }

  /** An imported part (held under `key`) becomes layer `id`. */
  adopt(key: string, id: string): Promise<null> {
    this.mark(id, '');
    return this.call('adopt', { from: key, to: id });
  }

  drop(id: string): void {
    this.known.delete(id);
    void this.call('drop', { layerId: id });
  }

  /** A query about one layer, after opening it. */
  ask<K extends OpName>(layer: LayerSource, op: K, args: Ops[K][0], transfer?: Transferable[]): Promise<Ops[K][1]> {
    this.open(layer);
    return this.call(op, args, transfer);
  }

  async tile(layerId: string, z: number, x: number, y: number): Promise<ArrayBuffer | null> {
    await this.whenKnown(layerId);
    return this.call('tile', { layerId, z, x, y });
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('data service stopped'));
    this.pending.clear();
  }
}

let client: DataClient | null = null;

/** Starts the data service (the composition root calls this; later calls return the same one). */
export function startDataService(base = document.baseURI): DataClient {
  client ??= new DataClient(new Worker(new URL('./service.worker.ts', import.meta.url), { type: 'module', name: 'data-service' }), base);
  return client;
}

/** Uses this client instead (tests: an in-process service). */
export function setDataService(c: DataClient | null): void {
  client?.terminate();
  client = c;
}

/** The running data service (started on first use when the root has not). */
export function dataService(): DataClient {
  return client ?? startDataService();
}
