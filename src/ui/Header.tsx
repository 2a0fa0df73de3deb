// Title bar: language switch and basemap choice.
import { t } from '../i18n/strings';
import { act, useStore } from '../state/store';
import { setBasemap, setLang } from '../state/updaters';
import type { BasemapId } from '../state/url';

const KEY_STORE = 'renewal-map:tianditu-key';

export function Header() {
  const lang = useStore((s) => s.lang);
  const basemap = useStore((s) => s.basemap);
  const key = useStore((s) => s.tiandituKey);
  return (
    <header className="app-header">
      <div className="titles">
        <h1>{t('appTitle', lang)}</h1>
        <p>{t('appSubtitle', lang)}</p>
      </div>
      <div className="header-tools">
        <label className="basemap">
          <span>{t('basemap', lang)}</span>
          <select
            value={basemap}
            onChange={(e) => {
              const id = e.target.value as BasemapId;
              const stored = id === 'tianditu' ? localStorage.getItem(KEY_STORE) ?? '' : undefined;
              act(setBasemap, id, stored);
            }}
          >
            <option value="offline">{t('basemapOffline', lang)}</option>
            <option value="osm">{t('basemapOsm', lang)}</option>
            <option value="tianditu">{t('basemapTianditu', lang)}</option>
          </select>
        </label>
        {basemap === 'tianditu' && (
          <input
            className="tdt-key"
            type="password"
            placeholder={t('tiandituKey', lang)}
            title={t('tiandituKeyHint', lang)}
            defaultValue={key}
            onChange={(e) => {
              const v = e.target.value.trim();
              localStorage.setItem(KEY_STORE, v);
              act(setBasemap, 'tianditu', v);
            }}
          />
        )}
        <button className="lang" onClick={() => act(setLang, lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>
          {t('langSwitch', lang)}
        </button>
      </div>
    </header>
  );
}
