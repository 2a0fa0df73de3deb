// "Copy link": the current URL with the whole state in its hash.
import { useRef, useState } from 'react';
import { useStore } from '../../state/store';
import { copyText } from './clipboard';
import { currentShareUrl } from './exportActions';
import { useHashOf } from './linkContext';
import { withDataParam } from './localLayers';
import { LocalLayersNote, type DataChoice } from './LocalLayersNote';
import { st } from './strings';

export function SharePanel() {
  const lang = useStore((s) => s.lang);
  // Re-render on any state change so the link is always the current one.
  useStore((s) => s);
  const [data, setData] = useState<DataChoice | null>(null);
  const base = currentShareUrl(useHashOf());
  const url = data ? withDataParam(base, data.url, data.layerId) : base;
  const box = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  const copy = async () => {
    const ok = await copyText(url, box.current);
    setState(ok ? 'copied' : 'manual');
  };

  return (
    <div className="share-pop share-panel" data-url={url}>
      <h4>{st('shareTitle', lang)}</h4>
      <p className="muted">{st('shareHint', lang)}</p>
      <LocalLayersNote onData={setData} />
      <div className="copy-row">
        <input ref={box} readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-label={st('shareTitle', lang)} />
        <button className="primary" data-action="copy-link" onClick={copy}>
          {state === 'copied' ? st('copied', lang) : st('copyLink', lang)}
        </button>
      </div>
      {state === 'manual' && <p className="muted warn">{st('copyManual', lang)}</p>}
    </div>
  );
}
