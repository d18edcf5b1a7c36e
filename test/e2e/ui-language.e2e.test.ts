/**
 * The extension speaks the browser's language: under a Japanese, Korean, Hong Kong or Singapore
 * Chromium the popup's verdict and the page's card come from that locale file, and the extension's
 * pages say so in their lang attribute. Chromium only: Firefox ESR as packaged has no interface language but en-US.
 */
import { describe, expect, it } from 'vitest';
import { browsers, openDemo } from './harness';

const chromium = browsers.find((b) => b.name === 'chromium')!;

describe.each([
  { lang: 'ja', article: /^記事 · 海南信息港 · \d+ 件を非表示$/, card: 'この記事の出どころ' },
  { lang: 'ko', article: /^기사 · 海南信息港 · 항목 \d+개 숨김$/, card: '이 기사의 출처' },
  // Regions with no file of their own in _locales: the build writes theirs (wxt.config.ts).
  { lang: 'zh-HK', article: /^文章 · 海南信息港 · 已隱藏 \d+ 項$/, card: '這篇報導從哪裡來' },
  { lang: 'zh-SG', article: /^文章 · 海南信息港 · 已隐藏 \d+ 项$/, card: '这篇报道从哪里来' },
])('the interface in $lang', ({ lang, article, card }) => {
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
});
