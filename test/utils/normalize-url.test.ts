import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesForTab, normalizeUrl, popupPageUrl } from '@/utils/normalize-url';

describe('normalizeUrl', () => {
  it.each([
    ['drops the fragment', 'https://news.cn/a.html#comments', 'https://news.cn/a.html'],
    ['drops a text fragment link', 'https://news.cn/a.html#:~:text=%E4%B8%AD', 'https://news.cn/a.html'],
    ['drops utm_* in any case', 'https://news.cn/a.html?utm_source=x&UTM_Medium=y&utm_campaign=z', 'https://news.cn/a.html'],
    ['drops spm and scm trails', 'https://news.cn/a.html?spm=a2c4g.11186623&scm=1007.1', 'https://news.cn/a.html'],
    ['drops ad click ids', 'https://site.com/p?fbclid=1&gclid=2&msclkid=3&yclid=4&igshid=5', 'https://site.com/p'],
    ['keeps other params in order', 'https://site.com/p?id=7&utm_source=x&page=2&spm=1&a=b', 'https://site.com/p?id=7&page=2&a=b'],
    ['keeps their original encoding', 'https://site.com/s?q=%E4%B8%AD%E6%96%87+x&utm_term=1', 'https://site.com/s?q=%E4%B8%AD%E6%96%87+x'],
    ['drops an encoded tracker name', 'https://site.com/p?utm%5Fsource=x&id=1', 'https://site.com/p?id=1'],
    ['keeps a param that only contains a tracker name', 'https://site.com/p?myspm=1&spmx=2', 'https://site.com/p?myspm=1&spmx=2'],
    ['keeps valueless params', 'https://site.com/p?print&utm_source', 'https://site.com/p?print'],
    ['drops empty pairs and a bare ?', 'https://site.com/p?&&', 'https://site.com/p'],
    ['lower-cases the host', 'https://News.Sina.COM.cn/Path/A.html', 'https://news.sina.com.cn/Path/A.html'],
    ['drops a default port', 'https://site.com:443/a', 'https://site.com/a'],
    ['drops the http default port', 'http://site.com:80/a', 'http://site.com/a'],
    ['keeps a non-default port', 'https://site.com:8443/a', 'https://site.com:8443/a'],
    ['leaves an unparsable URL unchanged', 'not a url #frag', 'not a url #frag'],
    ['leaves an empty string unchanged', '', ''],
  ])('%s', (_, input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  // Names labelled by hand: trackers must go, everything else must stay, in order.
  const TRACKERS = ['utm_source', 'UTM_Medium', 'utm_', 'spm', 'scm', 'fbclid', 'gclid', 'msclkid', 'utm%5Fterm'];
  const KEPT = ['id', 'q', 'page', 'from', 'spmx', 'myutm_source', '%E4%B8%AD', 'a+b'];
  const value = fc.string({ unit: fc.constantFrom('a', '1', ' ', '%', '%20', '=', '中', '/', '?', '+') });
  const url = fc
    .record({
      host: fc.constantFrom('news.cn', 'WWW.Example.COM', 'a.b.sina.com.cn:443', 'site.org:8080'),
      path: fc.constantFrom('/', '/a.html', '/新闻/2024/x', '/p;x'),
      params: fc.array(fc.tuple(fc.constantFrom(...TRACKERS, ...KEPT), fc.option(value, { nil: undefined })), { maxLength: 6 }),
      fragment: fc.option(fc.string(), { nil: undefined }),
    })
    .map(({ host, path, params, fragment }) => {
      const query = params.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&');
      return { href: `https://${host}${path}${query ? `?${query}` : ''}${fragment === undefined ? '' : `#${fragment}`}`, params };
    });

  it('is idempotent', () => {
    fc.assert(
      fc.property(url, ({ href }) => {
        const once = normalizeUrl(href);
        expect(normalizeUrl(once)).toBe(once);
      }),
    );
  });

  it('drops exactly the tracking parameters and the fragment, keeping the rest in order', () => {
    fc.assert(
      fc.property(url, ({ href, params }) => {
        const out = new URL(normalizeUrl(href));
        expect(out.hash).toBe('');
        const keptNames = params.map(([k]) => k).filter((k) => KEPT.includes(k));
        expect([...out.searchParams.keys()]).toEqual(keptNames.map((k) => decodeURIComponent(k.replace(/\+/g, ' '))));
      }),
    );
  });
});

describe('changesForTab', () => {
  const changed = ['https://news.example.cn/a.htm', 'https://news.example.cn/b.htm', 'https://bank.example.com/statement', 'http://news.example.cn/c.htm'];

  it("tells a tab only its own origin's changed pages", () => {
    expect(changesForTab('https://news.example.cn/b.htm#top', changed)).toEqual(['https://news.example.cn/a.htm', 'https://news.example.cn/b.htm']);
    expect(changesForTab('https://bank.example.com/', changed)).toEqual(['https://bank.example.com/statement']);
  });

  it('tells nothing to a tab of another origin, or one showing no web page or an address we cannot see', () => {
    expect(changesForTab('https://other.example.org/', changed)).toEqual([]);
    expect(changesForTab('chrome://settings/', changed)).toEqual([]);
    expect(changesForTab(undefined, changed)).toEqual([]);
  });
});

describe('popupPageUrl', () => {
  it("takes the content script's page when it shares the tab's origin (a continuous-reading site's next story)", () => {
    expect(popupPageUrl('https://news.example.cn/b.htm', 'https://news.example.cn/a.htm')).toBe('https://news.example.cn/b.htm');
  });

  it('refuses a page of another origin, and trusts the script where the tab hides its address', () => {
    expect(popupPageUrl('https://bank.example.com/statement', 'https://news.example.cn/a.htm')).toBeNull();
    expect(popupPageUrl('https://news.example.cn/b.htm', '')).toBe('https://news.example.cn/b.htm');
  });
});

