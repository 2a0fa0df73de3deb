// The plan's computable targets: measured value, target, citation and status.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { cite } from '../../analysis/citations';
import { combineCompleteness, completenessOf } from '../../analysis/completeness';
import { applyFieldMap } from '../../analysis/fieldRoles';
import { computeIndicators, type IndicatorInputs, type IndicatorResult } from '../../analysis/indicators';
import type { CatalogLayer } from '../../catalog/types';
import { pick, type Lang } from '../../i18n/strings';
import { useResults } from '../../state/derivedResults';
import { useAllLayers, useLayersFC } from './hooks';
import { fmtNum, tr } from './strings';

const SOURCES = ['districts', 'shelters', 'historic-blocks', 'parks', 'plan-projects'];
const METRO = /metro|subway|rail|地铁|轨道/i;

const UNITS: Record<string, { zh: string; en: string }> = {
  km: { zh: '公里', en: 'km' },
  'm2/person': { zh: '平方米/人', en: 'm²/person' },
  sites: { zh: '处', en: 'sites' },
  'beds/1000': { zh: '张/千人', en: 'beds/1000' },
  'places/1000': { zh: '个/千人', en: 'places/1000' },
  parks: { zh: '个', en: 'parks' },
  blocks: { zh: '片', en: 'blocks' },
  works: { zh: '项', en: 'works' },
};

function valueText(r: IndicatorResult, lang: Lang): string {
  if (r.value === null || r.status === 'incomplete' || r.status === 'needs_data') return '—';
  const pct = r.unit.startsWith('%') || r.unit === 'coverage';
  const digits = Number.isInteger(r.value) ? 0 : r.value < 10 ? 2 : 1;
  return pct ? `${fmtNum(r.value, lang, 1)}%` : `${fmtNum(r.value, lang, digits)} ${UNITS[r.unit]?.[lang] ?? r.unit}`;
}

function targetText(r: IndicatorResult, lang: Lang): string {
  const unit = r.unit.startsWith('%') || r.unit === 'coverage' ? '%' : ` ${UNITS[r.unit]?.[lang] ?? r.unit}`;
  if (r.target === 'complete') return lang === 'zh' ? '全覆盖' : 'complete';
  const t = r.target.replace('>=', '≥ ').replace(/^>/, '> ').replace(/^~/, lang === 'zh' ? '约 ' : '~');
  return `${t}${unit}`;
}

export function TargetsPanel({ lang }: { lang: Lang }) {
  const layers = useAllLayers();
  const wanted = useMemo(() => layers.filter((l) => SOURCES.includes(l.id) || (l.geometry === 'line' && METRO.test(`${l.id} ${l.title.zh} ${l.title.en}`))), [layers]);
  const data = useLayersFC(wanted);
  const targets = useResults((s) => s.targets);
  const cityPop = useResults((s) => s.centralCityPopulation);
  const medicalIds = useResults((s) => s.medicalLayers);
  // Facilities for the per-resident targets: the last medical run's layers, and any layer
  // whose field mapping names a beds, places or area column.
  const mapped = useMemo(() => layers.filter((l) => medicalIds?.includes(l.id) || (l.fieldMap && Object.keys(l.fieldMap).length)), [layers, medicalIds]);
  const mappedData = useLayersFC(mapped);

  const results = useMemo(() => {
    const metro = wanted.find((l) => l.geometry === 'line');
    const byId = (id: string) => wanted.find((l) => l.id === id);
    const gather = (pick: (l: CatalogLayer) => boolean) => {
      const ls = mapped.filter(pick);
      if (!ls.length) return { fc: undefined, completeness: undefined };
      const features = ls.flatMap((l) => (mappedData[l.id] ? applyFieldMap(mappedData[l.id], l.fieldMap).features : []));
      return { fc: { type: 'FeatureCollection', features } as FeatureCollection, completeness: combineCompleteness(ls.map(completenessOf)) };
    };
    const medical = gather((l) => !!medicalIds?.includes(l.id) || !!l.fieldMap?.beds);
    const childcare = gather((l) => !!l.fieldMap?.places);
    const sports = gather((l) => !!l.fieldMap?.area);
    const coverage = Object.fromEntries(Object.entries(targets).map(([k, run]) => [k, { ...run, completeness: run.completeness ?? completenessOf(undefined) }]));
    const inp: IndicatorInputs = {
      districts: data['districts'],
      shelters: data['shelters'],
      historicBlocks: data['historic-blocks'],
      parks: data['parks'],
      works: data['plan-projects'],
      metro: metro ? data[metro.id] : undefined,
      medical: medical.fc,
      childcare: childcare.fc,
      sports: sports.fc,
      coverage,
      centralCityPopulation: cityPop,
      completeness: {
        shelters: completenessOf(byId('shelters')),
        historicBlocks: completenessOf(byId('historic-blocks')),
        parks: completenessOf(byId('parks')),
        works: completenessOf(byId('plan-projects')),
        metro: metro ? completenessOf(metro) : undefined,
        medical: medical.completeness,
        childcare: childcare.completeness,
        sports: sports.completeness,
      },
    };
    return computeIndicators(inp);
  }, [data, targets, cityPop, wanted, medicalIds, mapped, mappedData]);

  return (
    <section className="an-targets">
      <p className="an-note">{tr('targetsIntro', lang)}</p>
      <ul className="an-target-list">
        {results.map((r) => {
          const run = targets[r.id as keyof typeof targets];
          return (
            <li key={r.id} data-target={r.id} data-status={r.status} className={`an-target ${r.status}`}>
              <div className="an-target-head">
                <span className="an-target-name">{pick(r.indicator, lang)}</span>
                <span className={`an-badge ${r.status}`}>{tr(r.status, lang)}</span>
              </div>
              <dl className="an-target-vals">
                <dt>{tr('measured', lang)}</dt>
                <dd data-value={r.value ?? ''}>{valueText(r, lang)}</dd>
                <dt>{tr('targetCol', lang)}</dt>
                <dd>{targetText(r, lang)}</dd>
              </dl>
              <p className="an-target-detail">{pick(r.detail, lang)}</p>
              {run && (
                <p className="an-target-detail">
                  {tr('measuredOver', lang)}: {pick(run.areaLabel, lang)} · {run.minutes} {lang === 'zh' ? '分钟' : 'min'}
                  {run.mode === 'network' ? (lang === 'zh' ? '（网络）' : ' (network)') : ''}
                </p>
              )}
              {r.breakdown && r.breakdown.some((b) => b.value !== null) && (
                <details className="an-breakdown">
                  <summary>{tr('byDistrict', lang)}</summary>
                  <ul>
                    {r.breakdown.map((b) => (
                      <li key={b.zone} className={b.status}>
                        <span>{b.zone}</span>
                        <span>{b.value === null ? tr('incomplete', lang) : fmtNum(b.value, lang, Number.isInteger(b.value) ? 0 : 2)}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              <p className="an-cite">
                {cite(r.plan_ref, r.id).map((c) => (
                  <span key={c.ref} className="an-cite-ref" title={c.ref}>
                    <code>{c.ref}</code> {pick(c.text, lang)}
                  </span>
                ))}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
