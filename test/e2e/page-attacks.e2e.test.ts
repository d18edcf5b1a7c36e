/**
 * What a hostile page can do to the extension from its own scripts, in each real browser. The
 * page runs in its own world: it can fire events at the document, make selections and post
 * messages, and it knows the extension's id (Firefox's is in the manifest, a store extension's is public).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { GECKO_ID } from '../../wxt.config';
import { browsers, clickHighlight, clickInAnnotator, demoVisibility, inAnnotator, selectText, serveSite, type E2EBrowser } from './harness';

const DEMO_DIR = fileURLToPath(new URL('../../demo', import.meta.url));
/** A page that is no article: only the small script every page gets runs on it until the reader selects text. */
const NOTICE_PATH = '/about/notice.htm';
const NOTICE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站说明</title></head><body><p>本网站的所有内容仅供参考，转载请注明出处。</p></body></html>';

/** The demo article with a script that copies whatever our note editor holds into the page's own DOM. */
const SPYING_PATH = '/news/2024-02/23/content_31.htm';
const SPY = `<script>setInterval(() => {
  const note = document.querySelector('sourcemark-annotator')?.shadowRoot?.querySelector('textarea')?.value;
  if (note) document.body.dataset.stolen = note;
}, 50);</script>`;
const SPYING = readFileSync(`${DEMO_DIR}/portal-article.html`, 'utf8').replace('</body>', `${SPY}</body>`);
const html = (body: string) => ({ body, contentType: 'text/html; charset=utf-8' });
/** The demo article, whose own script selects a passage as it loads. */
const SELECTING_PATH = '/news/2024-02/23/content_32.htm';
const SELECTING = readFileSync(`${DEMO_DIR}/portal-article.html`, 'utf8').replace(
  '</body>',
  `<script>getSelection().selectAllChildren(document.querySelectorAll('#text p')[2]);</script></body>`,
);

describe.each(browsers)('a hostile page in $name', (target) => {
  const site = serveSite(target, { root: DEMO_DIR, routes: { [NOTICE_PATH]: html(NOTICE), [SPYING_PATH]: html(SPYING), [SELECTING_PATH]: html(SELECTING) } });

  // WXT stops an older copy of a content script when a newer one fires an event named from the
  // extension's id and the script's name on the document: the page can fire it too.
  it('cannot stop the analysis by firing the event a newer copy of the script fires', async () => {
    const runtimeId = target.name === 'firefox' ? GECKO_ID : await extensionId(site.browser());
    const demo = await site.browser().openPage(site.url('/portal-article.html'));
    await demo.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    await demo.evaluate((id: string) => {
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    }, runtimeId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await demo.evaluate(() => document.documentElement.getAttribute('data-sourcemark-cleanup'))).toBe('on');
    expect((await demo.evaluate(demoVisibility)).ads.some(Boolean)).toBe(false);
    await demo.close();
  });

  // The reader's selection loads the highlighter, which offers its toolbar for it: a selection the
  // page makes, with a mouseup of its own making, is not the reader's.
  it('cannot have the highlight toolbar offered for a selection it made itself', async () => {
    const page = await site.browser().openPage(site.url(NOTICE_PATH));
    await page.evaluate(() => {
      const text = document.querySelector('p')!.firstChild!;
      getSelection()!.setBaseAndExtent(text, 0, text, 8);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await inAnnotator(page, (root) => Boolean(root?.querySelector('.toolbar')))).toBe(false);
    await page.close();
  });

  // The analysis offers the toolbar as it loads when the reader's selection is what loaded it.
  it('cannot have the highlight toolbar offered for a selection it made before the analysis came', async () => {
    const page = await site.browser().openPage(site.url(SELECTING_PATH));
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    expect(await page.evaluate(() => getSelection()!.toString().length)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await inAnnotator(page, (root) => Boolean(root?.querySelector('.toolbar')))).toBe(false);
    await page.close();
  });

  // The note editor is drawn in the page, inside our shadow root: an open one is the page's to
  // read, a saved note opened in it too. (Keys typed still pass the page's capture listeners on
  // their way in, as all typing on a page does.)
  it('cannot read the note in our editor’s field', async () => {
    const page = await site.browser().openPage(site.url(SPYING_PATH));
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    await selectText(page, { phrase: '其部分技术源于', length: 14 });
    await clickInAnnotator(page, '.toolbar .swatch[data-color="green"]');
    const drawn = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-green')?.size ?? 0);
    await pollUntil(drawn, Boolean, 'the green highlight', { intervalMs: 100 });
    await clickHighlight(page, 'sourcemark-green');
    await clickInAnnotator(page, '.editor textarea');
    await page.typeKeys('只给自己看的笔记');
    await pollUntil(() => inAnnotator(page, (root) => root?.querySelector('textarea')?.value), (v) => v === '只给自己看的笔记', 'the note typed', { intervalMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.evaluate(() => document.body.dataset.stolen ?? null)).toBeNull();
    await page.close();
  });
});

/** Chromium's id for the unpacked extension: the host of its pages. */
async function extensionId(browser: E2EBrowser): Promise<string> {
  const page = await browser.openExtensionPage('options.html');
  const id = new URL(page.url()).host;
  await page.close();
  return id;
}
