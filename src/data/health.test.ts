import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { healthCheck } from '../analysis/healthCheck';
import { inProcessClient } from './inProcess';

const rect = (w: number, s: number, e: number, n: number, properties: Record<string, unknown>): Feature => ({
  type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});
const pt = (x: number, y: number, properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [x, y] } });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const districts = fc([rect(117.0, 39.0, 117.02, 39.02, { name: '甲区', population_2020: 10000 }), rect(117.05, 39.0, 117.07, 39.02, { name: '乙区', population_2020: 20000 })]);
const streets = fc([rect(117.0, 39.0, 117.01, 39.01, { name: '一街道', population_2020: 4000 }), rect(117.05, 39.0, 117.06, 39.01, { name: '二街道', population_2020: 5000 })]);
const shelters = fc([pt(117.005, 39.005, { name: 's1', area_m2: 6000 })]);
const parks = fc([rect(117.0, 39.0, 117.005, 39.005, { name: 'p' })]);
const blocks = fc([]);
const projects = fc([pt(117.001, 39.001, { renewal_type: 'green' })]);

async function service() {
  const c = inProcessClient();
  for (const [id, f] of Object.entries({ districts, streets, shelters, parks, blocks, projects })) await c.put(id, f);
  return c;
}
const ids = { districts: 'districts', shelters: 'shelters', parks: 'parks', historicBlocks: 'blocks', projects: 'projects' };

describe("the service's health check (computed where the layers are held)", () => {
  it('gives the same table as the pure function, and it survives a structured copy (the worker boundary)', async () => {
    const c = await service();
    const r = await c.call('health', { units: 'districts', ...ids, unitsLabel: { zh: '行政区', en: 'Districts' }, censusFallback: true, minutes: 15 });
    const direct = healthCheck({ units: districts, unitsLabel: { zh: '行政区', en: 'Districts' }, censusFallback: true, populationLayer: districts, shelters, parks, historicBlocks: blocks, projects, minutes: 15 });
    const copied = structuredClone(r);
    expect(copied.table.indicators.map((i) => i.id)).toEqual(direct.indicators.map((i) => i.id));
    expect(copied.table.indicators.map((i) => i.cells.map((x) => x.value))).toEqual(direct.indicators.map((i) => i.cells.map((x) => x.value)));
    expect(copied.units.features).toHaveLength(2);
  });

  it('drills down to the finer units inside one district', async () => {
    const c = await service();
    const r = await c.call('health', { units: 'streets', ...ids, drill: { district: '乙区' }, unitsLabel: { zh: '街道', en: 'Streets' }, censusFallback: false, minutes: 15 });
    expect(r.table.units.map((u) => u.name)).toEqual(['二街道']);
  });

  it('fails with a message when the units layer is not held', async () => {
    const c = await service();
    await expect(c.call('health', { units: 'nope', ...ids, unitsLabel: { zh: 'x', en: 'x' }, censusFallback: false, minutes: 15 })).rejects.toThrow(/nope/);
  });
});
