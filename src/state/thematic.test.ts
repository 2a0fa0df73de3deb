import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash, encodeJsonParam } from './url';
import { checkThematic, checkThematicStyle, patchThematic, setThematic, type ThematicStyle } from './thematic';
import { initialState } from './appState';
import { thematicParam } from './linkParams';
import { applyUrl, checkersOf, toUrlState } from './urlState';

const params = [thematicParam];
const checkers = checkersOf(params);

const full: ThematicStyle = {
  v: 1, kind: 'graduated', field: '人口密度', method: 'target', classes: 3, target: { threshold: 1.5, close: 0.2, id: 'shelter_per_capita' },
  ramp: 'RdYlBu', reverse: true, label: 'name', breaks: [1, 2],
};
const cats: ThematicStyle = { v: 1, kind: 'categories', field: 'type', topN: 4, order: ['b', 'a'], rename: { a: '甲 <b>' } };

describe('thematic URL state', () => {
  it('round-trips through the hash', () => {
    const s = setThematic(setThematic(initialState(), 'districts', full), 'plan-projects', cats);
    const hash = encodeHash(toUrlState(s, params));
    expect(hash).toContain('th=');
    const { state, notices } = decodeHash(hash, { checkers });
    expect(notices).toEqual([]);
    expect(state.params?.th).toEqual({ districts: full, 'plan-projects': cats });
    expect(applyUrl(initialState(), state, notices, params).thematic).toEqual(s.thematic);
  });
  it('drops bad values with notices in both languages and keeps the rest', () => {
    const raw = { districts: { ...full, classes: 99, ramp: 'NotARamp' }, nope: cats, parks: { v: 2, kind: 'graduated', field: 'x' } };
    const r = checkThematic(raw, new Set(['districts', 'parks']));
    const { classes, ramp, ...rest } = full;
    void classes; void ramp;
    expect(r.value).toEqual({ districts: rest });
    const codes = r.notices.map((n) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['thematic.classes', 'thematic.ramp', 'thematic.layer', 'thematic.version']));
    for (const n of r.notices) {
      expect(n.message.zh).toMatch(/已忽略/);
      expect(n.message.en).toMatch(/ignored/);
    }
  });
  it('rejects what is not a style', () => {
    expect(checkThematicStyle(null).value).toBeNull();
    expect(checkThematicStyle({ v: 1, kind: 'graduated' }).value).toBeNull();
    expect(checkThematicStyle({ v: 1, kind: 'paint' }).value).toBeNull();
    expect(checkThematicStyle({ v: 1, kind: 'graduated', field: 'x', method: 'target' }).value).toEqual({ v: 1, kind: 'graduated', field: 'x' });
    expect(checkThematic([1, 2]).value).toBeNull();
  });
  it('a bad th= is dropped with a notice (no thematic styles)', () => {
    const { state, notices } = decodeHash('#v=1&th=%%%', { checkers });
    expect(notices.length).toBe(1);
    expect(applyUrl(setThematic(initialState(), 'districts', full), state, notices, params).thematic).toEqual({});
    const partly = decodeHash(`#v=1&th=${encodeJsonParam({ districts: { ...full, classes: 0 }, x: { v: 3 } })}`, { checkers });
    expect(partly.notices.map((n) => n.code)).toEqual(['thematic.classes', 'thematic.version']);
    expect(Object.keys(partly.state.params?.th as object)).toEqual(['districts']);
  });
});

describe('thematic updaters', () => {
  it('patch creates, changes and clears', () => {
    let s = patchThematic(initialState(), 'd', { field: 'pop', method: 'quantile' });
    expect(s.thematic.d).toEqual({ v: 1, kind: 'graduated', field: 'pop', method: 'quantile' });
    s = patchThematic(s, 'd', { method: undefined, classes: 4 });
    expect(s.thematic.d).toEqual({ v: 1, kind: 'graduated', field: 'pop', classes: 4 });
    expect(setThematic(s, 'd', null).thematic).toEqual({});
  });
});

describe('embed set-style message', async () => {
  const { parseHostMessage } = await import('../embed/messages');
  it('accepts a valid style and null, rejects a bad one with the reason', () => {
    expect(parseHostMessage({ type: 'renewal-map:set-style', layerId: 'districts', style: cats })).toEqual({ command: { type: 'renewal-map:set-style', layerId: 'districts', style: cats } });
    expect(parseHostMessage({ type: 'renewal-map:set-style', layerId: 'districts', style: null })).toEqual({ command: { type: 'renewal-map:set-style', layerId: 'districts', style: null } });
    const bad = parseHostMessage({ type: 'renewal-map:set-style', layerId: 'districts', style: { v: 1, kind: 'graduated', field: 'x', classes: 0 } });
    expect(bad && 'error' in bad && bad.error).toMatch(/classes/);
    expect(parseHostMessage({ type: 'renewal-map:set-style', style: cats })).toEqual({ error: 'layerId: not a layer id' });
  });
});

describe('saved state of loaded layers', async () => {
  const { settingsOf, applySettings, addUserLayers, makeUserLayer, removeUserLayer } = await import('./userLayers');
  const { readSettings } = await import('../io/persist');
  const layer = makeUserLayer({ id: 'u-a-1', name: 'a', fileName: 'a.geojson', source: 'a', sourceCrs: 'WGS84', kind: 'polygon', featureCount: 1, color: '#123456', fields: ['x'] }, 'blob:x');
  it('keeps a loaded layer’s style across a save and a restore; checks it on the way back', () => {
    let s = addUserLayers(initialState(), [layer]);
    s = setThematic(setThematic(s, 'u-a-1', full), 'districts', cats);
    const saved = JSON.parse(JSON.stringify(settingsOf(s)));
    expect(Object.keys(saved.thematic)).toEqual(['u-a-1']);
    const back = applySettings(initialState(), readSettings(saved));
    expect(back.thematic).toEqual({ 'u-a-1': full });
    const bad = applySettings(initialState(), readSettings({ thematic: { 'u-a-1': { v: 7 }, districts: cats } }));
    expect(bad.thematic).toEqual({});
  });
  it('removing the layer removes its style', () => {
    const s = setThematic(addUserLayers(initialState(), [layer]), 'u-a-1', full);
    expect(removeUserLayer(s, 'u-a-1').thematic).toEqual({});
  });
});
