// Loading files into the data service: the import runs in the service worker,
// so each file is parsed once, where its layer will live, and the page gets
// only a summary of each part. Cancelling settles at once with nothing added;
// the service stops at its next step and lets go of anything it made.
import { makeIssue } from '../io/messages';
import { importRequest, overallProgress, type ImportHandle, type ImportOutcome, type ImportSource, type StartImportOptions } from '../io/importClient';
import type { DataClient } from './client';

let nextJob = 1;

export function startImport(client: DataClient, source: ImportSource, opts: StartImportOptions = {}): ImportHandle {
  const job = `import:${Date.now().toString(36)}:${nextJob++}`;
  let settled = false;
  let settle!: (o: ImportOutcome) => void;
  const promise = new Promise<ImportOutcome>((resolve) => {
    settle = (o) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', cancel);
      resolve(o);
    };
  });
  const cancel = () => {
    if (settled) return;
    settle({ ok: false, cancelled: true, errors: [makeIssue('import.cancelled')], warnings: [] });
    void client.call('cancelImport', { job }).catch(() => undefined);
  };
  if (opts.signal?.aborted) {
    cancel();
    return { promise, cancel };
  }
  opts.signal?.addEventListener('abort', cancel);

  let last = 0;
  const { wire, transfer } = importRequest(source, opts);
  client
    .call('import', { job, source: wire }, transfer, (p) => {
      if (settled) return;
      last = Math.max(last, overallProgress(p.stage, p.fraction));
      opts.onProgress?.({ stage: p.stage, fraction: last });
    })
    .then((a) => {
      if (settled) {
        // Cancelled after the service finished: it holds parts nobody will adopt.
        if (a.ok) void client.call('cancelImport', { job }).catch(() => undefined);
        return;
      }
      if (a.ok) settle({ ok: true, parts: a.parts, summary: a.summary });
      else settle({ ok: false, cancelled: !!a.cancelled, errors: a.cancelled ? [makeIssue('import.cancelled')] : a.errors, warnings: a.warnings, crsCandidates: a.crsCandidates, sheets: a.sheets });
    })
    .catch((e: unknown) => settle({ ok: false, cancelled: false, errors: [makeIssue('import.failed', { detail: e instanceof Error ? e.message : String(e) })], warnings: [] }));
  return { promise, cancel };
}
