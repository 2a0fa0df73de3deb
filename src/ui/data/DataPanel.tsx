// The sidebar's 数据 tab: open files (or drop them anywhere), choose the
// source datum, follow progress, read what was wrong, manage loaded layers.
import { useRef } from 'react';
import type { SourceCrs } from '../../io/crs/crsGuess';
import { useStore } from '../../state/store';
import { IMPORT_EXTENSIONS } from '../../io/fileGroups';
import { cancelLoad, loadFiles } from './controller';
import { useImport } from './importStore';
import { Reports } from './IssueList';
import { dt, type DataKey } from './strings';
import { UserLayerRow } from './UserLayerRow';
import './data.css';

const ACCEPT = [...IMPORT_EXTENSIONS, 'application/geo+json', 'application/json', 'text/csv'].join(',');

const CRS: [SourceCrs, DataKey][] = [
  ['WGS84', 'crsWGS84'],
  ['GCJ02', 'crsGCJ02'],
  ['BD09', 'crsBD09'],
];

function Progress() {
  const lang = useStore((s) => s.lang);
  const busy = useImport((s) => s.busy);
  if (!busy) return null;
  return (
    <div className="load-progress" data-stage={busy.stage} role="status">
      <div className="lp-label">
        <span>{dt(busy.stage, lang)}…</span>
        <span className="lp-file">{busy.name}</span>
      </div>
      <div className="lp-row">
        <progress max={1} value={busy.stage === 'downloading' ? undefined : busy.fraction} aria-label={dt(busy.stage, lang)} />
        <button onClick={cancelLoad} data-action="cancel-load">{dt('cancel', lang)}</button>
      </div>
    </div>
  );
}

export function DataPanel() {
  const lang = useStore((s) => s.lang);
  const userLayers = useStore((s) => s.userLayers);
  const visible = useStore((s) => s.visible);
  const crs = useImport((s) => s.crs);
  const busy = useImport((s) => s.busy);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="data-panel">
      <section className="load">
        <h3>{dt('loadTitle', lang)}</h3>
        <div className="load-row">
          <button className="primary" onClick={() => input.current?.click()} disabled={!!busy} title={busy ? dt('busy', lang) : undefined}>
            {dt('openFile', lang)}
          </button>
          <input
            ref={input}
            type="file"
            hidden
            multiple
            accept={ACCEPT}
            data-testid="data-file-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void loadFiles(files);
            }}
          />
          <span className="hint-inline">{dt('dropHint', lang)}</span>
        </div>
        <label className="crs">
          <span>{dt('crsLabel', lang)}</span>
          <select value={crs} onChange={(e) => useImport.setState({ crs: e.target.value as SourceCrs })} data-testid="data-crs">
            {CRS.map(([id, key]) => <option key={id} value={id}>{dt(key, lang)}</option>)}
          </select>
        </label>
        <details className="help">
          <summary>{dt('crsWhy', lang)}</summary>
          <p>{dt('crsHelp', lang)}</p>
          <p>{dt('formats', lang)}</p>
        </details>
      </section>
      <Progress />
      <Reports lang={lang} />
      <section className="loaded">
        <h3>{dt('myLayers', lang)}</h3>
        {userLayers.length ? (
          <ul className="user-layers">
            {[...userLayers].reverse().map((l) => <UserLayerRow key={l.id} layer={l} lang={lang} on={visible.includes(l.id)} />)}
          </ul>
        ) : (
          <p className="help">{dt('none', lang)}</p>
        )}
      </section>
    </div>
  );
}
