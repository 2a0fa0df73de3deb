import { describe, expect, it } from 'vitest';
import { checkDataUrl, dataParam, fetchIssue, fileNameOf } from './dataUrl.ts';

const BASE = 'http://127.0.0.1:4173/app/';

describe('checkDataUrl', () => {
  it('accepts http and https, resolving relative paths against the page', () => {
    expect(checkDataUrl('https://example.org/data/parks.geojson', BASE)).toEqual({ ok: true, url: 'https://example.org/data/parks.geojson', name: 'parks.geojson' });
    expect(checkDataUrl('geo/x.geojson', BASE)).toMatchObject({ ok: true, url: 'http://127.0.0.1:4173/app/geo/x.geojson' });
    expect(checkDataUrl('//cdn.example.org/a.csv', BASE)).toMatchObject({ ok: true, url: 'http://cdn.example.org/a.csv' });
  });

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:'],
    ['data:application/json,{}', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['blob:http://127.0.0.1/uuid', 'blob:'],
    ['ftp://example.org/a.geojson', 'ftp:'],
  ])('refuses %s naming the scheme', (raw, scheme) => {
    const r = checkDataUrl(raw, BASE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue.code).toBe('url.data_scheme');
      expect(r.issue.message.en).toContain(scheme);
      expect(r.issue.message.zh).toContain(scheme);
    }
  });

  it('refuses empty values, control characters and credentials', () => {
    expect(checkDataUrl('  ', BASE)).toMatchObject({ ok: false, issue: { code: 'url.data_invalid' } });
    expect(checkDataUrl('http://a\u0000b', BASE)).toMatchObject({ ok: false, issue: { code: 'url.data_invalid' } });
    expect(checkDataUrl('https://user:pw@example.org/a.geojson', BASE)).toMatchObject({ ok: false, issue: { code: 'url.data_invalid' } });
  });
});

describe('dataParam / fileNameOf / fetchIssue', () => {
  it('reads the query parameter decoded', () => {
    expect(dataParam('?data=https%3A%2F%2Fexample.org%2Fa.geojson&x=1')).toBe('https://example.org/a.geojson');
    expect(dataParam('?x=1')).toBeNull();
  });

  it('names a URL by its last path segment, else the host', () => {
    expect(fileNameOf(new URL('https://e.org/d/%E5%85%AC%E5%9B%AD.geojson?x=1'))).toBe('公园.geojson');
    expect(fileNameOf(new URL('https://e.org/'))).toBe('e.org');
  });

  it('tells HTTP errors from network/CORS failures', () => {
    expect(fetchIssue('https://e.org/a', { status: 404 })).toMatchObject({ code: 'fetch.http', message: { en: expect.stringContaining('404') } });
    const n = fetchIssue('https://e.org/a', new TypeError('Failed to fetch'));
    expect(n.code).toBe('fetch.network');
    expect(n.message.en).toContain('CORS');
  });
});
