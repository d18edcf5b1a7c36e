/**
 * Highlighting at the edges of what a page does, in each real browser: a page switched into
 * design mode (the reader edits it), a page that writes itself anew with document.open(), and a
 * selection inside a frame the page embeds, where the extension's scripts do not run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, clickInAnnotator, drawnYellow, inAnnotator, selectText, serveSite, type E2EBrowser, type TestPage } from './harness';

const DEMO = readFileSync(fileURLToPath(new URL('../../demo/portal-article.html', import.meta.url)), 'utf8');
const DESIGN_PATH = '/news/2024-02/23/content_21.htm';
const REWRITE_PATH = '/news/2024-02/23/content_22.htm';
/** A page of its own for the highlight made before design mode, so its highlight counts alone. */
const DESIGN_HIGHLIGHTED_PATH = '/news/2024-02/23/content_24.htm';
/** A page that is no article, where only the small script every page gets runs until text is selected. */
const NOTICE_PATH = '/about/notice.htm';
const NOTICE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站说明</title></head><body><p>本网站的所有内容仅供参考，转载请注明出处。</p></body></html>';
const FRAME_PATH = '/news/2024-02/23/content_23.htm';
/** A frame of the page's own site, as an old portal embeds a box of text. */
const FRAMED_PATH = '/news/box.htm';
const FRAMED = '<!doctype html><html><head><meta charset="utf-8"></head><body><p id="boxed">框内的这一段文字由网页嵌入的框架显示。</p></body></html>';
const WITH_FRAME = DEMO.replace('<div class="content" id="text">', `<iframe id="box" src="${FRAMED_PATH}" style="width: 600px; height: 80px"></iframe>$&`);
const POLL = { intervalMs: 100, timeoutMs: 30_000 };
const READY = 'html[data-sourcemark-cleanup="on"]';
const PHRASE = { phrase: '其部分技术源于', length: 14 };

/** In the page, with the annotator's root: whether our colour toolbar is shown. */
const toolbarShown = (root: ShadowRoot | null): boolean => Boolean(root?.querySelector('.toolbar'));

async function open(browser: E2EBrowser, url: string): Promise<TestPage> {
  const page = await browser.openPage(url);
  await page.waitForSelector(READY, { timeoutMs: 10_000 });
  // The card comes in above the story after cleanup: text is measured for the mouse once it is there.
  await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
  return page;
}

/** Whether the toolbar shows within `ms` of the selection (it comes on the mouseup's next render). */
async function toolbarWithin(page: TestPage, ms: number): Promise<boolean> {
  return pollUntil(() => inAnnotator(page, toolbarShown), Boolean, 'the toolbar', { intervalMs: 100, timeoutMs: ms }).catch(() => false);
}

describe.each(browsers)('highlighting at the page’s edges in $name', (target) => {
  const site = serveSite(target, {
    routes: {
      [DESIGN_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
      [REWRITE_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
      [DESIGN_HIGHLIGHTED_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
      [NOTICE_PATH]: { body: NOTICE, contentType: 'text/html; charset=utf-8' },
      [FRAME_PATH]: { body: WITH_FRAME, contentType: 'text/html; charset=utf-8' },
      [FRAMED_PATH]: { body: FRAMED, contentType: 'text/html; charset=utf-8' },
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

  // The reader who turns on design mode on a page already highlighted clicks into a passage to edit it.
  it('a click into a highlighted passage of a page in design mode puts the caret there, with no note editor', async () => {
    const page = await open(site.browser(), site.url(DESIGN_HIGHLIGHTED_PATH));
    await selectText(page, PHRASE);
    await clickInAnnotator(page, '.toolbar .swatch[data-color="yellow"]');
    await pollUntil(() => page.evaluate(drawnYellow), (d) => d.length === 1, 'the yellow highlight', POLL);
    await page.evaluate(() => void (document.designMode = 'on'));
    const inPassage = await page.evaluate(() => {
      const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-yellow')!][0]!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 3 * (rect.width / 14), y: rect.top + rect.height / 2 };
    });
    await page.clickAt(inPassage);
    const editorOpen = () => inAnnotator(page, (root) => Boolean(root?.querySelector('.editor')));
    expect(await pollUntil(editorOpen, Boolean, 'the note editor', { intervalMs: 100, timeoutMs: 1_500 }).catch(() => false)).toBe(false);
    await page.typeKeys('X');
    expect(await page.evaluate(() => document.querySelector('#text')!.textContent!.includes('X'))).toBe(true);
    await page.close();
  });

  // An old portal's script may write the document anew after load: the browser drops every
  // listener of the document, its window and what was in it, the extension's among them.
  it('reads a page that wrote itself anew again (its card comes back), offers the toolbar there and draws the colour picked', async () => {
    const page = await open(site.browser(), site.url(REWRITE_PATH));
    await page.evaluate((html) => {
      document.open();
      document.write(html);
      document.close();
    }, DEMO);
    // The story is read again once the page is quiet: the card comes back above it.
    await pollUntil(() => page.evaluate(() => document.querySelector('sourcemark-provenance') !== null), Boolean, 'the card over the page written anew', POLL);
    const quote = await selectText(page, PHRASE);
    expect(quote.length).toBeGreaterThan(0);
    expect(await toolbarWithin(page, 10_000)).toBe(true);
    await clickInAnnotator(page, '.toolbar .swatch[data-color="yellow"]');
    expect(await pollUntil(() => page.evaluate(drawnYellow), (d) => d.length === 1, 'the yellow highlight', POLL)).toEqual([quote]);
    await page.close();
  });

  it('offers the toolbar on a page that is no article and wrote itself anew before any selection', async () => {
    const page = await site.browser().openPage(site.url(NOTICE_PATH));
    // The small script runs once the page is idle, shortly after load: the rewrite must come after it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.evaluate((html) => {
      document.open();
      document.write(html);
      document.close();
    }, NOTICE);
    expect((await selectText(page, { phrase: '本网站的所有内容', length: 8 })).length).toBe(8);
    expect(await toolbarWithin(page, 10_000)).toBe(true);
    await page.close();
  });

  // The context menu offers "Highlight selection" over any selection. Firefox says in which frame
  // it opens and the item is left out of frames; Chrome cannot be told, so its click there says why.
  it('a selection in a frame the page embeds: the menu’s click from there says why nothing is highlighted', async () => {
    const page = await open(site.browser(), site.url(FRAME_PATH));
    const from = await pollUntil(() => page.evaluate(framedText), Boolean, 'the framed text', POLL);
    await page.dragMouse(from!.from, from!.to);
    expect(await page.evaluate(() => (document.querySelector<HTMLIFrameElement>('#box')!.contentWindow!.getSelection() ?? '').toString())).toBe('框内的这一段文字');
    // What the item's click in the page sends reaches only the top document, where nothing is selected.
    await sendFromPopup(site.browser(), page, { type: 'highlight-selection' });
    await sendFromPopup(site.browser(), page, { type: 'highlight-selection', inFrame: true });
    const notice = () => inAnnotator(page, (root) => root?.querySelector('[data-testid="hl-error"] span')?.textContent ?? null);
    expect(await pollUntil(notice, Boolean, 'the notice', POLL)).toMatch(/not text inside a frame the page embeds/);
    expect(await page.evaluate(drawnYellow)).toEqual([]);
    // Where the item is left out of frames: the browser's own API for it is there (Firefox), or not at all (Chrome).
    const api = await apiOfMenus(site.browser(), page);
    expect(api).toEqual(target.name === 'firefox' ? { onShown: true, refresh: true } : { onShown: false, refresh: false });
    await page.close();
  });
});

/** In the page: where a drag over the first eight characters of the framed paragraph starts and ends, in the page's viewport. */
function framedText(): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  const frame = document.querySelector<HTMLIFrameElement>('#box')!;
  frame.scrollIntoView({ block: 'center' });
  const text = frame.contentDocument?.querySelector('#boxed')?.firstChild as Text | null;
  if (!text) return null;
  const box = frame.getBoundingClientRect();
  const char = (at: number) => {
    const range = frame.contentDocument!.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    return range.getBoundingClientRect();
  };
  const [first, last] = [char(0), char(7)];
  const x0 = box.left + frame.clientLeft;
  const y0 = box.top + frame.clientTop;
  return { from: { x: x0 + first.left + 1, y: y0 + first.top + first.height / 2 }, to: { x: x0 + last.right - 1, y: y0 + last.top + last.height / 2 } };
}

type ExtensionApi = {
  tabs: { sendMessage(tabId: number, msg: object): Promise<unknown> };
  contextMenus: { onShown?: unknown; refresh?: unknown };
};

/** Sends `message` to the page's tab from the popup opened for it, as the background does for the menu's click. */
async function sendFromPopup(browser: E2EBrowser, page: TestPage, message: object): Promise<void> {
  const popup = await browser.openPopupFor(page);
  await popup.evaluate(async (msg) => {
    const g = globalThis as unknown as Record<string, ExtensionApi | undefined>;
    await (g.browser ?? g.chrome)!.tabs.sendMessage(Number(new URLSearchParams(location.search).get('tab')), msg);
  }, message);
  await popup.close();
}

/** Which of the menu API's means to learn where a menu opens and redraw it the browser gives the extension. */
async function apiOfMenus(browser: E2EBrowser, page: TestPage): Promise<{ onShown: boolean; refresh: boolean }> {
  const popup = await browser.openPopupFor(page);
  const api = await popup.evaluate(() => {
    const g = globalThis as unknown as Record<string, ExtensionApi | undefined>;
    const menus = (g.browser ?? g.chrome)!.contextMenus;
    return { onShown: menus.onShown !== undefined, refresh: typeof menus.refresh === 'function' };
  });
  await popup.close();
  return api;
}
