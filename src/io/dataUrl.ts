// `?data=<url>`: which addresses may be fetched, and how fetch failures read.
// Only absolute http(s) URLs are accepted; javascript:, data:, file:, blob: and
// anything else are refused before any request is made.

import { makeIssue, preview, type Issue } from './messages.ts';

export type DataUrlCheck = { ok: true; url: string; name: string } | { ok: false; issue: Issue };

/** The `data` query parameter of a location's search string, if present (URLSearchParams decoding). */
export function dataParam(search: string): string | null {
  return new URLSearchParams(search).get('data');
}

/**
 * Check a `?data=` value. Relative addresses resolve against `base` (the page),
 * so `?data=geo/x.geojson` works on the app's own server; the result must still
 * be http or https.
 */
export function checkDataUrl(raw: string, base: string): DataUrlCheck {
  const value = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return { ok: false, issue: makeIssue('url.data_scheme', { scheme: `${scheme}:` }) };
  }
  let url: URL;
  try {
    if (!value || /[\u0000-\u001f]/.test(value)) throw new Error('empty');
    url = new URL(value, base);
  } catch {
    return { ok: false, issue: makeIssue('url.data_invalid', { value: preview(value, 80) }) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, issue: makeIssue('url.data_scheme', { scheme: url.protocol }) };
  }
  if (url.username || url.password) return { ok: false, issue: makeIssue('url.data_invalid', { value: preview(value, 80) }) };
  return { ok: true, url: url.href, name: fileNameOf(url) };
}

/** A display name for a URL: its last path segment, or the host. */
export function fileNameOf(url: URL): string {
  const seg = url.pathname.split('/').filter(Boolean).pop();
  let name = seg ?? url.hostname;
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it encoded */
  }
  return name.slice(0, 120) || url.hostname;
}

/** The issue for a failed fetch: a rejected promise (network/CORS) or an HTTP status. */
export function fetchIssue(url: string, failure: { status: number } | unknown): Issue {
  const short = preview(url, 100).replace(/^"|"$/g, '');
  if (failure && typeof failure === 'object' && 'status' in failure && typeof failure.status === 'number') {
    return makeIssue('fetch.http', { status: failure.status, url: short });
  }
  return makeIssue('fetch.network', { url: short });
}
