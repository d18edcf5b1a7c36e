/**
 * A note on a whole page, in each real browser: typed in the popup, it is in the library once the
 * popup has closed (no blur first: the popup closes as the reader clicks away), and still there
 * after a reload of the library and in the popup opened again.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, serveSite, type TestPage } from './harness';

const DEMO_DIR = fileURLToPath(new URL('../../demo', import.meta.url));
const POLL = { intervalMs: 100, timeoutMs: 15_000 };
const NOTE = 'Why I kept this:\nthe original says otherwise';

const libraryNotes = (library: TestPage) =>
  library.evaluate(() => [...document.querySelectorAll('.page-note-text')].map((p) => ({ text: p.textContent, whiteSpace: getComputedStyle(p).whiteSpace })));

describe.each(browsers)('page notes in $name', (target) => {
  const site = serveSite(target, { root: DEMO_DIR });

  it('a note typed in the popup is in the library after the popup closes, and after a reload', async () => {
    const url = site.url('/portal-article.html');
    const page = await site.browser().openPage(url);
    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('.page-note textarea', { timeoutMs: 10_000 });
    expect(await popup.evaluate(() => document.querySelector<HTMLTextAreaElement>('.page-note textarea')!.placeholder)).toContain('Saved as you type');
    await popup.type('.page-note textarea', NOTE);
    // Closed at once, within the pause after which typing is saved.
    await popup.close();

    const library = await site.browser().openExtensionPage('library.html');
    const shown = await pollUntil(() => libraryNotes(library), (n) => n.length === 1, 'the note in the library', POLL);
    expect(shown).toEqual([{ text: NOTE, whiteSpace: 'pre-wrap' }]);
    expect(await library.evaluate(() => document.querySelector('.page-title')!.textContent)).toContain('Sora');

    await library.goto(await library.evaluate(() => location.href));
    expect(await pollUntil(() => libraryNotes(library), (n) => n.length === 1, 'the note after a reload', POLL)).toEqual([{ text: NOTE, whiteSpace: 'pre-wrap' }]);
    await library.close();

    await page.goto(url);
    const again = await site.browser().openPopupFor(page);
    await again.waitForSelector('.page-note textarea', { timeoutMs: 10_000 });
    expect(await again.evaluate(() => document.querySelector<HTMLTextAreaElement>('.page-note textarea')!.value)).toBe(NOTE);
    await again.close();
    await page.close();
  });
});
