import { describe, expect, it, vi } from 'vitest';
import { startEmbedHost } from './host';
import type { HostCommand } from './messages';

/** A minimal window: message listeners, an origin, and a parent that records what it is sent. */
function fakeWindow(ancestor?: string) {
  const listeners: ((e: MessageEvent) => void)[] = [];
  const sent: { msg: unknown; target: string }[] = [];
  const parent = { postMessage: (msg: unknown, target: string) => sent.push({ msg, target }) };
  const win = {
    location: { origin: 'https://map.example', ancestorOrigins: ancestor ? [ancestor] : undefined },
    document: { referrer: '' },
    parent,
    addEventListener: (_: string, fn: (e: MessageEvent) => void) => listeners.push(fn),
    removeEventListener: (_: string, fn: (e: MessageEvent) => void) => listeners.splice(listeners.indexOf(fn), 1),
  };
  const dispatch = (origin: string, data: unknown) => listeners.forEach((l) => l({ origin, data, source: parent } as unknown as MessageEvent));
  return { win: win as unknown as Window, dispatch, sent, listeners };
}

const setView = { type: 'renewal-map:set-view', view: { lng: 117.2, lat: 39.1, zoom: 12 } };

describe('startEmbedHost', () => {
  it('applies commands from allowed origins and the same origin only', () => {
    const f = fakeWindow();
    const applied: HostCommand[] = [];
    const h = startEmbedHost({ origins: ['https://a.example'], apply: (c) => applied.push(c), win: f.win });
    f.dispatch('https://a.example', setView);
    f.dispatch('https://map.example', { type: 'renewal-map:set-layers', layers: ['parks'] });
    f.dispatch('https://evil.example', setView);
    f.dispatch('https://evil.example', { type: 'something-else' });
    expect(applied.map((c) => c.type)).toEqual(['renewal-map:set-view', 'renewal-map:set-layers']);
    expect(h.stats).toMatchObject({ accepted: 2, rejected: 1, invalid: 0 });
  });

  it('warns about invalid messages from allowed origins and ignores foreign ones silently', () => {
    const f = fakeWindow();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const apply = vi.fn();
    const h = startEmbedHost({ origins: [], apply, win: f.win });
    f.dispatch('https://map.example', { type: 'renewal-map:set-view', view: { lng: 'x' } });
    f.dispatch('https://map.example', { hello: 1 });
    expect(apply).not.toHaveBeenCalled();
    expect(h.stats.invalid).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('posts to the parent only when its origin is allowed, and stops listening', () => {
    const ok = fakeWindow('https://a.example');
    const h = startEmbedHost({ origins: ['https://a.example'], apply: () => {}, win: ok.win });
    expect(h.post({ type: 'renewal-map:ready', version: 1, layers: [] })).toBe(true);
    expect(ok.sent).toEqual([{ msg: { type: 'renewal-map:ready', version: 1, layers: [] }, target: 'https://a.example' }]);
    h.stop();
    expect(ok.listeners).toHaveLength(0);

    const other = fakeWindow('https://b.example');
    const h2 = startEmbedHost({ origins: ['https://a.example'], apply: () => {}, win: other.win });
    expect(h2.post({ type: 'renewal-map:ready', version: 1, layers: [] })).toBe(false);
    expect(other.sent).toEqual([]);
  });
});
