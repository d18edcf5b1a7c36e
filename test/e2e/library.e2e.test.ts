/**
 * The library in each real browser, on what a reader does there besides searching: import a file
 * after its preview, open a highlight on its page, export, delete and undo, choose the order.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import type { HighlightRecord, PageRecord } from '../../utils/annotation-types';
import { toW3cJson } from '../../utils/export/w3c-json';
import { normalizeUrl } from '../../utils/normalize-url';
import { browsers, serveSite, type TestPage } from './harness';

const DEMO_DIR = fileURLToPath(new URL('../../demo', import.meta.url));
const QUOTE = '只要输入内容、提示词或图片';
/** The demo page's disclaimer, which cleanup hides. */
const DISCLAIMER = '本文来源于网络,不代表海南信息港立场';
const POLL = { intervalMs: 100, timeoutMs: 15_000 };

/** A file of one highlight on the demo page at `url`, as another copy of Sourcemark would export it. */
async function importFile(url: string, quote = QUOTE): Promise<{ path: string; id: string }> {
  const id = crypto.randomUUID();
  const now = '2025-01-15T08:00:00.000Z';
  const pageUrl = normalizeUrl(url);
  const page: PageRecord = { url: pageUrl, title: '外媒:Sora横空出世', publisher: '海南信息港', provenance: null, firstSeen: now, lastSeen: now };
  const highlight: HighlightRecord = {
    id,
    pageUrl,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    quote,
    color: 'green',
    note: '导入的笔记',
    created: now,
    updated: now,
  };
  const path = join(await mkdtemp(join(tmpdir(), 'sourcemark-import-')), 'highlights.json');
  await writeFile(path, toW3cJson({ pages: [page], highlights: [highlight], exportedAt: now }));
  return { path, id };
}

type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
const rows = (library: TestPage) => library.evaluate(() => [...document.querySelectorAll('li.hl')].map((li) => li.querySelector('.quote')!.textContent));
const buttonWith = (library: TestPage, text: string) =>
  library.evaluate((label: string) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent!.startsWith(label));
    if (!button) throw new Error(`no button “${label}”`);
    button.click();
  }, text);

/** How far the middle of the block holding the green highlight is from the window's middle, in CSS pixels. */
function passageOffCentre(): number {
  const range = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-green') ?? [])][0]!;
  const box = range.startContainer.parentElement!.getBoundingClientRect();
  return Math.abs((box.top + box.bottom) / 2 - innerHeight / 2);
}

/** Where the library's title, its Import button and an open import preview start, in CSS pixels from the top. */
function headerBoxes(): { title: number; importButton: number; preview: number | null } {
  const top = (el: Element | null | undefined) => (el ? Math.round(el.getBoundingClientRect().top) : null);
  const importButton = [...document.querySelectorAll('.transfer button')].find((b) => b.nextElementSibling?.matches('input[type=file]'));
  return { title: top(document.querySelector('h1'))!, importButton: top(importButton)!, preview: top(document.querySelector('.import-preview')) };
}

describe.each(browsers)('the library in $name', (target) => {
  const site = serveSite(target, { root: DEMO_DIR });

  it('imports a file after its preview; "Open" shows the page with the passage drawn', async () => {
    const url = site.url('/portal-article.html');
    const { path, id } = await importFile(url);
    const library = await site.browser().openExtensionPage('library.html');
    await library.waitForSelector('[data-testid="import-file"]', { timeoutMs: 10_000 });
    const before = await library.evaluate(headerBoxes);
    await library.upload('[data-testid="import-file"]', path);
    await library.waitForSelector('.import-preview', { timeoutMs: 10_000 });
    expect(await library.evaluate(() => document.querySelector('.import-preview p')!.textContent)).toContain('1');
    // The preview opens under the buttons: the title and the buttons stay where the reader saw them.
    const after = await library.evaluate(headerBoxes);
    expect({ title: after.title, importButton: after.importButton }).toEqual({ title: before.title, importButton: before.importButton });
    expect(after.preview).toBeGreaterThanOrEqual(after.importButton);
    await library.click('.import-preview button');
    await library.waitForSelector('.import-done', { timeoutMs: 10_000 });
    expect(await pollUntil(() => rows(library), (r) => r.length === 1, 'the imported row', POLL)).toEqual([QUOTE]);

    await buttonWith(library, 'Open');
    const page = await site.browser().waitForTab(`#sourcemark=${id}`, { timeoutMs: 10_000 });
    const drawnGreen = () =>
      page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-green') ?? [])].map((r) => r.toString()));
    expect(await pollUntil(drawnGreen, (d) => d.length === 1, 'the imported highlight drawn', POLL)).toEqual([QUOTE]);
    // Scrolled to once the card above the story is in: the card does not push the passage down from the window's centre.
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    expect(await pollUntil(() => page.evaluate(passageOffCentre), (d) => d < 60, 'the passage at the window’s centre', POLL)).toBeLessThan(60);
    await page.close();
    await library.close();
  });

  it('exports everything as JSON, the file brought over from the background in pieces', async () => {
    const library = await site.browser().openExtensionPage('library.html');
    await pollUntil(() => rows(library), (r) => r.length === 1, 'the row from the import', POLL);
    await library.evaluate(() => {
      const format = document.querySelector<HTMLSelectElement>('.transfer select')!;
      format.value = 'json';
      format.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // Over the port only: a plain runtime message asking for the file gets none.
    const plain = await library.evaluate(() =>
      ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).runtime
        .sendMessage({ type: 'export', format: 'json', pageUrls: null })
        .then((answer) => JSON.stringify(answer ?? null), () => 'no answer'),
    );
    expect(plain).not.toContain(QUOTE);
    const file = await library.download('.transfer .actions button:nth-of-type(1)');
    expect(file.filename).toMatch(/\.json$/);
    const exported = JSON.parse(file.text) as { first: { items: Array<{ target: { selector: Array<{ exact?: string }> } }> } };
    expect(exported.first.items.map((a) => a.target.selector[0]!.exact)).toEqual([QUOTE]);
    await library.close();
  });

  it('deletes the selected highlight, and Undo brings it back', async () => {
    const library = await site.browser().openExtensionPage('library.html');
    await pollUntil(() => rows(library), (r) => r.length === 1, 'the row from the import', POLL);
    await library.click('li.hl input[type="checkbox"]');
    await buttonWith(library, 'Delete selected (1)');
    await pollUntil(() => rows(library), (r) => r.length === 0, 'the row gone', POLL);
    await buttonWith(library, 'Undo');
    expect(await pollUntil(() => rows(library), (r) => r.length === 1, 'the row back', POLL)).toEqual([QUOTE]);
    // Read from the database again, in a library opened afresh, not only the page's memory.
    const again = await site.browser().openExtensionPage('library.html');
    expect(await pollUntil(() => rows(again), (r) => r.length === 1, 'the row in a new library page', POLL)).toEqual([QUOTE]);
    await again.close();
    await library.close();
  });

  it('opened at a passage cleanup hides (the disclaimer), the page shows its line for a moment there', async () => {
    const url = site.url('/portal-article.html');
    const { path, id } = await importFile(url, DISCLAIMER);
    const library = await site.browser().openExtensionPage('library.html');
    await library.waitForSelector('[data-testid="import-file"]', { timeoutMs: 10_000 });
    await library.upload('[data-testid="import-file"]', path);
    await library.waitForSelector('.import-preview', { timeoutMs: 10_000 });
    await library.click('.import-preview button');
    await library.waitForSelector('.import-done', { timeoutMs: 10_000 });
    // The address the library's Open gives the page (tested above).
    const page = await site.browser().openPage(`${url}#sourcemark=${id}`);
    const disclaimer = () =>
      page.evaluate(() => {
        const line = document.querySelector('p.statement')!;
        const box = line.getBoundingClientRect();
        return { shown: line.checkVisibility(), inWindow: box.top >= 0 && box.bottom <= innerHeight, hidden: line.hasAttribute('data-sourcemark-hidden') };
      });
    expect(await pollUntil(disclaimer, (d) => d.shown && d.inWindow, 'the disclaimer shown at the passage', POLL)).toEqual({ shown: true, inWindow: true, hidden: true });
    // Still listed as hidden: shown for a moment, and hidden again after it.
    expect(await pollUntil(disclaimer, (d) => !d.shown, 'the disclaimer hidden again', { intervalMs: 250, timeoutMs: 15_000 })).toMatchObject({ shown: false });
    await page.close();
    await library.close();
  });

  it('remembers the order chosen, in a library opened afresh', async () => {
    const library = await site.browser().openExtensionPage('library.html');
    await pollUntil(() => rows(library), (r) => r.length > 0, 'the rows', POLL);
    await library.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('.filters > label:last-child select')!;
      select.value = 'title';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const again = await site.browser().openExtensionPage('library.html');
    await pollUntil(() => rows(again), (r) => r.length > 0, 'the rows in a new library page', POLL);
    const chosen = () => again.evaluate(() => [document.querySelector('.filters > label:last-child')!.textContent, document.querySelector<HTMLSelectElement>('.filters > label:last-child select')!.value]);
    expect(await chosen()).toEqual([expect.stringMatching(/^Order/), 'title']);
    await again.close();
    await library.close();
  });
});
