import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { computeCoverage } from '../../analysis/coverage';
import { fc, point, rect } from '../../analysis/testgeo';
import { DEFAULT_ANALYSIS } from '../../state/analysisSettings';
import { buildRequest, filterFacilities, inferTarget, populationOptions, selectArea, type LayerInfo } from './request';

const L = (id: string, zh = id, en = id, geometry: LayerInfo['geometry'] = 'point'): LayerInfo => ({ id, title: { zh, en }, geometry });
const districts = fc([
  rect(-2000, -1000, 0, 1000, { name: '西区', population_2020: 1000 }),
  rect(0, -1000, 2000, 1000, { name: '东区', population_2020: 3000 }),
]);
const central = fc([rect(-1000, -1000, 1000, 1000, { name: '中心城区' })]);

describe('building the worker request', () => {
  it('circle mode: radius = walk ÷ detour, all facility layers merged', () => {
    const { spec, meta } = buildRequest({ ...DEFAULT_ANALYSIS, facilities: ['a', 'b'] }, {
      facilities: [{ layer: L('a'), fc: fc([point(0, 0)]) }, { layer: L('b'), fc: fc([point(10, 0), point(20, 0)]) }],
      area: { layer: L('districts', '行政区', 'Districts', 'polygon'), fc: districts },
      districts,
    });
    expect(spec.kind).toBe('coverage');
    if (spec.kind !== 'coverage') return;
    expect(spec.params.radiusM).toBeCloseTo(1000 / 1.3, 6);
    expect(spec.params.facilities.features).toHaveLength(3);
    expect(meta).toMatchObject({ mode: 'circle', walkM: 1000, facilityCount: 3, populationSource: 'attribute', centralCity: false });
    const named = buildRequest(DEFAULT_ANALYSIS, {
      facilities: [{ layer: L('a'), fc: fc([]) }],
      area: { layer: L('d', 'd', 'd', 'polygon'), fc: fc([rect(0, 0, 10, 10, { name: '东区', name_en: 'East' })]) },
    });
    expect(named.meta.namesEn).toEqual({ 东区: 'East' });
  });

  it('network mode walks the full distance along the network', () => {
    const net: FeatureCollection = fc([]);
    const { spec, meta } = buildRequest({ ...DEFAULT_ANALYSIS, network: 'streets', minutes: 10 }, {
      facilities: [{ layer: L('shelters'), fc: fc([point(0, 0)]) }],
      area: { layer: L('districts', '行政区', 'Districts', 'polygon'), fc: districts },
      network: { layer: L('streets', 's', 's', 'line'), fc: net },
    });
    expect(spec.kind).toBe('network');
    if (spec.kind === 'network') expect(spec.params.reachM).toBeCloseTo((10 * 4000) / 60, 6);
    if (spec.kind === 'network') expect(spec.params.levelAttribute).toBeUndefined();
    expect(meta.mode).toBe('network');
    const leveled = buildRequest({ ...DEFAULT_ANALYSIS, network: 'streets', levelAttr: 'z_order' }, {
      facilities: [{ layer: L('shelters'), fc: fc([point(0, 0)]) }],
      area: { layer: L('districts', '行政区', 'Districts', 'polygon'), fc: districts },
      network: { layer: L('streets', 's', 's', 'line'), fc: net },
    });
    if (leveled.spec.kind === 'network') expect(leveled.spec.params.levelAttribute).toBe('z_order');
    else expect.unreachable('network mode');
  });

  it('central city: residents from the districts spread by area', () => {
    const { spec, meta } = buildRequest({ ...DEFAULT_ANALYSIS, area: 'central-city' }, {
      facilities: [{ layer: L('shelters'), fc: fc([point(0, 0)]) }],
      area: { layer: L('central-city', '中心城区', 'Central city', 'polygon'), fc: central },
      districts,
    });
    expect(meta.populationSource).toBe('districts');
    expect(meta.namesEn).toEqual({});
    expect(meta.centralCity).toBe(true);
    if (spec.kind !== 'coverage') throw new Error('expected coverage');
    const r = computeCoverage({ ...spec.params, options: { ...spec.params.options, cellSize: 10 } });
    // half of each district's area lies in the box: 500 + 1500 residents
    expect(Math.abs(r.population! - 2000) / 2000).toBeLessThan(0.01);
  });

  it('picks one feature of the area layer by name', () => {
    expect(selectArea(districts, '东区').features.map((f) => f.properties?.name)).toEqual(['东区']);
    expect(selectArea(districts, 'nowhere').features).toHaveLength(0);
    expect(selectArea(districts).features).toHaveLength(2);
  });
});

describe('residents and facilities', () => {
  it('prefers a chosen attribute, then population_2020, then the districts layer', () => {
    expect(populationOptions(central, 'pop', districts)).toEqual({ options: { populationProperty: 'pop' }, source: 'attribute' });
    expect(populationOptions(districts, undefined, districts).source).toBe('attribute');
    expect(populationOptions(central, undefined, districts).options.populationLayer).toBe(districts);
    expect(populationOptions(central, undefined, undefined).source).toBe('none');
  });

  it('filters plan projects by renewal type only', () => {
    const p = fc([point(0, 0, { renewal_type: 'residential' }), point(1, 0, { renewal_type: 'green' })]);
    expect(filterFacilities('plan-projects', p, ['green'])).toHaveLength(1);
    expect(filterFacilities('plan-projects', p, [])).toHaveLength(2);
    expect(filterFacilities('parks', p, ['green'])).toHaveLength(2);
  });
});

describe('which plan target a run answers', () => {
  it('follows the user’s tag', () => {
    expect(inferTarget({ target: 'elderly_15min', minutes: 5 }, [L('x')])).toBe('elderly_15min');
    expect(inferTarget({ target: 'none', minutes: 15 }, [L('shelters')])).toBeNull();
  });

  it('guesses from the facility layers', () => {
    expect(inferTarget({ minutes: 15 }, [L('shelters', '应急避难场所', 'Emergency shelters')])).toBe('shelter_coverage');
    expect(inferTarget({ minutes: 15 }, [L('u-1', '社区卫生服务中心', 'clinics')])).toBe('medical_15min');
    expect(inferTarget({ minutes: 15 }, [L('u-2', '养老驿站', 'elderly care')])).toBe('elderly_15min');
    expect(inferTarget({ minutes: 10 }, [L('u-1', '医院', 'hospitals')])).toBeNull();
    expect(inferTarget({ minutes: 15 }, [L('parks', '公园', 'Parks')])).toBeNull();
    expect(inferTarget({ minutes: 15 }, [L('shelters', '应急避难场所', 'Shelters'), L('parks', '公园', 'Parks')])).toBeNull();
  });
});
