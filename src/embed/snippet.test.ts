import { describe, expect, it } from 'vitest';
import { cssLength, embedUrl, iframeSnippet, pageBase, shareUrl } from './snippet';

describe('share and embed URLs', () => {
  it('builds a share link from the page and the state hash, dropping embed parameters', () => {
    expect(shareUrl('https://h.example/app/?embed=1&origins=https://a.example#old', '#map=10/39/117&v=1'))
      .toBe('https://h.example/app/#map=10/39/117&v=1');
    expect(shareUrl('https://h.example/app/?x=2', 'map=1/2/3')).toBe('https://h.example/app/?x=2#map=1/2/3');
    expect(pageBase('https://h.example/app/?a=1#b')).toBe('https://h.example/app/');
  });

  it('builds the embed URL with embed=1, the origins and the hash', () => {
    expect(embedUrl('https://h.example/app/#whatever', '#map=10/39/117&v=1', ['https://a.example', 'https://b.example:8443']))
      .toBe('https://h.example/app/?embed=1&origins=https://a.example,https://b.example:8443#map=10/39/117&v=1');
    expect(embedUrl('https://h.example/', '#v=1')).toBe('https://h.example/?embed=1#v=1');
    const u = new URL(embedUrl('https://h.example/', '#v=1', ['https://a.example']));
    expect(u.searchParams.get('origins')).toBe('https://a.example');
  });
});

describe('iframe snippet', () => {
  it('escapes attributes and sizes the frame', () => {
    const s = iframeSnippet({ src: 'https://h.example/?embed=1&origins=x#a"b', width: '640', height: '100%', title: '天津 <map>' });
    expect(s).toContain('src="https://h.example/?embed=1&amp;origins=x#a&quot;b"');
    expect(s).toContain('title="天津 &lt;map&gt;"');
    expect(s).toContain('width="640"');
    expect(s).toContain('width:640px;height:100%');
    expect(s.startsWith('<iframe ')).toBe(true);
    expect(s.endsWith('</iframe>')).toBe(true);
  });

  it('falls back on invalid sizes', () => {
    expect(cssLength('800', '1')).toBe('800');
    expect(cssLength('50%', '1')).toBe('50%');
    expect(cssLength('expression(alert(1))', '500')).toBe('500');
    expect(cssLength('"><script>', '500')).toBe('500');
    expect(iframeSnippet({ src: 'a', width: 'x', height: '', title: '' })).toContain('width="800" height="500"');
  });
});
