import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { USER_COLORS } from '../state/userLayers';
import { coloursIn, deltaE, rgbOf } from './colour';

/** Coverage classes drawn by the analysis overlay (covered, uncovered, reached streets). */
const COVERAGE = ['#1c9a8a', '#d4583b', '#0f6f63', '#0b5d8f'];
/** Clearly different at a glance on a small swatch. */
const APART = 25;

describe('colour difference', () => {
  it('is zero for the same colour and large for black and white', () => {
    expect(deltaE('#123456', '#123456')).toBe(0);
    expect(deltaE('#000000', '#ffffff')).toBeCloseTo(100, 0);
    expect(() => deltaE('red', '#fff')).toThrow(/rrggbb/);
  });

  it('keeps loaded layers apart from every colour a shipped layer or coverage class uses', () => {
    const shipped = [...coloursIn(JSON.parse(readFileSync('seeds/layers.json', 'utf8')).layers.map((l: { style: unknown }) => l.style)), ...COVERAGE];
    expect(shipped.length).toBeGreaterThan(20);
    const close: string[] = [];
    for (const u of USER_COLORS) for (const s of shipped) if (deltaE(u, s) < APART) close.push(`${u} ~ ${s}: ${deltaE(u, s).toFixed(1)}`);
    expect(close).toEqual([]);
  });

  it('keeps the historic blocks’ dots apart from every project category (文旅融合 included)', () => {
    const layers = JSON.parse(readFileSync('seeds/layers.json', 'utf8')).layers as { id: string; style: { color: string; categories?: { values: Record<string, string> } } }[];
    const blocks = layers.find((l) => l.id === 'historic-blocks')!.style.color;
    const cats = Object.values(layers.find((l) => l.id === 'plan-projects')!.style.categories!.values);
    for (const c of cats) expect(deltaE(blocks, c), c).toBeGreaterThan(APART);
  });

  it('keeps loaded layers apart from each other', () => {
    for (const a of USER_COLORS) for (const b of USER_COLORS) if (a !== b) expect(deltaE(a, b), `${a} ${b}`).toBeGreaterThan(20);
  });
});

describe('colour bytes', () => {
  it('reads #rrggbb and #rgb, and nothing else', () => {
    expect(rgbOf('#3182bd')).toEqual([0x31, 0x82, 0xbd]);
    expect(rgbOf('#FFF')).toEqual([255, 255, 255]);
    expect(rgbOf('rgb(1,2,3)')).toBeNull();
    expect(rgbOf('#12345')).toBeNull();
  });
});
