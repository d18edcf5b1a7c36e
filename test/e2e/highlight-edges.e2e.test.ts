/**
 * Highlighting at the edges of what a page does, in each real browser: a page switched into
 * design mode (the reader edits it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, selectText, serveSite, type E2EBrowser, type TestPage } from './harness';

const DEMO = readFileSync(fileURLToPath(new URL('../../demo/portal-article.html', import.meta.url)), 'utf8');
const DESIGN_PATH = '/news/2024-02/23/content_21.htm';
const READY = 'html[data-sourcemark-cleanup="on"]';
const PHRASE = { phrase: '其部分技术源于', length: 14 };

/** In the page: whether our colour toolbar is shown. */
const toolbarShown = (): boolean => Boolean(document.querySelector('sourcemark-annotator')?.shadowRoot?.querySelector('.toolbar'));

async function open(browser: E2EBrowser, url: string): Promise<TestPage> {
  const page = await browser.openPage(url);
  await page.waitForSelector(READY, { timeoutMs: 10_000 });
  // The card comes in above the story after cleanup: text is measured for the mouse once it is there.
  await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
  return page;
}

/** Whether the toolbar shows within `ms` of the selection (it comes on the mouseup's next render). */
async function toolbarWithin(page: TestPage, ms: number): Promise<boolean> {
  return pollUntil(() => page.evaluate(toolbarShown), Boolean, 'the toolbar', { intervalMs: 100, timeoutMs: ms }).catch(() => false);
}

describe.each(browsers)('highlighting at the page’s edges in $name', (target) => {
  const site = serveSite(target, {
    routes: {
      [DESIGN_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
    },
  });

  // A reader who turns a page into an editor (designMode, as "edit this page" tools do) selects to
  // edit: the toolbar there would stand over the words typed.
  it('offers no toolbar over a page in design mode, and offers it again once the page is not', async () => {
    const page = await open(site.browser(), site.url(DESIGN_PATH));
    await selectText(page, PHRASE);
    expect(await toolbarWithin(page, 5_000)).toBe(true);
    await page.press('Escape');
    await page.evaluate(() => void (document.designMode = 'on'));
    expect((await selectText(page, PHRASE)).length).toBeGreaterThan(0);
    expect(await toolbarWithin(page, 1_500)).toBe(false);
    await page.evaluate(() => void (document.designMode = 'off'));
    await selectText(page, PHRASE);
    expect(await toolbarWithin(page, 5_000)).toBe(true);
    await page.close();
  });
});
