import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogLayer } from '../../catalog/types';
import { initialState } from '../../state/appState';
import { defaultExportLayer } from './exportActions';

const layer = (id: string): CatalogLayer => ({
  id, file: `${id}.geojson`, title: { zh: id, en: id }, group: 'context', geometry: 'point', source: 's',
  source_crs: 'WGS84', accuracy_m: 1, visible: true, style: { color: '#000' }, feature_count: 1, bbox: [0, 0, 1, 1],
});
const catalog: Catalog = { version: 1, generated: '', layers: ['districts', 'parks', 'plan-projects'].map(layer) };

describe('defaultExportLayer', () => {
  const base = { ...initialState(), catalog, visible: ['districts', 'plan-projects'] };
  it('prefers the table layer, then the first visible filtered layer, then the first visible', () => {
    expect(defaultExportLayer({ ...base, tableLayer: 'parks' })).toBe('parks');
    expect(defaultExportLayer({ ...base, filters: { 'plan-projects': { text: 'x' } } })).toBe('plan-projects');
    // A filter on a hidden layer does not count.
    expect(defaultExportLayer({ ...base, filters: { parks: { text: 'x' } } })).toBe('districts');
    expect(defaultExportLayer({ ...base, tableLayer: 'gone' })).toBe('districts');
    expect(defaultExportLayer({ ...base, visible: [] })).toBe('districts');
    expect(defaultExportLayer({ ...base, catalog: null, visible: [] })).toBeNull();
  });
});
