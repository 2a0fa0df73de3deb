// Place search over the names of every layer (Chinese, English, aliases),
// overlaid at the top-left of the map, with the compact bar of active filters
// beside it. Arrow keys move through the results, Enter jumps to the place and
// selects it, Esc closes the list. The index lives in the data service, built
// once over the layers it holds; each keystroke asks it for the top hits.
import { useEffect, useState } from 'react';
import { dataService } from '../../data/client';
import { pick } from '../../i18n/strings';
import type { PlaceHit } from '../../lib/placeSearch';
import { useStore } from '../../state/store';
import { FilterBar } from './FilterBar';
import { focusFeature } from './focus';
import { useAllLayers, type AnyLayer } from './hooks';
import { tf } from './strings';
import './filters.css';

/** Hits for `query` over these layers (the service opens any it does not hold yet). */
function searchLayers(layers: AnyLayer[], query: string): Promise<PlaceHit[]> {
  const svc = dataService();
  const held = layers.filter((l) => !('type' in l) || l.type !== 'pmtiles');
  held.forEach((l) => svc.open(l));
  return svc.call('search', { layerIds: held.map((l) => l.id), query, limit: 12 });
}

export function PlaceSearch() {
  const lang = useStore((s) => s.lang);
  const layers = useAllLayers();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ query: string; hits: PlaceHit[] } | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!query.trim()) return;
    let live = true;
    searchLayers(layers, query)
      .then((hits) => live && setAnswer({ query, hits }))
      .catch(() => live && setAnswer({ query, hits: [] }));
    return () => {
      live = false;
    };
  }, [query, layers]);

  // The last answer stays on screen until the next one arrives (no flicker while typing).
  const index = answer;
  const hits = query.trim() ? (answer?.hits ?? []) : [];
  useEffect(() => setActive(0), [answer]);
  const titleOf = (id: string) => pick(layers.find((l) => l.id === id)?.title, lang) || id;

  const choose = (hit: PlaceHit | undefined) => {
    const layer = hit && layers.find((l) => l.id === hit.layerId);
    if (!hit || !layer) return;
    dataService()
      .ask(layer, 'features', { layerId: layer.id, indices: Uint32Array.of(hit.index) })
      .then(([f]) => f && focusFeature(hit.layerId, hit.index, f))
      .catch(() => undefined);
    setQuery(lang === 'en' && hit.name_en ? hit.name_en : hit.name || hit.matched);
    setOpen(false);
  };

  const showList = open && query.trim() !== '';
  return (
    <>
      <div className="psearch" role="search">
        <input
          type="search" id="psearch" className="psearch-input" value={query} placeholder={tf('searchHint', lang)} aria-label={tf('search', lang)}
          role="combobox" aria-expanded={showList} aria-controls="psearch-list" aria-autocomplete="list"
          aria-activedescendant={showList && hits[active] ? `psearch-${active}` : undefined}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setOpen(true);
              const d = e.key === 'ArrowDown' ? 1 : -1;
              setActive((a) => (hits.length ? (a + d + hits.length) % hits.length : 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(hits[active]);
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
        {showList && (
          <ul className="psearch-list" id="psearch-list" role="listbox">
            {!index && <li className="psearch-note">{tf('searching', lang)}</li>}
            {index && hits.length === 0 && <li className="psearch-note">{tf('noHits', lang)}</li>}
            {hits.map((h, i) => {
              const main = lang === 'en' && h.name_en ? h.name_en : h.name || h.matched;
              const other = lang === 'en' ? h.name : h.name_en;
              return (
                <li key={`${h.layerId}:${h.index}`} id={`psearch-${i}`} role="option" aria-selected={i === active}
                  className={i === active ? 'psearch-hit on' : 'psearch-hit'} data-layer={h.layerId}
                  onMouseDown={(e) => e.preventDefault()} onMouseEnter={() => setActive(i)} onClick={() => choose(h)}>
                  <span className="psearch-name">{main}</span>
                  {other && other !== main && <span className="psearch-other">{other}</span>}
                  <span className="psearch-layer">{titleOf(h.layerId)}</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <FilterBar />
    </>
  );
}
