/**
 * The extension speaks the browser's language: under an English, Japanese, Korean, Hong Kong or
 * Singapore Chromium the popup's verdict and the page's card come from that locale file, set in that
 * language's faces, and the extension's pages say so in their lang attribute. Chromium only: Firefox ESR as packaged has no interface language but en-US.
 */
import { describe, expect, it } from 'vitest';
import { cjkRegions } from '../helpers/font-stack';
import { browsers, openDemo } from './harness';

const chromium = browsers.find((b) => b.name === 'chromium')!;

describe.each([
  { lang: 'en', article: /^Article · 海南信息港 · \d+ items hidden$/, card: 'Where this story came from', faces: 'SC' },
  { lang: 'ja', article: /^記事 · 海南信息港 · \d+ 件を非表示$/, card: 'この記事の出どころ', faces: 'JP' },
  { lang: 'ko', article: /^기사 · 海南信息港 · 항목 \d+개 숨김$/, card: '이 기사의 출처', faces: 'KR' },
  // Regions with no file of their own in _locales: the build writes theirs (wxt.config.ts).
  { lang: 'zh-HK', article: /^文章 · 海南信息港 · 已隱藏 \d+ 項$/, card: '這篇報導從哪裡來', faces: 'TC' },
  { lang: 'zh-SG', article: /^文章 · 海南信息港 · 已隐藏 \d+ 项$/, card: '这篇报道从哪里来', faces: 'SC' },
])('the interface in $lang', ({ lang, article, card, faces }) => {
  const session = openDemo(chromium, 'sourcemark-provenance', { lang });

  it('titles the card in the browser’s language, and marks the card with it on a page in another', async () => {
    const seen = await session.demo().evaluate(() => {
      const shadow = document.querySelector('sourcemark-provenance')?.shadowRoot;
      return { title: shadow?.querySelector('.title')?.textContent ?? '', lang: shadow?.querySelector('.card')?.getAttribute('lang') ?? null, page: document.documentElement.lang };
    });
    expect(seen).toEqual({ title: card, lang, page: 'zh-CN' });
  });

  it('gives the popup’s verdict in it, and marks the popup’s page with it', async () => {
    const popup = await session.browser().openPopupFor(session.demo());
    await popup.waitForSelector('[data-testid="verdict"]', { timeoutMs: 10_000 });
    const seen = await popup.evaluate(() => ({ lang: document.documentElement.lang, verdict: document.querySelector('[data-testid="verdict"]')!.textContent!.replace(/\s+/g, ' ').trim() }));
    expect(seen.lang).toBe(lang);
    expect(seen.verdict).toMatch(article);
    await popup.close();
  });

  it('sets the card and the popup in the CJK faces of its region, on a Chinese page', async () => {
    const card = await session.demo().evaluate(() => getComputedStyle(document.querySelector('sourcemark-provenance')!.shadowRoot!.querySelector('.card')!).fontFamily);
    const popup = await session.browser().openPopupFor(session.demo());
    await popup.waitForSelector('[data-testid="verdict"]', { timeoutMs: 10_000 });
    const page = await popup.evaluate(() => getComputedStyle(document.querySelector('[data-testid="verdict"]')!).fontFamily);
    await popup.close();
    expect({ card: [...new Set(cjkRegions(card))], popup: [...new Set(cjkRegions(page))] }).toEqual({ card: [faces], popup: [faces] });
  });
});
