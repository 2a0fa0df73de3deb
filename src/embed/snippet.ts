// Share links and iframe snippets (pure string building).

/** The page address without query and hash, e.g. "https://host/app/". */
export function pageBase(href: string): string {
  const u = new URL(href);
  return u.origin + u.pathname;
}

/**
 * A link to the full app with the state hash. `embed` / `origins` in the
 * current query are dropped (a link shared from an embedded map opens the full app);
 * other query parameters are kept.
 */
export function shareUrl(href: string, hash: string): string {
  const u = new URL(href);
  u.searchParams.delete('embed');
  u.searchParams.delete('origins');
  u.hash = '';
  const h = hash && !hash.startsWith('#') ? '#' + hash : hash;
  return u.href.replace(/#$/, '') + h;
}

/** The embedded map's address: `?embed=1[&origins=a,b]#<state>`. */
export function embedUrl(href: string, hash: string, origins: readonly string[] = []): string {
  const u = new URL(shareUrl(href, ''));
  u.searchParams.set('embed', '1');
  // Commas and colons stay readable; URLSearchParams would percent-encode them.
  let search = u.search;
  if (origins.length) search += '&origins=' + origins.map((o) => encodeURIComponent(o).replace(/%3A/gi, ':').replace(/%2F/gi, '/')).join(',');
  const h = hash && !hash.startsWith('#') ? '#' + hash : hash;
  return u.origin + u.pathname + search + h;
}

export interface SnippetOptions {
  src: string;
  /** Pixels or a CSS length such as "100%". */
  width: string;
  height: string;
  title: string;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A CSS length: a bare number means pixels; percentages and px are kept; anything else falls back. */
export function cssLength(v: string, fallback: string): string {
  const s = v.trim();
  if (/^\d{1,5}$/.test(s)) return s;
  if (/^\d{1,5}(\.\d+)?(px|%|vh|vw|em|rem)$/.test(s)) return s;
  return fallback;
}

export function iframeSnippet(o: SnippetOptions): string {
  const w = cssLength(o.width, '800');
  const h = cssLength(o.height, '500');
  const size = (v: string) => (/^\d+$/.test(v) ? `${v}px` : v);
  return (
    `<iframe src="${escapeAttr(o.src)}" title="${escapeAttr(o.title)}" ` +
    `width="${escapeAttr(w)}" height="${escapeAttr(h)}" ` +
    `style="border:0;width:${escapeAttr(size(w))};height:${escapeAttr(size(h))}" ` +
    `loading="lazy" referrerpolicy="no-referrer-when-downgrade" allow="clipboard-write"></iframe>`
  );
}
