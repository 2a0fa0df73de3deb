// The one IndexedDB connection, opened lazily; null where IndexedDB is missing
// or blocked (private modes), in which case layers simply are not kept.
import { LayerDb } from '../../io/persist';

let opening: Promise<LayerDb | null> | null = null;

export function layerDb(timeoutMs = 4000): Promise<LayerDb | null> {
  opening ??= new Promise<LayerDb | null>((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const timer = setTimeout(() => resolve(null), timeoutMs);
    LayerDb.open()
      .then((db) => resolve(db))
      .catch(() => resolve(null))
      .finally(() => clearTimeout(timer));
  });
  return opening;
}
