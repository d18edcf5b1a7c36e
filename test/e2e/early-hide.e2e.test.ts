/**
 * The document_start rule that hides ad-network slots while an article loads runs only where the
 * settings would hide ads: a reader who left ads on pages, switched a site off or turned "Clean
 * pages" off sees the slot from the first paint, not hidden and then shown once the analysis ran.
 * Each test leaves the settings as it found them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { articleShapedUrl } from '../../utils/url-shape';
import { browsers, serveSite } from './harness';
import type { TestPage } from './harness/types';

const DEMO = readFileSync(new URL('../../demo/portal-article.html', import.meta.url), 'utf8');
// The demo story at an article-shaped address, with an AdSense slot at the top of its body and a
// page script right after it that notes what the page looked like while it was still loading.
const PATH = '/2024-02/23/content_123.htm';
const PAGE = DEMO.replace(
  '<body>',
  `<body><ins class="adsbygoogle" id="slot" style="display:block;width:300px;height:250px"></ins>
<script>window.__whileLoading = { rule: document.documentElement.hasAttribute('data-sourcemark-early'), slotShown: document.getElementById('slot').checkVisibility() };</script>`,
);
const POLL = { timeoutMs: 10_000, intervalMs: 100 };
type WhileLoading = { rule: boolean; slotShown: boolean };

describe.each(browsers)('the early ad-slot rule in $name', (target) => {
  const site = serveSite(target, { routes: { [PATH]: { body: PAGE, contentType: 'text/html; charset=utf-8' } } });
  let visit = 0;

  /** A fresh load of the page (on another host name for the same server): what it looked like while loading. */
  async function whileLoading(host = '127.0.0.1'): Promise<WhileLoading> {
    const page = await site.browser().openPage(site.url(`${PATH}?visit=${++visit}`).replace('127.0.0.1', host));
    try {
      return await page.evaluate(() => (window as unknown as { __whileLoading: WhileLoading }).__whileLoading);
    } finally {
      await page.close();
    }
  }
  const hidden = (): Promise<WhileLoading> => pollUntil(whileLoading, (s) => s.rule, 'the slot hidden while loading', POLL);
  const shown = (): Promise<WhileLoading> => pollUntil(whileLoading, (s) => !s.rule, 'the slot shown while loading', POLL);

  async function options(): Promise<TestPage> {
    const page = await site.browser().openExtensionPage('options.html');
    await page.waitForSelector('input[data-kind="ad"]', { timeoutMs: 10_000 });
    return page;
  }

  it('hides the slot while the page loads, under the default settings', async () => {
    expect(articleShapedUrl(site.url(PATH))).toBe(true);
    expect(await hidden()).toEqual({ rule: true, slotShown: false });
  });

  it('leaves it alone from the start once ads are left on pages, and hides it again when they are not', async () => {
    await hidden();
    const page = await options();
    await page.click('input[data-kind="ad"]');
    expect(await shown()).toEqual({ rule: false, slotShown: true });
    await page.click('input[data-kind="ad"]');
    expect(await hidden()).toEqual({ rule: true, slotShown: false });
    await page.close();
  });

  it('leaves it alone on a site switched off in the popup, and with "Clean pages" off', async () => {
    await hidden();
    const story = await site.browser().openPage(site.url(PATH));
    const popup = await site.browser().openPopupFor(story);
    await popup.waitForSelector('[data-testid="toggle-site"]', { timeoutMs: 10_000 });
    await popup.click('[data-testid="toggle-site"]');
    expect(await shown()).toEqual({ rule: false, slotShown: true });
    // Only that site: an exclusion the browser refused would leave the rule registered nowhere.
    expect(await whileLoading('localhost')).toEqual({ rule: true, slotShown: false });
    await popup.click('[data-testid="toggle-site"]');
    await hidden();
    await popup.close();
    await story.close();

    const page = await options();
    await page.click('.switch input');
    expect(await shown()).toEqual({ rule: false, slotShown: true });
    await page.click('.switch input');
    await hidden();
    await page.close();
  });
});
