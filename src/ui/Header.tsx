// Title bar: language switch and basemap choice (with the planner's own basemap).
import { useEffect, useState } from 'react';
import { t } from '../i18n/strings';
import { loadCustomBasemap, useCustomBasemap } from '../state/customBasemap';
import { act, useStore } from '../state/store';
import { CustomBasemapForm } from './basemap/CustomBasemapForm';
import { setBasemap, setLang } from '../state/updaters';
import type { BasemapId } from '../state/url';

const KEY_STORE = 'renewal-map:tianditu-key';

export function Header() {
  const lang = useStore((s) => s.lang);
  const basemap = useStore((s) => s.basemap);
  const key = useStore((s) => s.tiandituKey);
  const custom = useCustomBasemap((s) => s.custom);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    loadCustomBasemap();
  }, []);
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
              if (e.target.value === 'add-custom') {
                setAdding(true);
                return;
              }
              const id = e.target.value as BasemapId;
              const stored = id === 'tianditu' ? localStorage.getItem(KEY_STORE) ?? '' : undefined;
              act(setBasemap, id, stored);
            }}
          >
            <option value="offline">{t('basemapOffline', lang)}</option>
            <option value="osm">{t('basemapOsm', lang)}</option>
            <option value="tianditu">{t('basemapTianditu', lang)}</option>
            {(custom || basemap === 'custom') && <option value="custom">{custom?.name ?? t('customBasemap', lang)}</option>}
            <option value="add-custom">{t('customBasemapAdd', lang)}</option>
          </select>
        </label>
        {adding && (
          <div className="custom-basemap-pop">
            <CustomBasemapForm lang={lang} onDone={() => setAdding(false)} />
          </div>
        )}
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
