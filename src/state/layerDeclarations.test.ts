import { describe, expect, it } from 'vitest';
import { declareComplete, initFieldMap, mapField } from './layerDeclarations';
import type { AppState, UserLayer } from './appState';

const layer = { id: 'u-1', title: { zh: 'a', en: 'a' }, style: { color: '#e6007e' } } as unknown as UserLayer;
const state = { userLayers: [layer] } as unknown as AppState;

describe('layer declarations', () => {
  it('declares a loaded layer complete and takes it back', () => {
    const s1 = declareComplete(state, 'u-1', true);
    expect(s1.userLayers[0].completeness?.complete).toBe(true);
    expect(declareComplete(s1, 'u-1', true)).toBe(s1);
    const s2 = declareComplete(s1, 'u-1', false);
    expect(s2.userLayers[0].completeness).toBeUndefined();
    expect(declareComplete(state, 'nope', true)).toBe(state);
  });

  it('maps columns to roles, removes a role with an empty column, guesses only once', () => {
    const s1 = mapField(state, 'u-1', 'beds', '床位');
    expect(s1.userLayers[0].fieldMap).toEqual({ beds: '床位' });
    expect(mapField(s1, 'u-1', 'beds', '').userLayers[0].fieldMap).toEqual({});
    expect(initFieldMap(s1, 'u-1', { places: 'x' })).toBe(s1);
    expect(initFieldMap(state, 'u-1', { places: 'x' }).userLayers[0].fieldMap).toEqual({ places: 'x' });
  });
});
