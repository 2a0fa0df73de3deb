// Downloads of a coverage result: the per-zone table (CSV) and the covered /
// uncovered polygons, plus reached streets in network mode (GeoJSON).
import type { Feature, Geometry } from 'geojson';
import { version } from '../../../package.json';
import type { CoverageResult } from '../../analysis/coverage';
import { coverageTableCsv } from '../../analysis/coverageCsv';
import type { Lang } from '../../i18n/strings';
import { exportGeoJSON } from '../../io/exportGeoJSON';
import { downloadText } from '../../io/download';
import type { ResultsState } from '../../state/analysisResults';
import type { RunMeta } from './request';

const APP = `Tianjin Renewal Map ${version}`;

/** File name stem like `coverage-15min-districts`. */
export function fileStem(meta: RunMeta, areaId: string): string {
  const safe = areaId.replace(/[^\w-]+/g, '_').slice(0, 40);
  return `coverage-${meta.minutes}min-${meta.mode === 'network' ? 'network-' : ''}${safe}`;
}

/** The run's parameters in words (the GeoJSON metadata's `source`). */
export function describeRun(meta: RunMeta, r: CoverageResult): string {
  const reach = meta.mode === 'network'
    ? `${Math.round(meta.walkM)} m walked along the network (reached streets buffered ±50 m)`
    : `${Math.round(meta.walkM)} m walk → ${Math.round(meta.reachM)} m straight-line radius`;
  return [
    `Coverage analysis: ${meta.minutes}-minute walk, ${reach}`,
    `facilities: ${meta.facilitiesLabel.en} (${meta.facilityCount})`,
    `area: ${meta.areaLabel.en}`,
    `grid cell ${r.cellSizeM} m`,
    `residents: ${meta.populationSource === 'attribute' ? 'zone attribute' : meta.populationSource === 'districts' ? 'district population_2020 spread by area' : 'none'}`,
  ].join('; ');
}

export function coverageFeatures(s: Pick<ResultsState, 'result' | 'edges'>): Feature<Geometry | null>[] {
  if (!s.result) return [];
  const edges = (s.edges?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, status: 'reached_street' } }));
  return [...s.result.covered.features, ...s.result.uncovered.features, ...edges];
}

export function coverageGeoJSON(s: Pick<ResultsState, 'result' | 'edges' | 'meta' | 'settings'>, url: string, now = new Date()): string {
  if (!s.result || !s.meta) throw new Error('no result to export');
  const m = s.meta;
  return exportGeoJSON(coverageFeatures(s), {
    layerId: `analysis:${s.settings?.area ?? 'area'}`,
    layerTitle: {
      zh: `${m.minutes}分钟步行覆盖：${m.facilitiesLabel.zh}（${m.areaLabel.zh}）`,
      en: `${m.minutes}-minute walking coverage: ${m.facilitiesLabel.en} (${m.areaLabel.en})`,
    },
    source: describeRun(m, s.result),
    filters: {},
    generated: now,
    app: APP,
    url,
  });
}

export function downloadCoverageCsv(s: ResultsState, lang: Lang): void {
  if (!s.result || !s.meta) return;
  downloadText(`${fileStem(s.meta, s.settings?.area ?? 'area')}.csv`, coverageTableCsv(s.result.perZone, lang), 'text/csv');
}

export function downloadCoverageGeoJSON(s: ResultsState): void {
  if (!s.result || !s.meta) return;
  downloadText(`${fileStem(s.meta, s.settings?.area ?? 'area')}.geojson`, coverageGeoJSON(s, location.href), 'application/geo+json');
}
