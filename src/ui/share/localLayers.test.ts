import { describe, expect, it } from 'vitest';
import { localLayersInLink, withDataParam } from './localLayers';

describe('links and local layers', () => {
  it('adds ?data= and drops the local id from layers=, keeping the rest of the state', () => {
    const link = 'http://127.0.0.1:4173/#map=12/39.12/117.2&layers=districts,u-abc-1,shelters&v=1';
    const out = new URL(withDataParam(link, 'https://files.example.cn/my.geojson', 'u-abc-1'));
    expect(out.searchParams.get('data')).toBe('https://files.example.cn/my.geojson');
    expect(out.hash).toBe('#map=12/39.12/117.2&layers=districts,shelters&v=1');
  });

  it('lists only the loaded layers the link shows', () => {
    const ls = [{ id: 'u-1' }, { id: 'u-2' }];
    expect(localLayersInLink(ls, ['districts', 'u-2'])).toEqual([{ id: 'u-2' }]);
    expect(localLayersInLink(ls, [])).toEqual([]);
  });
});
