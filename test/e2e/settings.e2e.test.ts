/**
 * Settings in each real browser, acting on a page already open: a kind unticked on the options page
 * is shown at once (the rest stays hidden); "Clean pages" turns cleanup off and on; "Never hide
 * this" in the popup shows one item and the options page lists the rule (and follows the popup's
 * "Hide again" while open); the shortcuts are listed with the keys the browser gave them. Each
 * test leaves the settings as it found them.
 */
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, demoVisibility, openDemo } from './harness';
import type { TestPage } from './harness/types';

const POLL = { timeoutMs: 5_000, intervalMs: 50 };

describe.each(browsers)('settings in $name', (target) => {
  const session = openDemo(target, 'html[data-sourcemark-cleanup="on"]');
  const seen = () => session.demo().evaluate(demoVisibility);

  async function options(): Promise<TestPage> {
    const page = await session.browser().openExtensionPage('options.html');
    await page.waitForSelector('input[data-kind="navigation"]', { timeoutMs: 10_000 });
    return page;
  }

  it('a kind unticked on the options page shows on the open page, while ads and teasers stay hidden', async () => {
    const before = await seen();
    // The demo's site menu and breadcrumb.
    expect(before.navigation).toEqual([false, false]);
    const page = await options();
    expect(await page.evaluate(() => document.title)).toBe('Settings · Sourcemark');
    await page.click('input[data-kind="navigation"]');
    const shown = await pollUntil(seen, (v) => v.navigation.every(Boolean), 'the navigation shown', POLL);
    expect(shown.ads.some(Boolean)).toBe(false);
    expect(shown.teasers.some(Boolean)).toBe(false);
    expect(shown.story.every(Boolean)).toBe(true);

    await page.click('input[data-kind="navigation"]');
    await pollUntil(seen, (v) => !v.navigation.some(Boolean), 'the navigation hidden again', POLL);
    await page.close();
  });

  it('"Clean pages" turns cleanup off on the open page, and on again', async () => {
    const page = await options();
    await page.click('.switch input');
    const off = await pollUntil(seen, (v) => v.ads.every(Boolean), 'the ads back', POLL);
    expect(off.teasers.every(Boolean)).toBe(true);

    await page.click('.switch input');
    await pollUntil(seen, (v) => !v.ads.some(Boolean), 'the ads hidden again', POLL);
    await page.close();
  });

  it('"Never hide this" in the popup shows that one ad, the options page lists the rule, and "Hide again" takes it back', async () => {
    const visibleAds = async () => (await seen()).ads.filter(Boolean).length;
    expect(await visibleAds()).toBe(0);
    const popup = await session.browser().openPopupFor(session.demo());
    await popup.waitForSelector('details[data-kind="ad"] summary', { timeoutMs: 10_000 });
    const verdict = () => popup.evaluate(() => document.querySelector('[data-testid="verdict"]')!.textContent);
    const before = await verdict();
    await popup.click('details[data-kind="ad"] summary');
    await popup.waitForSelector('details[data-kind="ad"] li button', { timeoutMs: 5_000 });
    await popup.click('details[data-kind="ad"] li button');
    await pollUntil(visibleAds, (n) => n === 1, 'one ad shown', POLL);
    // The popup asks the page again: one item fewer out of sight, and the item offers to hide again.
    await pollUntil(verdict, (v) => v !== before, 'the verdict recounted', POLL);
    expect(Number(/(\d+)\D*$/.exec((await verdict())!)![1])).toBe(Number(/(\d+)\D*$/.exec(before!)![1]) - 1);

    const page = await options();
    // The site, and under it the one item kept, by its kind.
    const rules = () =>
      page.evaluate(() => [...document.querySelectorAll('[data-testid="kept-items"] > li')].map((li) => [li.firstChild!.textContent, [...li.querySelectorAll('.kept-kind')].map((k) => k.textContent)]));
    expect(await rules()).toEqual([['127.0.0.1', [expect.any(String)]]]);

    await popup.click('details[data-kind="ad"] li button');
    await pollUntil(visibleAds, (n) => n === 0, 'the ad hidden again', POLL);
    // The options page, open all along, follows the popup's change.
    await pollUntil(rules, (r) => r.length === 0, 'the rule gone from the open options page', POLL);
    await popup.close();
    await page.close();
  });

  it('lists the keyboard shortcuts with the keys the browser gave them: every suggested key taken', async () => {
    const page = await options();
    const rows = () => page.evaluate(() => [...document.querySelectorAll('.shortcuts li')].map((li) => li.querySelector('kbd')?.textContent ?? ''));
    const keys = await pollUntil(rows, (r) => r.length === 3, 'the shortcuts listed', POLL);
    // A browser leaves a command without keys when it keeps the suggested ones for itself
    // (Chromium did with Alt+Shift+R for the reader view).
    expect(keys).toEqual(['Alt+Shift+H', 'Alt+Shift+V', 'Alt+Shift+O']);
    await page.close();
  });
});

