import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { markDuplicateLabels } from './labels';

const pts = (...xs: [string, number, number][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: xs.map(([name, x, y]) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: [x, y] } })),
});

describe('one label per place', () => {
  it('marks a later layer’s point with the same name nearby, not a distant namesake', () => {
    const parks = pts(['水上公园', 117.1607, 39.0887]);
    const shelters = pts(['水上公园', 117.1605, 39.0885], ['梅江会展中心', 117.2155, 39.0495]);
    const projects = pts(['水上公园', 117.1608, 39.0887], ['梅江会展中心', 117.2155, 39.0495], ['解放南路', 117.3, 39.0]);
    const far = pts(['水上公园', 117.3, 39.2]);
    const n = markDuplicateLabels([{ id: 'parks', points: parks }, { id: 'shelters', points: shelters }, { id: 'plan-projects', points: projects }, { id: 'x', points: far }]);
    expect(n).toBe(3);
    expect(shelters.features[0].properties!.__label_dup).toBe('parks');
    expect(projects.features[0].properties!.__label_dup).toBe('parks');
    expect(projects.features[1].properties!.__label_dup).toBe('shelters');
    expect(projects.features[2].properties!.__label_dup).toBeUndefined();
    expect(far.features[0].properties!.__label_dup).toBeUndefined();
    expect(parks.features[0].properties!.__label_dup).toBeUndefined();
  });
});
