/**
 * Where the provenance card lands on an old portal's table layout, whose story is a table cell:
 * above the story's first line and as wide as its column, not a cell of its own beside it. And how
 * it is drawn: its own buttons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, serveSite } from './harness';

const TABLE_PAGE = readFileSync(new URL('../fixtures/pages/table-layout-portal/source.html', import.meta.url), 'utf8');
const PATH = '/layout/2024-05/17/content_1024.htm';
/** The demo page with its meta line floated left above the story, as some old portals set it. */
const DEMO_PAGE = readFileSync(new URL('../../demo/portal-article.html', import.meta.url), 'utf8');
const FLOAT_PAGE = DEMO_PAGE.replace(
  '<div class="info">',
  '<div class="info" style="float: left; width: 240px">',
);
const FLOAT_PATH = '/guoji/2024-02/23/content_30327.htm';
/** The demo page, for how the card is drawn. */
const DEMO_PATH = '/guoji/2024-02/23/content_30328.htm';

/** In the page: the card's buttons' borders and padding, as drawn. */
function cardButtons(): string[] {
  const root = document.querySelector('sourcemark-provenance')?.shadowRoot;
  return [...(root?.querySelectorAll('button') ?? [])].map((b) => {
    const s = getComputedStyle(b);
    return `${b.className}: border ${s.borderTopWidth}, padding ${s.paddingTop} ${s.paddingLeft}`;
  });
}

/** Whether the card's box and the floated meta line's overlap, read in the page (null before the card is in). */
function cardOverFloat(): boolean | null {
  const host = document.querySelector('sourcemark-provenance');
  const card = host?.shadowRoot?.querySelector('.card')?.getBoundingClientRect();
  if (!card || card.width === 0) return null;
  const meta = document.querySelector('.info')!.getBoundingClientRect();
  return card.left < meta.right && card.right > meta.left && card.top < meta.bottom && card.bottom > meta.top;
}

/** The card's box next to the story cell's and its first line's (the story is <br> lines), read in the page. */
function cardBoxes(): { inCell: boolean; cardWidth: number; cellWidth: number; cardBottom: number; firstLineTop: number } | null {
  const host = document.querySelector('sourcemark-provenance');
  const cell = host?.closest('td');
  if (!host || !cell) return null;
  const lines = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  let first = lines.nextNode();
  while (first && (first.nodeValue ?? '').trim().length < 10) first = lines.nextNode();
  if (!first) return null;
  const line = document.createRange();
  line.selectNodeContents(first);
  const card = host.getBoundingClientRect();
  return {
    inCell: host.parentElement === cell,
    cardWidth: card.width,
    cellWidth: cell.getBoundingClientRect().width,
    cardBottom: card.bottom,
    firstLineTop: line.getBoundingClientRect().top,
  };
}

describe.each(browsers)('the provenance card in $name: where it lands, how it is drawn', (target) => {
  const site = serveSite(target, {
    routes: {
      [PATH]: { body: TABLE_PAGE, contentType: 'text/html; charset=utf-8' },
      [FLOAT_PATH]: { body: FLOAT_PAGE, contentType: 'text/html; charset=utf-8' },
      [DEMO_PATH]: { body: DEMO_PAGE, contentType: 'text/html; charset=utf-8' },
    },
  });

  it('sits inside the story cell, above its first line, most of the column wide', async () => {
    const page = await site.browser().openPage(site.url(PATH));
    const boxes = await pollUntil(() => page.evaluate(cardBoxes), (b) => b !== null && b.cardWidth > 0, 'the card in the story cell', { intervalMs: 100, timeoutMs: 30_000 });
    expect(boxes!.inCell).toBe(true);
    expect(boxes!.cardWidth).toBeGreaterThan(boxes!.cellWidth * 0.8);
    expect(boxes!.cardBottom).toBeLessThanOrEqual(boxes!.firstLineTop);
    await page.close();
  });

  it('sits beside a float of the page, never under it', async () => {
    const page = await site.browser().openPage(site.url(FLOAT_PATH));
    expect(await pollUntil(() => page.evaluate(cardOverFloat), (over) => over !== null, 'the card', { intervalMs: 100, timeoutMs: 30_000 })).toBe(false);
    await page.close();
  });

  // The content script's stylesheet goes into the highlight toolbar's shadow root and the card's
  // alike: the toolbar's bordered buttons drew the card's head and outlets as boxes.
  it("draws its buttons as the card's own, not as the highlight toolbar's", async () => {
    const page = await site.browser().openPage(site.url(DEMO_PATH));
    const buttons = await pollUntil(() => page.evaluate(cardButtons), (b) => b.length > 0, 'the card', { intervalMs: 100, timeoutMs: 30_000 });
    expect(buttons.filter((b) => !b.endsWith('border 0px, padding 0px 0px'))).toEqual([]);
    await page.close();
  });
});
