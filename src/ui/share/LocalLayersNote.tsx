// In the share and embed dialogs: the planner's own layers that a link cannot carry,
// with "export" for each and, for one of them, the address of a published copy that
// the link then loads with ?data=.
import { useState } from 'react';
import { checkDataUrl } from '../../io/dataUrl';
import { useStore } from '../../state/store';
import { exportLayer } from '../data/controller';
import { localLayersInLink } from './localLayers';
import { st } from './strings';

export interface DataChoice {
  url: string;
  layerId: string;
}

export function LocalLayersNote({ onData }: { onData: (c: DataChoice | null) => void }) {
  const lang = useStore((s) => s.lang);
  const userLayers = useStore((s) => s.userLayers);
  const visible = useStore((s) => s.visible);
  const local = localLayersInLink(userLayers, visible);
  const [layerId, setLayerId] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  if (!local.length) return null;
  const chosen = layerId || local[0].id;

  const apply = (nextUrl: string, nextLayer: string) => {
    setUrl(nextUrl);
    if (!nextUrl.trim()) {
      setError('');
      onData(null);
      return;
    }
    const c = checkDataUrl(nextUrl, location.href);
    if (!c.ok) {
      setError(c.issue.message[lang]);
      onData(null);
      return;
    }
    setError('');
    onData({ url: c.url, layerId: nextLayer });
  };

  return (
    <div className="local-layers warn-box" role="note" data-testid="local-layers">
      <p><strong>{st('localTitle', lang)}</strong> {st('localHint', lang)}</p>
      <ul>
        {local.map((l) => (
          <li key={l.id} data-layer={l.id}>
            <span className="name">{l.title[lang]}</span>
            <button type="button" data-action="export-local" onClick={() => void exportLayer(l)}>{st('localExport', lang)}</button>
          </li>
        ))}
      </ul>
      <label className="col">
        <span>{st('localUrl', lang)}</span>
        {local.length > 1 && (
          <select value={chosen} onChange={(e) => { setLayerId(e.target.value); apply(url, e.target.value); }} aria-label={st('layer', lang)}>
            {local.map((l) => <option key={l.id} value={l.id}>{l.title[lang]}</option>)}
          </select>
        )}
        <input value={url} placeholder="https://…/my-layer.geojson" onChange={(e) => apply(e.target.value, chosen)} data-testid="local-data-url" />
      </label>
      {error && <p className="muted warn" role="alert">{error}</p>}
      {local.length > 1 && <p className="muted small">{st('localOne', lang)}</p>}
    </div>
  );
}
