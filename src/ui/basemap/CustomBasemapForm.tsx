// Adding the institute's own basemap: a raster tile URL, a style URL or a PMTiles
// archive. Kept in this browser only (localStorage); see README "Your own basemap".
import { useState } from 'react';
import { t, type Lang } from '../../i18n/strings';
import { checkCustomUrl } from '../../map/customBasemap';
import { pmtilesTileType } from '../../map/pmtilesBasemap';
import { saveCustomBasemap, useCustomBasemap, type CustomBasemap } from '../../state/customBasemap';
import { act } from '../../state/store';
import { setBasemap } from '../../state/updaters';

export function CustomBasemapForm({ lang, onDone }: { lang: Lang; onDone: () => void }) {
  const current = useCustomBasemap((s) => s.custom);
  const [name, setName] = useState(current?.name ?? '');
  const [url, setUrl] = useState(current?.url ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const r = checkCustomUrl(url);
    if ('error' in r) {
      setError(r.error[lang]);
      return;
    }
    setBusy(true);
    setError('');
    const def: CustomBasemap = { name: name.trim() || t('customBasemap', lang), url: r.url, kind: r.kind };
    if (r.kind === 'pmtiles') {
      try {
        def.tileType = await pmtilesTileType(r.url);
      } catch (e) {
        setBusy(false);
        setError(`${t('pmtilesUnreadable', lang)} (${e instanceof Error ? e.message : String(e)})`);
        return;
      }
    }
    saveCustomBasemap(def);
    act(setBasemap, 'custom');
    setBusy(false);
    onDone();
  };

  return (
    <form
      className="custom-basemap"
      aria-label={t('customBasemapAdd', lang)}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('customBasemapName', lang)}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} data-field="custom-name" />
      </label>
      <label>
        {t('customBasemapUrl', lang)}
        <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/{z}/{x}/{y}.png · …/style.json · …/tianjin.pmtiles" data-field="custom-url" />
      </label>
      <p className="hint">{t('customBasemapHint', lang)}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={busy} data-action="custom-save">{t('customBasemapSave', lang)}</button>
        {current && (
          <button
            type="button"
            data-action="custom-remove"
            onClick={() => {
              saveCustomBasemap(null);
              act(setBasemap, 'offline');
              onDone();
            }}
          >
            {t('customBasemapRemove', lang)}
          </button>
        )}
        <button type="button" onClick={onDone}>{t('close', lang)}</button>
      </div>
    </form>
  );
}
