import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { pageUrl } from '@/utils/analyze';
import { parseHtml } from '../helpers/dom';

describe('pageUrl', () => {
  const page = (head: string, url?: string) => parseHtml(`<html><head>${head}</head><body></body></html>`, url);

  it('prefers the given URL, then canonical, then og:url', () => {
    expect(pageUrl(page('<link rel="canonical" href="https://a.cn/x.html">'), 'https://given.cn/')).toBe('https://given.cn/');
    expect(pageUrl(page('<link rel="canonical" href="https://a.cn/x.html"><meta property="og:url" content="https://b.cn/">'))).toBe('https://a.cn/x.html');
    expect(pageUrl(page('<meta property="og:url" content="https://b.cn/y">'))).toBe('https://b.cn/y');
  });

  it('resolves a relative canonical against the page, and drops it when there is no page URL', () => {
    expect(pageUrl(page('<link rel="canonical" href="/news/1.html">', 'https://site.cn/a/b.html'))).toBe('https://site.cn/news/1.html');
    // A saved page parsed without a URL (about:blank), as the CLI does without --url.
    expect(pageUrl(new JSDOM('<link rel="canonical" href="/rel">').window.document)).toBeNull();
    expect(pageUrl(page(''))).toBeNull();
  });
});
