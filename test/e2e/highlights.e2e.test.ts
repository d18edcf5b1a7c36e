/**
 * Highlights as a reader meets them, in each real browser: select text, pick a colour, see it drawn;
 * reload and find it again; add a note by clicking it; the popup lists it; when the portal changes
 * the page, the highlight follows its text, and one whose text is gone is listed as not found.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, type Route, type StaticServer } from '../../scripts/lib/server';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, clickHighlight, clickInAnnotator, drawnYellow, inAnnotator, selectText, type E2EBrowser, type TestPage, type TextSpan } from './harness';

const DEMO = readFileSync(fileURLToPath(new URL('../../demo/portal-article.html', import.meta.url)), 'utf8');
const PATH = '/news/2024-02/23/content_1.htm';
/** A page of its own for the test that loads the analysis twice, so its highlight counts alone. */
const TWICE_PATH = '/news/2024-02/23/content_2.htm';
/** A page of its own for the hostile script's test, whose highlights must stay none. */
const HOSTILE_PATH = '/news/2024-02/23/content_3.htm';
/** The demo with an ad slot between the story's first two paragraphs, which cleanup hides. */
const INLINE_AD_PATH = '/news/2024-02/23/content_4.htm';
const INLINE_AD = '<div class="ad-inline"><a href="https://www.aliyun.com/minisite/goods">阿里云服务器 新用户首购1折</a><span>广告</span></div>';
/**
 * A page of its own for the tests of the in-page annotator's keyboard use, delete and undo: a link
 * ends the story's eighth paragraph, the next stop for Tab after a passage of the seventh.
 */
const KEYS_PATH = '/news/2024-02/23/content_5.htm';
/** A page of its own for the test on a portal's name over plain http (see `PORTAL_HOST`). */
const HTTP_PATH = '/news/2024-02/23/content_6.htm';
/** A page of its own for the test of a link that only downloads a file: the page stays. */
const DOWNLOAD_PATH = '/news/2024-02/23/content_7.htm';
const DOWNLOAD = DEMO.replace(/(<div class="content" id="text">)/, '$1<p><a id="report" href="/report.pdf" download>下载报告全文（PDF）</a></p>');
/** A page of its own for the test of a passage that runs over the card. */
const OVER_CARD_PATH = '/news/2024-02/23/content_8.htm';
/** Resolved to the test's server (`namedHosts`): a page served under it is no secure context. */
const PORTAL_HOST = 'www.hinews.test';
const KEYS = DEMO.replace('其部分技术源于Meta公司发布的LLaMA模型。', '$&<a id="next-stop" href="#llama">LLaMA</a>');
const READY = 'html[data-sourcemark-cleanup="on"]';
/** Each popup read is a round trip of its own (seconds in Firefox): poll every 100 ms for up to 30 s. */
const POLL = { intervalMs: 100, timeoutMs: 30_000 };

/** From `startChars` into paragraph `first` to `endChars` into paragraph `last` of the story. */
const inStory = (first: number, startChars: number, last: number, endChars: number): TextSpan => ({ paragraphs: '#text p', first, startChars, last, endChars });

/** The text of every range drawn in our highlight layers, by colour. */
function drawn(): Record<string, string[]> {
  const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  const out: Record<string, string[]> = {};
  for (const [name, set] of registry) if (name !== 'sourcemark-focus' && set.size) out[name] = [...set].map((r) => r.toString().replace(/\s+/g, ' '));
  return out;
}

/** In the page, with the annotator's root: whether the element focused in it matches `selector`. */
function focusedInAnnotator(root: ShadowRoot | null, selector: string): boolean {
  return root?.activeElement?.matches(selector) ?? false;
}

/** What the popup lists: quote, note, and whether it is flagged as not found. */
async function popupRows(browser: E2EBrowser, page: TestPage) {
  const popup = await browser.openPopupFor(page);
  await popup.waitForSelector('[data-testid="page-highlights"]', { timeoutMs: 10_000 });
  const rows = await popup.evaluate(() =>
    [...document.querySelectorAll('.hl-row')].map((li) => ({
      quote: li.querySelector('.quote')!.textContent!.replace(/\s+/g, ' '),
      note: li.querySelector('button.note:not(.empty)')?.textContent ?? '',
      missing: li.classList.contains('missing'),
    })),
  );
  const badge = await popup.evaluate(async () => {
    type BadgeApi = { getBadgeText(details: { tabId: number }): Promise<string> };
    const g = globalThis as unknown as Record<string, { action?: BadgeApi; browserAction?: BadgeApi } | undefined>;
    const api = g.browser ?? g.chrome!;
    return (api.action ?? api.browserAction)!.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tab')) });
  });
  await popup.close();
  return { rows, badge };
}

/**
 * What the background does for a tab, done from the popup opened for it: load the analysis script
 * into it (again), or send its analysis a message (as the keyboard shortcut does).
 */
async function fromPopupOf(browser: E2EBrowser, page: TestPage, action: { load: true } | { message: object }): Promise<void> {
  const popup = await browser.openPopupFor(page);
  await popup.evaluate(async (act) => {
    type Api = {
      scripting: { executeScript(injection: object): Promise<unknown> };
      tabs: { sendMessage(tabId: number, msg: object): Promise<unknown> };
    };
    const g = globalThis as unknown as Record<string, Api | undefined>;
    const api = (g.browser ?? g.chrome)!;
    const tabId = Number(new URLSearchParams(location.search).get('tab'));
    if ('message' in act) await api.tabs.sendMessage(tabId, act.message);
    else await api.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  }, action);
  await popup.close();
}

describe.each(browsers)('highlights in $name', (target) => {
  let server: StaticServer;
  let browser: E2EBrowser;
  const routes: Record<string, Route> = {
    [PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
    [TWICE_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
    [HOSTILE_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
    [KEYS_PATH]: { body: KEYS, contentType: 'text/html; charset=utf-8' },
    [HTTP_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
    [DOWNLOAD_PATH]: { body: DOWNLOAD, contentType: 'text/html; charset=utf-8' },
    [OVER_CARD_PATH]: { body: DEMO, contentType: 'text/html; charset=utf-8' },
    '/report.pdf': { body: '%PDF-1.4\n', contentType: 'application/pdf' },
    [INLINE_AD_PATH]: { body: DEMO.replace(/(<div class="content" id="text">\s*<p>[^<]*<\/p>)/, `$1${INLINE_AD}`), contentType: 'text/html; charset=utf-8' },
  };
  let quote = '';

  beforeAll(async () => {
    server = createStaticServer({ root: fileURLToPath(new URL('../../demo', import.meta.url)), routes });
    await server.start();
    browser = await target.launch({ namedHosts: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path = PATH, host?: string) => {
    const url = server.url(path);
    const page = await browser.openPage(host ? url.replace('//127.0.0.1:', `//${host}:`) : url);
    await page.waitForSelector(READY, { timeoutMs: 10_000 });
    // The card comes in above the story after cleanup: text is measured for the mouse once it is there.
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    return page;
  };

  it('selecting across two paragraphs and picking green draws the highlight and saves it', async () => {
    const page = await open();
    quote = (await selectText(page, inStory(2, 10, 3, 12))).replace(/\s+/g, ' ');
    await clickInAnnotator(page, '.toolbar .swatch[data-color="green"]');
    const layers = await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the green highlight', POLL);
    expect(layers['sourcemark-green']).toEqual([quote]);
    const { rows, badge } = await pollUntil(() => popupRows(browser, page), (r) => r.rows.length === 1 && r.badge === '1', 'the popup row and badge', POLL);
    expect(rows[0]).toMatchObject({ quote: quote.trim(), missing: false });
    expect(badge).toBe('1');
    await page.close();
  });

  // Many portals are still served over plain http, where a page lacks what only secure contexts
  // have (crypto.randomUUID, which the content script shares with it).
  it('works on a portal served over plain http under its own name', async () => {
    const page = await open(HTTP_PATH, PORTAL_HOST);
    expect(await page.evaluate(() => isSecureContext)).toBe(false);
    const passage = (await selectText(page, inStory(2, 10, 2, 30))).replace(/\s+/g, ' ');
    await clickInAnnotator(page, '.toolbar .swatch[data-color="green"]');
    const layers = await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the green highlight', POLL);
    expect(layers['sourcemark-green']).toEqual([passage]);
    const { rows } = await pollUntil(() => popupRows(browser, page), (r) => r.rows.length === 1, 'the popup row', POLL);
    expect(rows[0]).toMatchObject({ quote: passage.trim(), missing: false });
    await page.close();
  });

  it('comes back after a reload, and clicking it opens the note editor', async () => {
    const page = await open();
    const layers = await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the restored highlight', POLL);
    expect(layers['sourcemark-green']).toEqual([quote.trim()]);
    await clickHighlight(page, 'sourcemark-green');
    await clickInAnnotator(page, '.editor textarea');
    await page.typeKeys('要核实:Sora 的发布时间');
    const typed = () => inAnnotator(page, (root) => root?.querySelector('textarea')?.value);
    expect(await typed()).toBe('要核实:Sora 的发布时间');
    await clickInAnnotator(page, '.editor .row.end button:last-child');
    const { rows } = await pollUntil(() => popupRows(browser, page), (r) => r.rows[0]?.note === '要核实:Sora 的发布时间', 'the saved note', POLL);
    expect(rows).toHaveLength(1);
    await page.close();
  });

  it('is listed in the library, which reads the database itself, and a search for other words hides it', async () => {
    const library = await browser.openExtensionPage('library.html');
    const quotes = () => library.evaluate(() => [...document.querySelectorAll('li.hl .quote')].map((q) => q.textContent!.replace(/\s+/g, ' ')));
    // The plain-http test's highlight is listed too, under its own page.
    expect(await pollUntil(quotes, (q) => q.length > 0, 'the library’s rows', POLL)).toContain(quote.trim());
    await library.type('input[type="search"]', '气象卫星');
    await pollUntil(quotes, (q) => q.length === 0, 'no row for words no highlight holds', POLL);
    await library.close();
  });

  it('is placed again when the page re-renders its story after load', async () => {
    const page = await open();
    await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the restored highlight', POLL);
    // A script re-rendering the story: the passage leaves the DOM, then a copy of it comes back.
    await page.evaluate(() => {
      const story = document.querySelector('#text')!;
      const copy = story.cloneNode(true);
      story.replaceChildren();
      setTimeout(() => story.replaceChildren(...copy.childNodes), 300);
    });
    const layers = await pollUntil(
      () => page.evaluate(drawn),
      (d) => d['sourcemark-green']?.[0] === quote.trim(),
      'the highlight on the re-rendered story',
      POLL,
    );
    expect(layers['sourcemark-green']).toEqual([quote.trim()]);
    await page.close();
  });

  it('stays on its own passage when the page swaps each paragraph for an identical copy (a framework patching its list)', async () => {
    const page = await open();
    await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the restored highlight', POLL);
    // The passage runs over two paragraphs: the live range's ends move out of each removed one.
    await page.evaluate(() => {
      for (const p of document.querySelectorAll('#text p')) p.replaceWith(p.cloneNode(true));
    });
    const layers = await pollUntil(() => page.evaluate(drawn), (d) => d['sourcemark-green']?.[0] === quote.trim(), 'the highlight on the copies', POLL);
    expect(layers['sourcemark-green']).toEqual([quote.trim()]);
    const { rows } = await popupRows(browser, page);
    expect(rows).toMatchObject([{ quote: quote.trim(), missing: false }]);
    await page.close();
  });

  it('"Export this page" in the popup downloads Markdown with the highlight, its note and the source chain', async () => {
    const page = await open();
    const popup = await browser.openPopupFor(page);
    await popup.waitForSelector('.export button[data-format="markdown"]', { timeoutMs: 10_000 });
    // Laid out as read: the header on one line beside the scrollbar, the export's label on a line above its formats.
    const layout = await popup.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect();
      const title = box(document.querySelector('.bar h1')!);
      const bar = [...document.querySelectorAll('.bar .switch, .bar button')].map(box);
      const label = box(document.querySelector('.export > .muted')!);
      const formats = [...document.querySelectorAll('.export button')].map(box);
      return { barOnOneLine: bar.every((b) => b.top < title.bottom), labelAbove: formats.every((b) => b.top >= label.bottom) };
    });
    expect(layout).toEqual({ barOnOneLine: true, labelAbove: true });
    const file = await popup.download('.export button[data-format="markdown"]');
    expect(file.filename).toMatch(/\.md$/);
    expect(file.text.replace(/\s+/g, ' ')).toContain(quote.trim().slice(0, 20));
    expect(file.text).toContain('要核实:Sora 的发布时间');
    expect(file.text).toContain('联合早报');
    expect(file.text).toContain('刘子彦');
    await popup.close();
    await page.close();
  });

  it('from the popup: "Show original" keeps it in place, a note edited there shows on the page, delete removes it and undo brings it back', async () => {
    const page = await open();
    await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the restored highlight', POLL);
    const popup = await browser.openPopupFor(page);
    // The popup re-renders as answers arrive; a click is found and made in one step so it never lands on a replaced node.
    const press = async (selector: string) => {
      await popup.waitForSelector(selector, { timeoutMs: 10_000 });
      await popup.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.click(), selector);
    };

    await press('[data-testid="toggle-original"]');
    await page.waitForSelector('html[data-sourcemark-cleanup="off"]', { timeoutMs: 5_000 });
    expect((await page.evaluate(drawn))['sourcemark-green']).toEqual([quote.trim()]);
    await press('[data-testid="toggle-original"]');
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 5_000 });

    // The highlight's editor is open on the page while the note is edited in the popup: it follows.
    const editorValue = (root: ShadowRoot | null) => root?.querySelector<HTMLTextAreaElement>('.editor textarea')?.value ?? null;
    await clickHighlight(page, 'sourcemark-green');
    await pollUntil(() => inAnnotator(page, editorValue), (value) => value === '要核实:Sora 的发布时间', "the page's editor with the earlier note", POLL);
    const note = '来源链:联合早报 → 参考消息网';
    await press('.hl-row button.note');
    await popup.waitForSelector('textarea.note-editor', { timeoutMs: 5_000 });
    await popup.evaluate((text) => {
      const area = document.querySelector<HTMLTextAreaElement>('textarea.note-editor')!;
      area.value = text;
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    }, note);
    await pollUntil(() => popup.evaluate(() => document.querySelector('.hl-row button.note')?.textContent ?? ''), (text) => text === note, 'the note saved from the popup', POLL);
    const shown = await pollUntil(() => inAnnotator(page, editorValue), (value) => value === note, "the popup's note in the page's open editor", POLL);
    expect(shown).toBe(note);

    await press('.hl-row button.danger');
    await pollUntil(() => page.evaluate(drawn), (d) => !d['sourcemark-green'], 'the highlight gone from the page', POLL);
    await press('.toast button');
    const back = await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the highlight back after undo', POLL);
    expect(back['sourcemark-green']).toEqual([quote.trim()]);
    await popup.close();
    await page.close();
  });

  it('follows its text when the portal inserts an ad and edits elsewhere; a removed passage is listed as not found', async () => {
    // A second highlight on a paragraph the next version of the page drops.
    let page = await open();
    await selectText(page, inStory(9, 0, 9, 20));
    await clickInAnnotator(page, '.toolbar .swatch[data-color="pink"]');
    await pollUntil(() => popupRows(browser, page), (r) => r.rows.length === 2, 'two highlights', POLL);
    await page.close();

    const paragraphs = [...DEMO.matchAll(/<p>[^<]*<\/p>/g)].map((m) => m[0]);
    routes[PATH] = {
      contentType: 'text/html; charset=utf-8',
      body: DEMO.replace('<div id="text"', '<div class="ad-slot">推广 云服务器 限时特惠</div><div id="text"')
        .replace(paragraphs[9]!, '')
        .replace('参考消息网2月23日报道', '参考消息网2月23日消息'),
    };
    page = await open();
    const layers = await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the moved highlight', POLL);
    expect(layers['sourcemark-green']).toEqual([quote.trim()]);
    expect(layers['sourcemark-pink']).toBeUndefined();
    const { rows, badge } = await popupRows(browser, page);
    expect(rows.map((r) => r.missing)).toEqual([false, true]);
    expect(badge).toBe('2');
    expect(rows[1]!.quote).toBe(paragraphs[9]!.slice(3, 23));
    await page.close();
  });

  it('a second load of the analysis (the popup and the background racing) takes over: one card, and the popup lists what it holds', async () => {
    const page = await open(TWICE_PATH);
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    await page.evaluate(() => document.querySelector('sourcemark-provenance')!.setAttribute('data-first-copy', ''));
    await fromPopupOf(browser, page, { load: true });
    const cards = () => page.evaluate(() => [...document.querySelectorAll('sourcemark-provenance')].map((host) => host.hasAttribute('data-first-copy')));
    expect(await pollUntil(cards, (c) => c.length === 1 && !c[0], 'the second copy’s card in place of the first', POLL)).toEqual([false]);

    // The keyboard shortcut's message: each copy still listening would save the selection once.
    const quote = await selectText(page, { phrase: '只要输入内容', length: 12 });
    await fromPopupOf(browser, page, { message: { type: 'highlight-selection' } });
    await pollUntil(() => page.evaluate(drawnYellow), (d) => d.length > 0, 'the highlight drawn', POLL);
    // A second save, from a copy that should no longer listen, would land a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { rows } = await pollUntil(() => popupRows(browser, page), (r) => r.rows.length > 0, 'the popup’s rows', POLL);
    expect(rows.map((r) => r.quote)).toEqual([quote]);
    expect(await page.evaluate(drawnYellow)).toEqual([quote]);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-sourcemark-cleanup'))).toBe('on');
    await page.close();
  });
  // The sentinel asks for the analysis on the reader's first selection, article or not; the background's load looks first.
  it('a first selection on an article asks for the analysis again, and the copy running stays', async () => {
    const page = await open(TWICE_PATH);
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    await page.evaluate(() => document.querySelector('sourcemark-provenance')!.setAttribute('data-first-copy', ''));
    await selectText(page, { phrase: '只要输入内容', length: 12 });
    await pollUntil(() => inAnnotator(page, (root) => Boolean(root?.querySelector('.toolbar'))), Boolean, 'the toolbar', POLL);
    // A second copy would replace the card a moment after the toolbar shows.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cards = await page.evaluate(() => [...document.querySelectorAll('sourcemark-provenance')].map((host) => host.hasAttribute('data-first-copy')));
    expect(cards).toEqual([true]);
    await page.close();
  });
  it('highlights a passage from the date line into the story, over the card between them, without the card’s text', async () => {
    const page = await open(OVER_CARD_PATH);
    const selected = await selectText(page, { paragraphs: '.info span, #text p', first: 0, startChars: 0, last: 3, endChars: 10 });
    expect(selected).toMatch(/^2024-02-23 09:42[\s\S]*参考消息网2月23日$/);
    await clickInAnnotator(page, '.toolbar .swatch[data-color="green"]');
    await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-green']), 'the green highlight', POLL);
    const { rows } = await popupRows(browser, page);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.quote).toMatch(/^2024-02-23 09:42[\s\S]*参考消息网2月23日$/);
    expect(rows[0]!.quote).not.toContain('刘子彦');
    await page.close();
  });

  // The browser's navigate event comes for the link too, though the page stays where it is.
  it('stays listed as this page’s after a link on it only downloads a file', async () => {
    const page = await open(DOWNLOAD_PATH);
    const quote = (await selectText(page, inStory(3, 0, 3, 16))).replace(/\s+/g, ' ').trim();
    await clickInAnnotator(page, '.toolbar .swatch[data-color="blue"]');
    await pollUntil(() => popupRows(browser, page), (r) => r.rows.length === 1, 'the popup row', POLL);
    await page.bringToFront();
    await page.evaluate(() => document.querySelector('#report')!.scrollIntoView({ block: 'center' }));
    const link = await page.evaluate(() => {
      const box = document.querySelector('#report')!.getBoundingClientRect();
      return { x: box.left + 5, y: box.top + box.height / 2 };
    });
    await page.clickAt(link);
    // Past the page's moment to move, had it moved in place.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.evaluate(() => location.pathname)).toBe(DOWNLOAD_PATH);
    const { rows, badge } = await popupRows(browser, page);
    expect(rows).toEqual([{ quote, note: '', missing: false }]);
    expect(badge).toBe('1');
    await page.close();
  });

  it('a passage selected over a hidden ad slot is quoted as the reader saw it, without the ad', async () => {
    const page = await open(INLINE_AD_PATH);
    expect(await page.evaluate(() => document.querySelector('.ad-inline')?.getAttribute('data-sourcemark-hidden'))).toBe('ad');
    await selectText(page, inStory(0, 20, 1, 12));
    const seen = await page.evaluate(() => {
      const p = [...document.querySelectorAll('#text p')].map((el) => el.textContent!);
      return `${p[0]!.slice(20)} ${p[1]!.slice(0, 12)}`.replace(/\s+/g, ' ').trim();
    });
    await clickInAnnotator(page, '.toolbar .swatch[data-color="blue"]');
    const { rows } = await pollUntil(() => popupRows(browser, page), (r) => r.rows.length === 1, 'the popup row', POLL);
    expect(rows[0]!.quote).toBe(seen);
    expect(rows[0]!.quote).not.toContain('阿里云');
    await page.close();
  });

  it("does not answer the page's own scripts: a made-up mouseup shows no toolbar, a click() on our controls does nothing", async () => {
    const page = await open(HOSTILE_PATH);
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    const toolbarShown = () => inAnnotator(page, (root) => Boolean(root?.querySelector('.toolbar')));
    // The page selects a passage and fires the mouseup a reader's release would.
    await page.evaluate(() => {
      const p = document.querySelectorAll('#text p')[4]!;
      getSelection()!.selectAllChildren(p);
      const rect = p.getBoundingClientRect();
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.left + 5, clientY: rect.top + 5 }));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await toolbarShown()).toBe(false);
    // A press inside a selection would drag it rather than select anew.
    await page.evaluate(() => getSelection()!.removeAllRanges());

    // The reader selects; the page clicks a colour in the toolbar that shows, and folds the card.
    await selectText(page, inStory(4, 0, 4, 10));
    await pollUntil(toolbarShown, Boolean, 'the toolbar for the reader', POLL);
    // Its root is closed to the page, but a script that got hold of a control is answered no better.
    await inAnnotator(page, (root) => root!.querySelector<HTMLElement>('.toolbar .swatch[data-color="pink"]')!.click());
    await page.evaluate(() => document.querySelector('sourcemark-provenance')!.shadowRoot!.querySelector<HTMLElement>('button.head')!.click());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await page.evaluate(drawn))['sourcemark-pink']).toBeUndefined();
    expect(await page.evaluate(() => document.querySelector('sourcemark-provenance')!.shadowRoot!.querySelector('button.head')!.getAttribute('aria-expanded'))).toBe('true');
    // The same controls answer the reader's own click.
    await clickInAnnotator(page, '.toolbar .swatch[data-color="pink"]');
    await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-pink']), "the reader's pink highlight", POLL);
    await page.close();
  });
  it('Delete in the note editor offers Undo, from the keyboard too, which brings the highlight back with its colour and note', async () => {
    const page = await open(KEYS_PATH);
    await selectText(page, inStory(5, 0, 5, 14));
    await clickInAnnotator(page, '.toolbar .note-btn');
    await pollUntil(() => inAnnotator(page, focusedInAnnotator, '.editor textarea'), Boolean, 'the note field focused', POLL);
    await page.typeKeys('待查');
    await page.press('Control+Enter');
    const before = await pollUntil(() => popupRows(browser, page), (r) => r.rows[0]?.note === '待查', 'the saved note', POLL);
    await clickHighlight(page, 'sourcemark-yellow');
    await pollUntil(() => inAnnotator(page, focusedInAnnotator, '.editor textarea'), Boolean, 'the note field focused', POLL);
    // From the note field: Tab to Delete, Enter.
    await page.press('Tab');
    expect(await inAnnotator(page, focusedInAnnotator, '.editor button.danger')).toBe(true);
    await page.press('Enter');
    await pollUntil(() => page.evaluate(drawn), (d) => !d['sourcemark-yellow'], 'the highlight gone', POLL);
    const toast = () => inAnnotator(page, (root) => root!.querySelector('[role="status"]')!.textContent);
    expect(await pollUntil(toast, (text) => Boolean(text), 'the toast', POLL)).not.toBe('');
    await pollUntil(() => inAnnotator(page, focusedInAnnotator, '.toast button'), Boolean, 'the focus on Undo', POLL);
    await page.press('Enter');
    const back = await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-yellow']), 'the highlight back', POLL);
    // Underlined again: its note came back with it.
    expect(back['sourcemark-noted']).toEqual(back['sourcemark-yellow']);
    const { rows } = await pollUntil(() => popupRows(browser, page), (r) => r.rows.length === 1, 'the restored row', POLL);
    expect(rows).toEqual(before.rows);
    expect(await toast()).toBe('');
    await page.close();
  });
  /**
   * Presses Tab until the annotator's control `selector` has the focus, as a keyboard reader gets
   * there once the toolbar shows (before it, Tab runs off the page's end and round to its top).
   */
  const tabTo = async (page: TestPage, selector: string) => {
    await page.waitForSelector('sourcemark-annotator', { timeoutMs: 10_000 });
    await pollUntil(() => inAnnotator(page, (root, sel) => Boolean(root?.querySelector(sel)), selector), Boolean, selector, POLL);
    for (let i = 0; i < 40; i++) {
      await page.press('Tab');
      if (await inAnnotator(page, focusedInAnnotator, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const focusedOnPage = (page: TestPage) => page.evaluate(() => document.activeElement?.id ?? '');

  it('a colour picked with Enter, and the note editor closed with Escape, leave the reader at the passage: the next Tab goes on from there', async () => {
    const page = await open(KEYS_PATH);
    const quote = await selectText(page, inStory(6, 0, 6, 10));
    await tabTo(page, '.toolbar .swatch[data-color="yellow"]');
    await page.press('Enter');
    await pollUntil(() => page.evaluate(drawnYellow), (d) => d.includes(quote), 'the yellow highlight', POLL);
    await page.press('Tab');
    expect(await focusedOnPage(page)).toBe('next-stop');

    await selectText(page, inStory(6, 14, 6, 24));
    await tabTo(page, '.toolbar .note-btn');
    await page.press('Enter');
    await pollUntil(() => inAnnotator(page, focusedInAnnotator, '.editor textarea'), Boolean, 'the note field focused', POLL);
    await page.typeKeys('键盘');
    await page.press('Escape');
    await pollUntil(() => inAnnotator(page, (root) => !root!.querySelector('.editor')), Boolean, 'the editor closed', POLL);
    await page.press('Tab');
    expect(await focusedOnPage(page)).toBe('next-stop');
    await page.close();
  });

  it('Escape puts the toolbar away, from the page as from inside it, and keeps the selection and the reader’s place', async () => {
    const page = await open(KEYS_PATH);
    const toolbarShown = () => inAnnotator(page, (root) => Boolean(root?.querySelector('.toolbar')));
    const selected = await selectText(page, inStory(6, 30, 6, 40));
    await pollUntil(toolbarShown, Boolean, 'the toolbar', POLL);
    await page.press('Escape');
    await pollUntil(toolbarShown, (shown) => !shown, 'the toolbar gone', POLL);
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(selected);

    await selectText(page, inStory(6, 30, 6, 40));
    await tabTo(page, '.toolbar .swatch[data-color="green"]');
    await page.press('Escape');
    await pollUntil(toolbarShown, (shown) => !shown, 'the toolbar gone', POLL);
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(selected);
    await page.press('Tab');
    expect(await focusedOnPage(page)).toBe('next-stop');
    await page.close();
  });
  it('Escape on the undo toast puts it away and leaves the reader where the deleted passage was', async () => {
    const page = await open(KEYS_PATH);
    await selectText(page, inStory(6, 44, 6, 52));
    await clickInAnnotator(page, '.toolbar .swatch[data-color="purple"]');
    await pollUntil(() => page.evaluate(drawn), (d) => Boolean(d['sourcemark-purple']), 'the purple highlight', POLL);
    await clickHighlight(page, 'sourcemark-purple');
    await pollUntil(() => inAnnotator(page, focusedInAnnotator, '.editor textarea'), Boolean, 'the note field focused', POLL);
    await page.press('Tab');
    await page.press('Enter');
    await pollUntil(() => inAnnotator(page, focusedInAnnotator, '.toast button'), Boolean, 'the focus on Undo', POLL);
    await page.press('Escape');
    await pollUntil(() => inAnnotator(page, (root) => !root!.querySelector('.toast')), Boolean, 'the toast gone', POLL);
    expect((await page.evaluate(drawn))['sourcemark-purple']).toBeUndefined();
    await page.press('Tab');
    expect(await focusedOnPage(page)).toBe('next-stop');
    await page.close();
  });

  it('keeps the toolbar and the note editor inside a narrow window, beside the last words of a line, without scrolling the page sideways', async () => {
    const page = await open(KEYS_PATH);
    await page.setViewport({ width: 700, height: 800 });
    // The last four characters of the first line of the story's second paragraph, as the reader sees it.
    const { from, to } = await page.evaluate(() => {
      const text = document.querySelectorAll('#text p')[1]!.firstChild as Text;
      text.parentElement!.scrollIntoView({ block: 'center' });
      const boxes = [...text.data].map((_, i) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect();
      });
      const line = boxes.filter((b) => Math.abs(b.top - boxes[0]!.top) < 3 && b.right <= innerWidth);
      const [first, last] = [line.at(-4)!, line.at(-1)!];
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    });
    await page.dragMouse(from, to);
    const inView = (selector: string) =>
      inAnnotator(page, (root, sel) => {
        const box = root?.querySelector(sel)?.getBoundingClientRect();
        return box ? { left: box.left >= 0, right: box.right <= document.documentElement.clientWidth, top: box.top >= 0, bottom: box.bottom <= innerHeight, scrollX } : null;
      }, selector);
    const whole = { left: true, right: true, top: true, bottom: true, scrollX: 0 };
    expect(await pollUntil(() => inView('.toolbar'), Boolean, 'the toolbar', POLL)).toEqual(whole);
    await clickInAnnotator(page, '.toolbar .note-btn');
    await pollUntil(() => inAnnotator(page, focusedInAnnotator, '.editor textarea'), Boolean, 'the note field focused', POLL);
    expect(await inView('.editor')).toEqual(whole);
    await page.close();
  });
});
