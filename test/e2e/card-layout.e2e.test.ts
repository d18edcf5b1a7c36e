/**
 * Where the provenance card lands on an old portal's table layout, whose story is a table cell:
 * above the story's first line and as wide as its column, not a cell of its own beside it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, serveSite } from './harness';

const TABLE_PAGE = readFileSync(new URL('../fixtures/pages/table-layout-portal/source.html', import.meta.url), 'utf8');
const PATH = '/layout/2024-05/17/content_1024.htm';
/** The demo page with its meta line floated left above the story, as some old portals set it. */
const FLOAT_PAGE = readFileSync(new URL('../../demo/portal-article.html', import.meta.url), 'utf8').replace(
  '<div class="info">',
  '<div class="info" style="float: left; width: 240px">',
);
const FLOAT_PATH = '/guoji/2024-02/23/content_30327.htm';

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

describe.each(browsers)('the provenance card on a table layout in $name', (target) => {
  const site = serveSite(target, {
    routes: {
      [PATH]: { body: TABLE_PAGE, contentType: 'text/html; charset=utf-8' },
      [FLOAT_PATH]: { body: FLOAT_PAGE, contentType: 'text/html; charset=utf-8' },
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
});
