// Zip archives (.zip, .kmz) with fflate. Sizes are checked from the central
// directory before anything is inflated: an archive whose entries would expand
// past MAX_UNCOMPRESSED_BYTES in total is refused ("zip bomb"). fflate inflates
// each entry into a buffer of its declared size, so a lying entry cannot grow
// past it either.

import { unzipSync } from 'fflate';
import { makeIssue, type Issue } from '../messages.ts';

/** Total uncompressed size an archive may expand to: 1 GiB. */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

export interface ZipEntry {
  /** Path inside the archive, e.g. "parcels/parcels.shp". */
  name: string;
  bytes: Uint8Array;
}

const skip = (name: string) => name.endsWith('/') || /(^|\/)__MACOSX\//.test(name) || /(^|\/)\._/.test(name) || /(^|\/)\.DS_Store$/.test(name);

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function readZip(bytes: Uint8Array, file: string, limit = MAX_UNCOMPRESSED_BYTES): { ok: true; entries: ZipEntry[] } | { ok: false; error: Issue } {
  let total = 0;
  const names: string[] = [];
  try {
    // First pass: sizes only (the filter refuses every entry, nothing is inflated).
    unzipSync(bytes, {
      filter: (f) => {
        if (!skip(f.name)) {
          total += f.originalSize;
          names.push(f.name);
        }
        return false;
      },
    });
  } catch (e) {
    return { ok: false, error: makeIssue('zip.unreadable', { detail: e instanceof Error ? e.message : String(e) }, { file }) };
  }
  if (total > limit) {
    const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
    return { ok: false, error: makeIssue('zip.too_large', { size: mb(total), limit: mb(limit) }, { file }) };
  }
  try {
    const out = unzipSync(bytes, { filter: (f) => !skip(f.name) });
    return { ok: true, entries: Object.entries(out).map(([name, b]) => ({ name, bytes: b })) };
  } catch (e) {
    return { ok: false, error: makeIssue('zip.unreadable', { detail: e instanceof Error ? e.message : String(e) }, { file }) };
  }
}
