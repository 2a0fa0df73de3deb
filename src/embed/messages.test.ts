import { describe, expect, it } from 'vitest';
import { cloneableProperties, featureClickMessage, isAllowedOrigin, parseHostMessage, parseOrigins, readyMessage } from './messages';

describe('parseHostMessage', () => {
  it('ignores messages that are not of the protocol', () => {
    expect(parseHostMessage(null)).toBeNull();
    expect(parseHostMessage('renewal-map:set-view')).toBeNull();
    expect(parseHostMessage({ type: 'webpackOk' })).toBeNull();
    expect(parseHostMessage({ source: 'react-devtools' })).toBeNull();
  });

  it('accepts a valid set-view and normalises the bearing', () => {
    const r = parseHostMessage({ type: 'renewal-map:set-view', view: { lng: 117.2, lat: 39.1, zoom: 12, bearing: -90 } });
    expect(r).toEqual({ command: { type: 'renewal-map:set-view', view: { lng: 117.2, lat: 39.1, zoom: 12, bearing: 270 } } });
  });

  it.each([
    [{ lng: 200, lat: 39, zoom: 10 }, 'view.lng'],
    [{ lng: 117, lat: 95, zoom: 10 }, 'view.lat'],
    [{ lng: 117, lat: 39, zoom: 30 }, 'view.zoom'],
    [{ lng: '117', lat: 39, zoom: 10 }, 'view.lng'],
    [{ lng: 117, lat: 39, zoom: Number.NaN }, 'view.zoom'],
    [{ lng: 117, lat: 39, zoom: 10, pitch: 90 }, 'view.pitch'],
    [[117, 39, 10], 'view: not an object'],
  ])('rejects a bad view %j', (view, reason) => {
    const r = parseHostMessage({ type: 'renewal-map:set-view', view });
    expect(r && 'error' in r && r.error).toContain(reason);
  });

  it('accepts layer lists, deduplicated, and rejects anything else', () => {
    expect(parseHostMessage({ type: 'renewal-map:set-layers', layers: ['parks', 'parks', 'rivers'] }))
      .toEqual({ command: { type: 'renewal-map:set-layers', layers: ['parks', 'rivers'] } });
    expect(parseHostMessage({ type: 'renewal-map:set-layers', layers: [] }))
      .toEqual({ command: { type: 'renewal-map:set-layers', layers: [] } });
    for (const layers of ['parks', [1], [''], null, Array(201).fill('x')]) {
      expect(parseHostMessage({ type: 'renewal-map:set-layers', layers })).toHaveProperty('error');
    }
  });

  it('validates filters with parseLayerFilter and drops empty ones', () => {
    const r = parseHostMessage({
      type: 'renewal-map:set-filters',
      filters: { 'plan-projects': { categories: { renewal_type: ['green', 'green', 'hub'] } }, parks: {} },
    });
    expect(r).toEqual({
      command: { type: 'renewal-map:set-filters', filters: { 'plan-projects': { categories: { renewal_type: ['green', 'hub'] } } } },
    });
    const bad = parseHostMessage({ type: 'renewal-map:set-filters', filters: { parks: { ranges: { area_ha: ['a', 3] } } } });
    expect(bad && 'error' in bad && bad.error).toContain('filters.parks');
    expect(parseHostMessage({ type: 'renewal-map:set-filters', filters: [] })).toHaveProperty('error');
    expect(parseHostMessage({ type: 'renewal-map:set-filters', filters: { parks: { evil: 1 } } })).toHaveProperty('error');
  });

  it('reports unknown message types of the protocol', () => {
    const r = parseHostMessage({ type: 'renewal-map:explode' });
    expect(r && 'error' in r && r.error).toContain('unknown message type');
  });
});

describe('origins', () => {
  it('parses and normalises the origins parameter', () => {
    const r = parseOrigins('https://a.example, https://B.example:443/,http://c.example:8080,javascript:alert(1),https://d.example/path,ftp://e.example,https://u:p@f.example');
    expect(r.origins).toEqual(['https://a.example', 'https://b.example', 'http://c.example:8080']);
    expect(r.rejected).toEqual(['javascript:alert(1)', 'https://d.example/path', 'ftp://e.example', 'https://u:p@f.example']);
    expect(parseOrigins(null)).toEqual({ origins: [], rejected: [] });
    expect(parseOrigins('https://a.example,https://a.example').origins).toEqual(['https://a.example']);
  });

  it('allows the same origin and listed origins only', () => {
    const self = 'https://map.example';
    expect(isAllowedOrigin(self, [], self)).toBe(true);
    expect(isAllowedOrigin('https://a.example', ['https://a.example'], self)).toBe(true);
    expect(isAllowedOrigin('https://b.example', ['https://a.example'], self)).toBe(false);
    expect(isAllowedOrigin('http://a.example', ['https://a.example'], self)).toBe(false);
    expect(isAllowedOrigin('null', ['null'], self)).toBe(false);
    expect(isAllowedOrigin('', [], self)).toBe(false);
  });
});

describe('outgoing messages', () => {
  it('posts only plain properties, without internal ones', () => {
    const p = cloneableProperties({ name: '五大道', area: 1.5, ok: true, none: null, __i: 3, f: () => 1, tags: ['a'] });
    expect(p).toEqual({ name: '五大道', area: 1.5, ok: true, none: null, tags: ['a'] });
    expect(featureClickMessage('historic-blocks', { name: 'x', __i: 1 })).toEqual({
      type: 'renewal-map:feature-click', layerId: 'historic-blocks', properties: { name: 'x' },
    });
    expect(readyMessage(['parks'])).toEqual({ type: 'renewal-map:ready', version: 1, layers: ['parks'] });
  });
});
