// One loaded layer: visibility, colour, name (renamable), count, file, CRS,
// and zoom / export / remove (with an inline confirmation).
import { useState } from 'react';
import type { Lang } from '../../i18n/strings';
import { fitBounds } from '../../map/mapHandle';
import { act } from '../../state/store';
import { type UserLayer } from '../../state/appState';
import { setLayerVisible } from '../../state/updaters';
import { renameUserLayer, restyleUserLayer } from '../../state/userLayers';
import { exportLayer, removeLayer } from './controller';
import { FieldMapping } from './FieldMapping';
import { dt } from './strings';

export function UserLayerRow({ layer, lang, on }: { layer: UserLayer; lang: Lang; on: boolean }) {
  const title = layer.title[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [exporting, setExporting] = useState(false);
  return (
    <li className={`user-layer ${on ? 'on' : ''}`} data-layer={layer.id}>
      <div className="ul-head">
        <input type="checkbox" checked={on} onChange={(e) => act(setLayerVisible, layer.id, e.target.checked)} aria-label={`${dt('show', lang)}: ${title}`} />
        <input
          type="color"
          className="ul-color"
          value={layer.style.color}
          onChange={(e) => act(restyleUserLayer, layer.id, e.target.value)}
          aria-label={`${dt('color', lang)}: ${title}`}
          title={dt('color', lang)}
        />
        {editing ? (
          <input
            className="ul-rename"
            defaultValue={title}
            autoFocus
            aria-label={dt('rename', lang)}
            maxLength={120}
            onBlur={(e) => {
              act(renameUserLayer, layer.id, e.target.value);
              setEditing(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <span className="ul-title" title={title} onDoubleClick={() => setEditing(true)}>{title}</span>
        )}
        <span className="count">{layer.feature_count}</span>
      </div>
      <div className="ul-meta">
        {dt('file', lang)}{colon}<span className="ul-file" title={layer.source}>{layer.file}</span> · {dt('sourceCrs', lang)}{colon}<span className="ul-crs">{layer.source_crs}</span>
      </div>
      <div className="ul-actions">
        <button
          onClick={() => {
            if (!on) act(setLayerVisible, layer.id, true);
            const [w, s, e, n] = layer.bbox;
            fitBounds([[w, s], [e, n]]);
          }}
          data-action="zoom"
        >
          {dt('zoomTo', lang)}
        </button>
        <button onClick={() => setEditing(true)} data-action="rename">{dt('rename', lang)}</button>
        <button
          data-action="export"
          disabled={exporting}
          onClick={() => {
            setExporting(true);
            void exportLayer(layer).finally(() => setExporting(false));
          }}
        >
          {dt('export', lang)}
        </button>
        {confirming ? (
          <>
            <button className="danger" data-action="confirm-remove" onClick={() => void removeLayer(layer.id)}>{dt('confirmRemove', lang)}</button>
            <button data-action="keep" onClick={() => setConfirming(false)}>{dt('keep', lang)}</button>
          </>
        ) : (
          <button data-action="remove" onClick={() => setConfirming(true)}>{dt('remove', lang)}</button>
        )}
      </div>
      <FieldMapping layer={layer} lang={lang} />
    </li>
  );
}
