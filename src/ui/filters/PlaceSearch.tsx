// Place search over the names of every layer (Chinese, English, aliases),
// overlaid at the top-left of the map, with the compact bar of active filters
// beside it. Arrow keys move through the results, Enter jumps to the place and
// selects it, Esc closes the list.
import { useEffect, useMemo, useState } from 'react';
import type { Feature, Geometry } from 'geojson';
import { pick } from '../../i18n/strings';
import { layerData } from '../../data/registry';
import { buildPlaceIndex, searchPlaces, type PlaceHit, type PlaceIndex } from '../../lib/placeSearch';
import { useStore } from '../../state/store';
import { FilterBar } from './FilterBar';
import { focusFeature } from './focus';
import { useAllLayers, type AnyLayer } from './hooks';
import { tf } from './strings';
import './filters.css';

let cached: { layers: AnyLayer[]; index: Promise<PlaceIndex> } | null = null;

/** The index over every layer's names, built once per set of layers (on first use). */
function placeIndex(layers: AnyLayer[]): Promise<PlaceIndex> {
  if (cached?.layers !== layers) {
    const index = Promise.all(layers.map((l) => layerData(l).then((fc) => ({ layerId: l.id, features: fc.features as Feature<Geometry | null>[] }), () => null)))
      .then((inputs) => buildPlaceIndex(inputs.filter((x) => x !== null)));
    cached = { layers, index };
  }
  return cached.index;
}

export function PlaceSearch() {
  const lang = useStore((s) => s.lang);
  const layers = useAllLayers();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<PlaceIndex | null>(null);
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    placeIndex(layers).then((ix) => live && setIndex(ix));
    return () => {
      live = false;
    };
  }, [wanted, layers]);

  const hits = useMemo(() => (index && query.trim() ? searchPlaces(index, query, { limit: 12 }) : []), [index, query]);
  useEffect(() => setActive(0), [hits]);
  const titleOf = (id: string) => pick(layers.find((l) => l.id === id)?.title, lang) || id;

  const choose = (hit: PlaceHit | undefined) => {
    if (!hit || !index) return;
    const layer = index.layers.find((l) => l.layerId === hit.layerId);
    const f = layer?.features[hit.index];
    if (!f) return;
    focusFeature(hit.layerId, hit.index, f);
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
          onFocus={() => {
            setWanted(true);
            setOpen(true);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => {
            setWanted(true);
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
