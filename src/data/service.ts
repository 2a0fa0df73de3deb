// The data service's request handling: owns every layer's features (shipped
// and loaded), parses each file once, cuts the map's vector tiles and answers
// the panels' questions without sending whole collections back. Requests for a
// layer wait while it is being fetched and parsed. service.worker.ts runs it in
// a Web Worker; tests run it in-process.
import type { FeatureCollection } from 'geojson';
import { exportCsv } from '../io/exportCsv';
import { exportGeoJSON } from '../io/exportGeoJSON';
import { ImportCancelled, importParts, type WorkerStage } from '../io/importParts';
import { DataEngine } from './engine';
import type { ImportAnswer, Ops, Reply, Request } from './protocol';

type Progress = (stage: WorkerStage, fraction?: number) => void;
type Handler<K extends keyof Ops> = (a: Ops[K][0], progress: Progress) => Promise<[Ops[K][1], Transferable[]?]>;
const enc = new TextEncoder();

/** The bytes as an ArrayBuffer of their own, to transfer (copied only when they are a view into a larger buffer). */
const ownBuffer = (b: Uint8Array): ArrayBuffer =>
  (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.slice().buffer) as ArrayBuffer;

type Post = (reply: Reply, transfer: Transferable[]) => void;

export interface ServiceOptions {
  fetchFn?: typeof fetch;
  /** Browser: URL of sql.js's .wasm, for GeoPackage imports. */
  sqlWasmUrl?: string;
}

/** A request handler over one engine; `post` sends each answer back. */
export function createService(post: Post, opts: ServiceOptions = {}): (req: Request) => Promise<void> {
  const fetchFn = opts.fetchFn ?? ((u, i) => fetch(u, i));
  const engine = new DataEngine();
  const loading = new Map<string, { url: string; done: Promise<unknown> }>();
  /** Imports still running, and those cancelled before they ended. */
  const running = new Set<string>();
  const cancelled = new Set<string>();

  async function open(layerId: string, url: string) {
    const prev = loading.get(layerId);
    if (prev?.url === url) return prev.done;
    const done = (async () => {
      const res = await fetchFn(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${url.startsWith('blob:') ? layerId : url}`);
      const fc = (await res.json()) as FeatureCollection;
      if (!fc || !Array.isArray(fc.features)) throw new Error(`${layerId}: not a FeatureCollection`);
      return engine.put(layerId, fc);
    })();
    loading.set(layerId, { url, done });
    done.catch(() => loading.get(layerId)?.done === done && loading.delete(layerId));
    return done;
  }

  /** Waits until these layers are in (fetched and parsed); unknown ids fail in the engine. */
  async function ready(...ids: (string | undefined)[]) {
    for (const id of ids) if (id) await loading.get(id)?.done;
  }

  const handlers: { [K in keyof Ops]: Handler<K> } = {
    open: async ({ layerId, url }) => [(await open(layerId, url)) as Ops['open'][1]],
    put: async ({ layerId, features }) => {
      loading.set(layerId, { url: '', done: Promise.resolve() });
      return [engine.put(layerId, features)];
    },
    drop: async ({ layerId }) => {
      loading.delete(layerId);
      engine.drop(layerId);
      return [null];
    },
    tile: async ({ layerId, z, x, y }) => {
      await ready(layerId);
      const t = engine.tile(layerId, z, x, y);
      if (!t) return [null];
      const buf = ownBuffer(t);
      return [buf, [buf]];
    },
    filter: async ({ layerId, filter, districtsId }) => {
      await ready(layerId, filter.district ? districtsId : undefined);
      const a = engine.filter(layerId, filter, districtsId);
      const ids = a.ids.slice();
      return [{ ...a, ids }, [ids.buffer]];
    },
    facets: async ({ layerId, filter, fields, districtsId }) => {
      await ready(layerId, filter.district ? districtsId : undefined);
      return [engine.facets(layerId, filter, fields, districtsId)];
    },
    rows: async ({ layerId, kept, sort, preferred }) => {
      await ready(layerId);
      const a = engine.rows(layerId, kept, sort, preferred);
      return [a, [a.order.buffer]];
    },
    page: async ({ layerId, indices }) => {
      await ready(layerId);
      return [engine.page(layerId, indices)];
    },
    stats: async ({ layerId }) => {
      await ready(layerId);
      return [engine.stats(layerId)];
    },
    thematic: async ({ layerId, style, kept, key, perFeature }) => {
      await ready(layerId);
      const r = engine.thematic(layerId, style, kept, key, perFeature);
      return [r, r.perFeature ? [r.perFeature.buffer] : []];
    },
    points: async ({ layerId }) => {
      await ready(layerId);
      const p = engine.points(layerId);
      return [p, p ? [p.xy.buffer] : []];
    },
    health: async (q) => {
      const ids = [q.units, q.districts, q.shelters, q.parks, q.historicBlocks, q.projects, q.facility?.id];
      // A layer that failed to load reads as missing data (the table says so), not as a failure.
      await Promise.all(ids.map((id) => ready(id).catch(() => undefined)));
      const fc = (id: string | undefined): FeatureCollection | undefined =>
        id && engine.has(id) ? { type: 'FeatureCollection', features: engine.features(id) as FeatureCollection['features'] } : undefined;
      // Loaded on first use: the coverage engine stays out of the service's start-up code.
      const { healthCheck, unitsWithin } = await import('../analysis/healthCheck');
      const districts = fc(q.districts);
      let units = fc(q.units);
      if (q.drill && units && districts) {
        const d = districts.features.find((f) => String(f.properties?.name) === q.drill!.district);
        units = d ? unitsWithin(units, d) : units;
      }
      if (!units) throw new Error(`layer ${q.units} has no data`);
      const facilities = q.facility ? fc(q.facility.id) : undefined;
      const table = healthCheck({
        units, unitsLabel: q.unitsLabel, censusFallback: q.censusFallback, populationLayer: districts,
        shelters: fc(q.shelters), parks: fc(q.parks), historicBlocks: fc(q.historicBlocks), projects: fc(q.projects), minutes: q.minutes,
        facilities: q.facility && facilities ? { label: q.facility.label, fc: facilities } : undefined,
      });
      return [{ table, units }];
    },
    warm: async ({ layerId }) => {
      await ready(layerId);
      engine.textIndex(layerId);
      return [null];
    },
    search: async ({ layerIds, query, limit }) => {
      // Layers that failed to load are left out rather than failing the search.
      await Promise.all(layerIds.map((id) => ready(id).catch(() => undefined)));
      return [engine.search(layerIds, query, limit)];
    },
    features: async ({ layerId, indices }) => {
      await ready(layerId);
      return [engine.pick(layerId, indices)];
    },
    featureBytes: async ({ layerId, indices, properties }) => {
      await ready(layerId);
      let features = engine.pick(layerId, indices);
      if (properties) {
        features = features.map((f) => ({ ...f, properties: Object.fromEntries(properties.filter((k) => f.properties && k in f.properties).map((k) => [k, f.properties![k]])) }));
      }
      const bytes = enc.encode(JSON.stringify(features)).buffer as ArrayBuffer;
      return [bytes, [bytes]];
    },
    import: async ({ job, source }, progress) => {
      running.add(job);
      const stop = () => cancelled.has(job);
      let r;
      try {
        r = await importParts(source, (stage, fraction) => {
          if (stop()) throw new ImportCancelled();
          progress(stage, fraction);
        }, opts.sqlWasmUrl);
      } catch (e) {
        if (!(e instanceof ImportCancelled)) throw e;
      } finally {
        running.delete(job);
      }
      if (stop() || !r) {
        cancelled.delete(job);
        return [{ ok: false, cancelled: true, errors: [], warnings: [] } satisfies ImportAnswer];
      }
      if (!r.ok) return [r];
      const parts = r.parts.map(({ features, ...info }, i) => {
        const key = `${job}#${i}`;
        engine.put(key, features);
        loading.set(key, { url: '', done: Promise.resolve() });
        return { ...info, key };
      });
      // Index the tiles while the page adds the layer (right after this answer is posted), not
      // when MapLibre asks for the first tile. The parts move with `adopt`; one already adopted
      // or dropped is indexed on its first tile instead.
      setTimeout(() => {
        for (const p of parts) if (engine.has(p.key)) engine.prepareTiles(p.key);
      }, 0);
      return [{ ok: true, parts, summary: r.summary } satisfies ImportAnswer];
    },
    cancelImport: async ({ job }) => {
      if (running.has(job)) cancelled.add(job);
      // An import that already ended: its parts are not adopted, so let them go.
      for (const id of engine.ids()) if (id.startsWith(`${job}#`)) {
        engine.drop(id);
        loading.delete(id);
      }
      return [null];
    },
    adopt: async ({ from, to }) => {
      await ready(from);
      engine.rename(from, to);
      loading.delete(from);
      loading.set(to, { url: '', done: Promise.resolve() });
      return [null];
    },
    write: async ({ layerId, indices, format, meta, gis }) => {
      await ready(layerId);
      const features = engine.pick(layerId, indices);
      if (format === 'shp' || format === 'kml' || format === 'gpkg' || format === 'fgb') {
        // Loaded on first use: the writers stay out of the service's start-up code.
        const { writeLayer } = await import('../io/exportFormats');
        const w = await writeLayer(features, format, { name: gis?.name ?? layerId, epsg: format === 'kml' ? 4326 : (gis?.epsg ?? 4326), meta: gis?.meta, sqlWasmUrl: opts.sqlWasmUrl });
        const bytes = ownBuffer(w.bytes);
        return [{ bytes, mime: w.mime, ext: w.ext }, [bytes]];
      }
      const text = format === 'geojson' ? exportGeoJSON(features, meta) : exportCsv(features, { geometry: format });
      const bytes = enc.encode(text).buffer as ArrayBuffer;
      const file = format === 'geojson' ? { mime: 'application/geo+json', ext: '.geojson' } : { mime: 'text/csv', ext: format === 'wkt' ? '-wkt.csv' : '.csv' };
      return [{ bytes, ...file }, [bytes]];
    },
  };

  return async ({ id, op, args }: Request) => {
    try {
      const progress: Progress = (stage, fraction) => post({ id, progress: { stage, fraction } }, []);
      const [value, transfer] = await (handlers[op] as Handler<typeof op>)(args as never, progress);
      post({ id, ok: true, value }, transfer ?? []);
    } catch (e) {
      post({ id, ok: false, error: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
