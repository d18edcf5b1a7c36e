import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '@/utils/analyze';
import { articleShapedUrl } from '@/utils/url-shape';
import { EARLY_HIDE_ATTR, applyEarlyHide, liftEarlyHide } from '@/utils/early-hide';
import { parseHtml } from '../helpers/dom';

const DEMO = readFileSync(new URL('../../demo/portal-article.html', import.meta.url), 'utf8');
const URL_ = 'https://www.hinews.example/news/2024-02/23/content_123.htm';

/** One of each ad-network slot the early rule names, in the demo page's sidebar. */
const SLOTS = [
  '<ins class="adsbygoogle" data-ad-slot="1"></ins>',
  '<div id="div-gpt-ad-123-0"><iframe id="google_ads_iframe_1"></iframe></div>',
  '<iframe src="https://tpc.googlesyndication.com/safeframe/1"></iframe>',
  '<iframe src="https://ad.doubleclick.net/x"></iframe>',
  '<iframe src="https://pos.baidu.com/s?x=1"></iframe>',
  '<iframe src="https://cpro.baidu.com/x"></iframe>',
  '<iframe src="https://g.tanx.com/x"></iframe>',
];
const withSlots = () => parseHtml(DEMO.replace('<div class="right">', `<div class="right">${SLOTS.map((s) => `<div class="slot">${s}</div>`).join('')}`), URL_);

describe('articleShapedUrl', () => {
  it.each([
    [URL_, true],
    ['https://news.example.cn/a/123_456', true],
    ['https://news.example.cn/', false],
    ['https://news.example.cn/list_3.shtml', false],
    ['https://www.example.com/search?q=sora', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(articleShapedUrl(url)).toBe(expected);
  });
});

describe('early hide', () => {
  it('hides the named slots only while the root carries the attribute, and lifting removes everything', () => {
    const doc = withSlots();
    const slot = () => doc.querySelector('ins.adsbygoogle')!;
    const display = () => doc.defaultView!.getComputedStyle(slot()).display;
    const before = display();
    applyEarlyHide(doc);
    expect(doc.documentElement.hasAttribute(EARLY_HIDE_ATTR)).toBe(true);
    expect(display()).toBe('none');
    liftEarlyHide(doc);
    expect(display()).toBe(before);
    expect(doc.querySelector('style[data-sourcemark-ui]')).toBeNull();
  });

  it('names only slots the full cleanup hides too, so lifting it on a cleaned article reveals nothing', () => {
    const doc = withSlots();
    const hidden = analyzePage(doc, { url: URL_ }).hidden.map((h) => h.el);
    for (const slot of doc.querySelectorAll('.slot > *')) {
      const covered = hidden.some((el) => el === slot || el.contains(slot));
      expect(covered, slot.outerHTML).toBe(true);
    }
  });
});
