// The compact bar over the map: each filtered layer with its count and
// removable chips, and the drawing hint while an area is being drawn.
import { pick } from '../../i18n/strings';
import { stopDrawing, useDraw } from '../../map/overlays/DrawTool';
import { clearAllFilters } from '../../state/filters';
import { act, useStore } from '../../state/store';
import { setPanel } from '../../state/updaters';
import { FilterChips, FilterCount } from './FilterChips';
import { useAllLayers, useFilterUi } from './hooks';
import { tf } from './strings';

export function FilterBar() {
  const lang = useStore((s) => s.lang);
  const filters = useStore((s) => s.filters);
  const layers = useAllLayers().filter((l) => filters[l.id]);
  const mode = useDraw((s) => s.mode);
  if (!layers.length && !mode) return null;
  return (
    <div className="fbar" aria-label={tf('activeFilters', lang)}>
      {mode && (
        <div className="fbar-draw">
          <span>{tf(mode === 'polygon' ? 'drawHintPolygon' : 'drawHintRect', lang)}</span>
          <button type="button" className="fbtn" onClick={stopDrawing}>{tf('drawCancel', lang)}</button>
        </div>
      )}
      {layers.map((l) => (
        <div key={l.id} className="fbar-layer" data-layer={l.id}>
          <button type="button" className="fbar-title" onClick={() => {
            useFilterUi.setState({ layerId: l.id });
            act(setPanel, 'filters');
          }}>
            {pick(l.title, lang)}
          </button>
          <FilterCount layer={l} lang={lang} />
          <FilterChips layerId={l.id} lang={lang} />
        </div>
      ))}
      {layers.length > 1 && (
        <button type="button" className="fbtn" onClick={() => act(clearAllFilters)}>{tf('clearAll', lang)}</button>
      )}
    </div>
  );
}
