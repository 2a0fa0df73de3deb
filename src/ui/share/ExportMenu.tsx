// The export menu: filtered features as GeoJSON / CSV, the briefing PNG and the A4 print view.
import { useEffect, useState } from 'react';
import { pick } from '../../i18n/strings';
import { imageFileName } from '../../io/exportImage';
import { act, useStore } from '../../state/store';
import { allLayers } from '../../state/appState';
import { pushNotice } from '../../state/updaters';
import { IMAGE_SIZES, type ImageSize } from '../../io/exportImageSize';
import { downloadBriefingPng, printSnapshotFor, type PrintSnapshot } from './briefingImage';
import {
  currentShareUrl, defaultExportLayer, EXPORT_CRS, exportLayer, filteredFeatures, WGS84_ONLY,
  type DataFormat, type ExportEpsg,
} from './exportActions';
import { useHashOf } from './linkContext';
import { st, stText } from './strings';

const SIZE_KEY = { screen: 'sizeScreen', '2x': 'size2x', a4: 'sizeA4', a3: 'sizeA3' } as const;

export function ExportMenu({ onPrint }: { onPrint: (s: PrintSnapshot) => void }) {
  const lang = useStore((s) => s.lang);
  const hashOf = useHashOf();
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  const visible = useStore((s) => s.visible);
  const filters = useStore((s) => s.filters);
  const [layerId, setLayerId] = useState<string | null>(() => defaultExportLayer(useStore.getState()));
  const [count, setCount] = useState<{ count: number; total: number } | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string>('');
  const [legend, setLegend] = useState<string[]>([]);
  const [caption, setCaption] = useState<string[]>([]);
  const [size, setSize] = useState<ImageSize>('screen');
  const [paper, setPaper] = useState<'a4' | 'a3'>('a4');
  const [epsg, setEpsg] = useState<ExportEpsg>(4326);
  const layers = allLayers({ catalog, userLayers });
  const ordered = [...layers.filter((l) => visible.includes(l.id)), ...layers.filter((l) => !visible.includes(l.id))];

  useEffect(() => {
    let live = true;
    setCount(null);
    if (layerId) {
      filteredFeatures(layerId)
        .then((r) => live && setCount({ count: r.features.length, total: r.total }))
        .catch(() => live && setCount(null));
    }
    return () => {
      live = false;
    };
  }, [layerId, filters]);

  const run = async (key: string, fn: () => Promise<string>) => {
    setBusy(key);
    setDone('');
    try {
      setDone(await fn());
    } catch (e) {
      act(pushNotice, { code: 'export.failed', message: stText('exportFailed', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const data = (format: DataFormat) => () =>
    run(format, async () => {
      if (!layerId) throw new Error(st('noLayer', lang));
      const r = await exportLayer(layerId, format, currentShareUrl(hashOf), epsg);
      return st('exported', lang, { count: r.count, file: r.file });
    });

  const png = () =>
    run('png', async () => {
      const file = imageFileName(new Date());
      const img = await downloadBriefingPng(title, size, file);
      setLegend(img.legendDrawn);
      setCaption(img.captionDrawn);
      return file;
    });

  const print = () => run('print', async () => {
    onPrint(await printSnapshotFor(title, paper));
    return '';
  });

  return (
    <div className="share-pop export-menu" role="menu" data-legend={JSON.stringify(legend)} data-caption={JSON.stringify(caption)}>
      <h4>{st('dataTitle', lang)}</h4>
      <label className="row">
        <span>{st('layer', lang)}</span>
        <select value={layerId ?? ''} onChange={(e) => setLayerId(e.target.value)} data-testid="export-layer">
          {ordered.map((l) => (
            <option key={l.id} value={l.id}>{pick(l.title, lang)}</option>
          ))}
        </select>
      </label>
      <p className="muted export-count" data-count={count?.count ?? ''}>
        {count ? st('countOf', lang, count) + (count.count < count.total ? ` · ${st('filtered', lang)}` : '') : st('counting', lang)}
      </p>
      <label className="row">
        <span>{st('exportCrs', lang)}</span>
        <select value={epsg} onChange={(e) => setEpsg(Number(e.target.value) as ExportEpsg)} data-testid="export-crs">
          {EXPORT_CRS.map((c) => <option key={c} value={c}>{st(c === 4326 ? 'crs4326' : 'crs4548', lang)}</option>)}
        </select>
      </label>
      <div className="btns">
        {([['geojson', 'geojson', 'geojson'], ['csv', 'lonlat', 'csvLonLat'], ['wkt', 'wkt', 'csvWkt'], ['shp', 'shp', 'shp'], ['kml', 'kml', 'kml'], ['gpkg', 'gpkg', 'gpkg'], ['fgb', 'fgb', 'fgb']] as const).map(([key, format, label]) => {
          const wgs84Only = epsg !== 4326 && WGS84_ONLY.includes(format as DataFormat);
          return (
            <button key={key} data-export={key} disabled={!!busy || !layerId || wgs84Only} title={wgs84Only ? st('wgs84Only', lang) : undefined} onClick={data(format)}>
              {st(label, lang)}
            </button>
          );
        })}
      </div>
      <hr />
      <label className="row">
        <span>{st('titleLabel', lang)}</span>
        <input value={title} placeholder={st('titleOptional', lang)} onChange={(e) => setTitle(e.target.value)} data-testid="export-title" />
      </label>
      <label className="row">
        <span>{st('sizeLabel', lang)}</span>
        <select value={size} onChange={(e) => setSize(e.target.value as ImageSize)} data-testid="export-size">
          {IMAGE_SIZES.map((s) => (
            <option key={s} value={s}>{st(SIZE_KEY[s], lang)}</option>
          ))}
        </select>
        <button data-export="png" disabled={!!busy} onClick={png}>{st('png', lang)}</button>
      </label>
      <label className="row">
        <span>{st('paperLabel', lang)}</span>
        <select value={paper} onChange={(e) => setPaper(e.target.value as 'a4' | 'a3')} data-testid="export-paper">
          <option value="a4">A4</option>
          <option value="a3">A3</option>
        </select>
        <button data-export="print" disabled={!!busy} onClick={print}>{st('printPdf', lang)}</button>
      </label>
      {done && <p className="muted done" role="status">{done}</p>}
    </div>
  );
}
