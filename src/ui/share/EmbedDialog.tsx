// The embed dialog: iframe snippet for the current view, its size and the host origins allowed to send commands.
import { useRef, useState } from 'react';
import { t } from '../../i18n/strings';
import { parseOrigins } from '../../embed/messages';
import { embedUrl, iframeSnippet } from '../../embed/snippet';
import { useStore } from '../../state/store';
import { useHashOf } from './linkContext';
import { copyText } from './clipboard';
import { withDataParam } from './localLayers';
import { LocalLayersNote, type DataChoice } from './LocalLayersNote';
import { st } from './strings';

export function EmbedDialog() {
  const lang = useStore((s) => s.lang);
  const state = useStore((s) => s);
  const hashOf = useHashOf();
  const [width, setWidth] = useState('800');
  const [height, setHeight] = useState('500');
  const [originsText, setOriginsText] = useState('');
  const [copied, setCopied] = useState<boolean | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const { origins, rejected } = parseOrigins(originsText);
  const [data, setData] = useState<DataChoice | null>(null);
  const plain = embedUrl(location.href, hashOf(state), origins);
  const src = data ? withDataParam(plain, data.url, data.layerId) : plain;
  const snippet = iframeSnippet({ src, width, height, title: t('appTitle', lang) });

  return (
    <div className="share-pop embed-dialog" role="dialog" aria-label={st('embedTitle', lang)} data-src={src}>
      <h4>{st('embedTitle', lang)}</h4>
      <LocalLayersNote onData={setData} />
      <div className="size-row">
        <label>{st('width', lang)} <input value={width} onChange={(e) => setWidth(e.target.value)} data-testid="embed-width" /></label>
        <label>{st('height', lang)} <input value={height} onChange={(e) => setHeight(e.target.value)} data-testid="embed-height" /></label>
      </div>
      <label className="col">
        <span>{st('origins', lang)}</span>
        <input value={originsText} placeholder="https://a.example, https://b.example" onChange={(e) => setOriginsText(e.target.value)} data-testid="embed-origins" />
      </label>
      {rejected.length > 0 && <p className="muted warn">{st('originsBad', lang, { list: rejected.join(', ') })}</p>}
      <label className="col">
        <span>{st('snippet', lang)}</span>
        <textarea ref={box} readOnly rows={4} value={snippet} data-testid="embed-snippet" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="btns">
        <button className="primary" data-action="copy-snippet" onClick={async () => setCopied(await copyText(snippet, box.current))}>
          {copied ? st('copied', lang) : st('copySnippet', lang)}
        </button>
      </div>
      {copied === false && <p className="muted warn">{st('copyManual', lang)}</p>}
      <p className="muted small">{st('embedHint', lang)}</p>
    </div>
  );
}
