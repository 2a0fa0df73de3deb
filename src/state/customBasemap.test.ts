import { describe, expect, it } from 'vitest';
import { CUSTOM_BASEMAP_KEY, loadCustomBasemap, saveCustomBasemap, useCustomBasemap } from './customBasemap';

function memory(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) } as Storage;
}

describe('custom basemap storage', () => {
  it('keeps one basemap in the browser and reads it back', () => {
    const s = memory();
    saveCustomBasemap({ name: '院内底图', url: 'https://x.cn/tj.pmtiles', kind: 'pmtiles', tileType: 'mvt' }, s);
    expect(JSON.parse(s.getItem(CUSTOM_BASEMAP_KEY)!).name).toBe('院内底图');
    useCustomBasemap.setState({ custom: null });
    expect(loadCustomBasemap(s)).toMatchObject({ kind: 'pmtiles', tileType: 'mvt' });
    saveCustomBasemap(null, s);
    expect(loadCustomBasemap(s)).toBeNull();
  });

  it('ignores anything malformed', () => {
    const s = memory();
    s.setItem(CUSTOM_BASEMAP_KEY, '{"name":1}');
    expect(loadCustomBasemap(s)).toBeNull();
    s.setItem(CUSTOM_BASEMAP_KEY, 'not json');
    expect(loadCustomBasemap(s)).toBeNull();
  });
});
