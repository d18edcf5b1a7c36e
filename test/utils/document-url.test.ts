import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { documentUrl } from '@/utils/analyze';
import { parseHtml } from '../helpers/dom';

describe('documentUrl', () => {
  const page = (head: string, url?: string) => parseHtml(`<html><head>${head}</head><body></body></html>`, url);

  it('prefers the given URL, then canonical, then og:url', () => {
    expect(documentUrl(page('<link rel="canonical" href="https://a.cn/x.html">'), 'https://given.cn/')).toBe('https://given.cn/');
    expect(documentUrl(page('<link rel="canonical" href="https://a.cn/x.html"><meta property="og:url" content="https://b.cn/">'))).toBe('https://a.cn/x.html');
    expect(documentUrl(page('<meta property="og:url" content="https://b.cn/y">'))).toBe('https://b.cn/y');
  });

  it('reads rel=canonical in any case, the first such link winning', () => {
    expect(documentUrl(page('<link rel="stylesheet" href="/s.css"><link rel="Canonical" href="https://a.cn/x.html"><link rel="canonical" href="https://c.cn/">'))).toBe('https://a.cn/x.html');
  });

  it('resolves a relative canonical against the page, and drops it when there is no page URL', () => {
    expect(documentUrl(page('<link rel="canonical" href="/news/1.html">', 'https://site.cn/a/b.html'))).toBe('https://site.cn/news/1.html');
    // A saved page parsed without a URL (about:blank), as the CLI does without --url.
    expect(documentUrl(new JSDOM('<link rel="canonical" href="/rel">').window.document)).toBeNull();
    expect(documentUrl(page(''))).toBeNull();
  });
});
