// What a link cannot carry: the planner's own layers live in this browser only. A
// link can instead name one published copy with `?data=<url>`, which the receiving
// browser loads; the local layer id is then dropped from `layers=` (it would not exist there).

/** The link with `?data=<dataUrl>` and without `dropId` in its `layers=` hash entry. */
export function withDataParam(link: string, dataUrl: string, dropId: string): string {
  const u = new URL(link);
  u.searchParams.set('data', dataUrl);
  const hash = u.hash.replace(/^#/, '');
  const parts = hash
    .split('&')
    .filter(Boolean)
    .map((p) => {
      if (!p.startsWith('layers=')) return p;
      const ids = p.slice(7).split(',').filter((id) => id && decodeURIComponent(id) !== dropId);
      return `layers=${ids.join(',')}`;
    });
  u.hash = parts.length ? `#${parts.join('&')}` : '';
  return u.href;
}

/** The loaded layers a link names but cannot carry. */
export function localLayersInLink<L extends { id: string }>(userLayers: readonly L[], visible: readonly string[]): L[] {
  return userLayers.filter((l) => visible.includes(l.id));
}
