import { describe, expect, it } from 'vitest';
import {
  attributionLines, dateStamp, imageFileName, imageLayout, legendEntries, metresPerPixel, northAngle, scaleBar, shortSource, wrapText,
  niceDenominator, scaleDenominator, legendEntries as legendOf, coverageLegend,
} from './exportImage';

describe('metresPerPixel', () => {
  it('matches 512-px Web Mercator tiles', () => {
    // Zoom 0: the equator (40,075 km) spans one 512-px tile.
    expect(metresPerPixel(0, 0)).toBeCloseTo(40_075_016.686 / 512, 3);
    // Each zoom level halves it; latitude shrinks it by cos(lat).
    expect(metresPerPixel(0, 10)).toBeCloseTo(76.437, 3);
    expect(metresPerPixel(60, 10)).toBeCloseTo(76.437 / 2, 3);
    // Tianjin at zoom 12: about 14.8 m per pixel (half the 256-px-tile figure).
    expect(metresPerPixel(39.13, 12)).toBeCloseTo((156543.03392 / 2) * Math.cos((39.13 * Math.PI) / 180) / 4096, 4);
  });
});

describe('scaleBar', () => {
  it('picks the longest 1-2-5 distance that fits', () => {
    expect(scaleBar(10, 120)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(scaleBar(4, 120)).toEqual({ metres: 200, px: 50, label: '200 m' });
    expect(scaleBar(1, 120).metres).toBe(100);
    const b = scaleBar(metresPerPixel(39.4, 7.85), 140);
    expect(b.px).toBeLessThanOrEqual(140);
    expect(b.px).toBeGreaterThan(140 / 2.5);
    expect(b.label).toMatch(/^\d+ km$/);
  });
});

describe('legendEntries', () => {
  const layers = [
    { id: 'a', title: { zh: '甲', en: 'A' }, geometry: 'polygon' as const, style: { color: '#111', outline: '#222' } },
    {
      id: 'b', title: { zh: '乙', en: 'B' }, geometry: 'point' as const,
      style: { color: '#333', categories: { property: 'kind', values: { x: '#f00', y: '#0f0' } } },
    },
    { id: 'c', title: { zh: '丙', en: 'C' }, geometry: 'line' as const, style: { color: '#444' } },
  ];
  it('lists visible layers in catalog order with category entries', () => {
    const g = legendEntries(layers, ['c', 'b'], 'en', (p, v) => `${p}=${v}`);
    expect(g.map((x) => x.layerId)).toEqual(['b', 'c']);
    expect(g[0]).toMatchObject({ title: 'B', kind: 'point', items: [{ label: 'kind=x', color: '#f00' }, { label: 'kind=y', color: '#0f0' }] });
    expect(g[1]).toMatchObject({ title: 'C', kind: 'line', color: '#444', items: [] });
    expect(legendEntries(layers, [], 'zh')).toEqual([]);
    expect(legendEntries(layers, ['a'], 'zh')[0]).toMatchObject({ title: '甲', outline: '#222' });
  });
});

describe('attribution', () => {
  it('keeps the first clause of each distinct visible source', () => {
    expect(shortSource('Digitised by hand; no source geometry')).toBe('Digitised by hand');
    expect(shortSource('x'.repeat(200), 10)).toBe('x'.repeat(9) + '…');
    const layers = [
      { id: 'a', source: 'Hand-digitised; details' },
      { id: 'b', source: 'Hand-digitised; other' },
      { id: 'c', source: 'Public reports' },
    ];
    expect(attributionLines(layers, ['a', 'b'], '© OSM', { zh: '数据', en: 'Data' }, 'en')).toEqual(['© OSM', 'Data: Hand-digitised']);
    expect(attributionLines(layers, ['a', 'c'], '', undefined, 'zh')).toEqual(['数据：Hand-digitised；Public reports']);
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length * 10;
  it('wraps Latin text at spaces and CJK text between characters', () => {
    expect(wrapText('aaa bbb ccc', 75, measure)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('天津城市更新行动', 40, measure)).toEqual(['天津城市', '更新行动']);
    expect(wrapText('', 40, measure)).toEqual([]);
  });
  it('ends an overflowing last line with an ellipsis', () => {
    const lines = wrapText('aaa bbb ccc ddd', 75, measure, 1);
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('…')).toBe(true);
    expect(measure(lines[0])).toBeLessThanOrEqual(75);
  });
});

describe('layout and names', () => {
  it('puts the legend right of the map and the bands above and below', () => {
    const l = imageLayout(800, 600, 2);
    expect(l.map).toEqual({ x: 0, y: l.header.h, w: 800, h: 600 });
    expect(l.legend.x).toBe(800);
    expect(l.width).toBe(800 + l.legend.w);
    expect(l.footer.y).toBe(l.header.h + 600);
    expect(l.height).toBe(l.footer.y + l.footer.h);
    expect(imageLayout(800, 600, 4).footer.h).toBeGreaterThan(l.footer.h);
    expect(l.north.x).toBeGreaterThan(l.map.w / 2);
    expect(l.scale.y).toBeGreaterThan(l.map.y + l.map.h / 2);
  });
  it('turns the north arrow against the bearing and names the file by date', () => {
    expect(northAngle(0)).toBeCloseTo(0);
    expect(northAngle(90)).toBeCloseTo(-Math.PI / 2);
    const d = new Date(2024, 2, 5, 23, 59);
    expect(dateStamp(d)).toBe('2024-03-05');
    expect(imageFileName(d)).toBe('天津城市更新-2024-03-05.png');
  });
});

describe('print scale and briefing legend', () => {
  it('gives 1:N from the ground width and the printed width, to three figures', () => {
    // 10 km across printed 200 mm wide: 1:50,000
    expect(scaleDenominator(10_000, 200)).toBe(50_000);
    expect(niceDenominator(48_734)).toBe(48_700);
    expect(niceDenominator(123.4)).toBe(123);
    expect(niceDenominator(0)).toBe(0);
  });

  it('lists only layers and categories the map draws, and the coverage classes', () => {
    const layers = [
      { id: 'p', title: { zh: '项目', en: 'P' }, geometry: 'point' as const, style: { color: '#111', categories: { property: 't', values: { a: '#f00', b: '#0f0', c: '#00f' } } } },
      { id: 'q', title: { zh: '乙', en: 'Q' }, geometry: 'line' as const, style: { color: '#222' } },
    ];
    const g = legendOf(layers, ['p', 'q'], 'zh', (_p, v) => v.toUpperCase(), { p: new Set(['b']) });
    expect(g.map((x) => x.layerId)).toEqual(['p']);
    expect(g[0].items).toEqual([{ label: 'B', color: '#0f0' }]);
    const cov = coverageLegend('覆盖分析', { covered: '覆盖范围', uncovered: '未覆盖' });
    expect(cov.items.map((i) => i.label)).toEqual(['覆盖范围', '未覆盖']);
  });
});
