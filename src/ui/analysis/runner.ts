// Runs the analysis: loads the layers, builds the request, hands it to the
// worker, and records status, progress and the result in the results store.
// One run at a time: starting a run or cancelling drops the previous one.
import type { CatalogLayer } from '../../catalog/types';
import { createAnalysisClient, AnalysisError, type AnalysisClient } from '../../analysis/client';
import { AnalysisCancelled } from '../../analysis/steps';
import { layerData } from '../../data/registry';
import type { AnalysisSettings } from '../../state/analysisSettings';
import { cancelRun, failRun, finishRun, setProgress, startRun } from '../../state/analysisResults';
import { actResults, useResults } from '../../state/derivedResults';
import { buildRequest, type RequestData } from './request';

let client: AnalysisClient | null = null;
let current = 0;

const getClient = () => (client ??= createAnalysisClient());

function find(layers: CatalogLayer[], id: string): CatalogLayer {
  const l = layers.find((x) => x.id === id);
  if (!l) throw new AnalysisError({ zh: `图层 ${id} 不存在`, en: `Layer ${id} does not exist` });
  return l;
}

async function gather(s: AnalysisSettings, layers: CatalogLayer[]): Promise<RequestData> {
  if (!s.facilities.length) throw new AnalysisError({ zh: '请至少选择一个设施图层', en: 'Choose at least one facility layer' });
  const fl = s.facilities.map((id) => find(layers, id));
  const al = find(layers, s.area);
  if (al.geometry !== 'polygon') throw new AnalysisError({ zh: '评估范围必须是面图层', en: 'The assessment area must be a polygon layer' });
  const nl = s.network ? find(layers, s.network) : undefined;
  const dl = layers.find((x) => x.id === 'districts');
  const [facilities, area, districts, network] = await Promise.all([
    Promise.all(fl.map(async (layer) => ({ layer, fc: await layerData(layer) }))),
    layerData(al),
    dl ? layerData(dl) : Promise.resolve(undefined),
    nl ? layerData(nl) : Promise.resolve(undefined),
  ]);
  return { facilities, area: { layer: al, fc: area }, districts, network: nl && network ? { layer: nl, fc: network } : undefined };
}

/** Start a run with these settings (cancels any run in progress). */
export async function runAnalysis(settings: AnalysisSettings, layers: CatalogLayer[]): Promise<void> {
  const id = ++current;
  client?.cancel();
  actResults(startRun, id, settings);
  try {
    const data = await gather(settings, layers);
    if (id !== current) return;
    const { spec, meta } = buildRequest(settings, data);
    if (!spec.params.area || !('features' in spec.params.area) || !spec.params.area.features.length) {
      throw new AnalysisError({ zh: '评估范围中没有面要素', en: 'The assessment area has no polygons' });
    }
    const onProgress = (p: Parameters<typeof setProgress>[2]) => actResults(setProgress, id, p);
    if (spec.kind === 'coverage') {
      const result = await getClient().run('coverage', spec.params, onProgress);
      actResults(finishRun, id, { meta, result });
    } else {
      const r = await getClient().run('network', spec.params, onProgress);
      if (!r.coverage) throw new AnalysisError({ zh: '网络分析没有返回覆盖结果', en: 'The network analysis returned no coverage' });
      const { reachedEdges, coverage, nodes: _n, ...stats } = r;
      void _n;
      actResults(finishRun, id, { meta, result: coverage, edges: reachedEdges, network: stats });
    }
  } catch (err) {
    if (err instanceof AnalysisCancelled) actResults(cancelRun, id);
    else if (err instanceof AnalysisError) actResults(failRun, id, err.text);
    else {
      const m = err instanceof Error ? err.message : String(err);
      actResults(failRun, id, { zh: `分析失败：${m}`, en: `Analysis failed: ${m}` });
    }
  }
}

/** Stop the run in progress (if any): status becomes cancelled and nothing from it is drawn. */
export function cancelAnalysis(): void {
  const id = current;
  if (useResults.getState().status !== 'running') return;
  current++;
  client?.cancel();
  actResults(cancelRun, id);
}
