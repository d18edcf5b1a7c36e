/**
 * Where the provenance card lands on an old portal's table layout, whose story is a table cell:
 * above the story's first line and as wide as its column, not a cell of its own beside it. And how
 * it is drawn: its own buttons, its credits whole at any width, no line opening with a dot.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, serveSite, type Site, type TestPage } from './harness';

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

/** The demo page signed by four reporters and a compiler, as a wire story's byline runs (NAMES: the four, then the compiler). */
const CREDITS_PAGE = DEMO_PAGE.replace('(编译/刘子彦)', '（记者 欧阳振华 司马相如 诸葛孔明 慕容云海） 编译/刘子彦');
const CREDITS_PATH = '/guoji/2024-02/23/content_30329.htm';
/** The demo page marked right to left, as an Arabic or Hebrew portal is. */
const RTL_PAGE = DEMO_PAGE.replace('<html lang="zh-CN">', '<html lang="zh-CN" dir="rtl">');
const RTL_PATH = '/guoji/2024-02/23/content_30330.htm';
const NAMES = ['欧阳振华', '司马相如', '诸葛孔明', '慕容云海', '刘子彦'];
/** The demo page with a Latin relay and author each holding a word wider than a narrow card's line. */
const LONG_NAMES = ['Zeitungsverlagsgruppe', 'Maximilian Wolfeschlegelsteinhausenbergerdorff'];
const LONG_PAGE = DEMO_PAGE.replaceAll('参考消息网', LONG_NAMES[0]!).replace('(编译/刘子彦)</p>', `(编译/刘子彦)</p><p>Author, ${LONG_NAMES[1]}</p>`);
const LONG_PATH = '/guoji/2024-02/23/content_30331.htm';

/** The role words of the demo page's chain in English and in Japanese (the outlet goes between or before them). */
const EN_PHRASES = ['published this page', 'reprinted from', 'reported by'];
const JA_PHRASES = ['がこのページを掲載', 'から転載', 'が報道'];

/**
 * In the page: with the source chain's box (the card's column, or the popup) from 180 to 460 px
 * wide, whether every one of `phrases` was found in its steps each time, and where one ran over
 * two lines though a line could hold it (one wider than the line wraps inside itself).
 */
function wholeAtEveryWidth(phrases: string[]): { found: boolean; split: string[] } {
  const host = document.querySelector<HTMLElement>('sourcemark-provenance');
  const box = host ? host.parentElement! : document.querySelector<HTMLElement>('.popup')!;
  if (host) box.style.flex = 'none';
  const steps = (host?.shadowRoot ?? document).querySelector('.chain-steps')!;
  const ranges = (): Array<[string, Range]> => {
    const found: Array<[string, Range]> = [];
    const walker = document.createTreeWalker(steps, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const phrase of phrases) {
        const at = node.data.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        found.push([phrase, range]);
      }
    }
    return found;
  };
  // Each phrase's width on one line, read in the widest box.
  box.style.width = '1000px';
  const oneLine = new Map(ranges().map(([phrase, range]) => [phrase, range.getBoundingClientRect().width]));
  const seen = { found: oneLine.size === phrases.length, split: [] as string[] };
  for (let width = 180; width <= 460; width += 7) {
    box.style.width = `${width}px`;
    const found = ranges();
    seen.found &&= found.length >= phrases.length;
    for (const [phrase, range] of found) {
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
      const line = range.startContainer.parentElement!.closest('li')!.clientWidth;
      if (Math.max(...tops) - Math.min(...tops) > 8 && oneLine.get(phrase)! <= line) seen.split.push(`${phrase} at ${width}px`);
    }
  }
  return seen;
}

/**
 * In the page: with the source chain's box (the card's column, or the popup) from 150 to 460 px
 * wide, each dot of its steps and credits that is astray, as "width: where": one starting a line (a
 * wrapped date or relay, a credit's next role, read as a list's bullet), one not beside the
 * character before it (past a wrapped phrase, at the far end of its last line), or one drawn over.
 */
function dotsAstray(): string[] {
  const host = document.querySelector<HTMLElement>('sourcemark-provenance');
  const box = host ? host.parentElement! : document.querySelector<HTMLElement>('.popup')!;
  if (host) box.style.flex = 'none';
  const root = host?.shadowRoot ?? document;
  const found: string[] = [];
  for (let width = 150; width <= 460; width += 7) {
    box.style.width = `${width}px`;
    for (const entry of root.querySelectorAll('.chain-steps li, .chain .credits')) {
      // Each drawn character in order; one lower than the last starts a line.
      let line = '';
      let last: DOMRect | null = null;
      const walker = document.createTreeWalker(entry, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          if (/\s/.test(node.data[i]!)) {
            if (line && !line.endsWith(' ')) line += ' ';
            continue;
          }
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const char = range.getClientRects()[0];
          if (!char) continue;
          const newLine = last !== null && char.top > last.top + last.height / 2;
          if (newLine) line = '';
          // What follows a dot on its line is drawn clear of it, not over it.
          if (!newLine && last && line.trimEnd().endsWith('·') && Math.min(char.right, last.right) - Math.max(char.left, last.left) > 1) {
            found.push(`${width}: "${node.data[i]}" over the dot after "${line}"`);
          }
          if (node.data[i] === '·' && last) {
            // Beside it: no further than the no-break space between them (about a third of an em), either way round.
            const gap = Math.min(Math.abs(char.left - last.right), Math.abs(last.left - char.right));
            const em = parseFloat(getComputedStyle(node.parentElement!).fontSize);
            if (newLine) found.push(`${width}: a line opens with the dot after "${line || '…'}"`);
            else if (gap > em / 2) found.push(`${width}: the dot ${Math.round(gap)}px from "${line.trim()}"`);
          }
          line += node.data[i];
          last = char;
        }
      }
    }
  }
  box.style.width = box.style.flex = '';
  return found;
}

/**
 * In the page: with the source chain's box (the card's column, or the popup) from 150 to 460 px
 * wide, the chain's text drawn past its box's edges (a date or a name kept on one line wider than
 * the line), each as the width, the text and how many px over; and a date split inside its day
 * (2024-02-23 may leave its time for the next line, not its day's digits).
 */
function textOutOfBox(): string[] {
  const host = document.querySelector<HTMLElement>('sourcemark-provenance');
  const box = host ? host.parentElement! : document.querySelector<HTMLElement>('.popup')!;
  if (host) box.style.flex = 'none';
  const chain = (host?.shadowRoot ?? document).querySelector('.chain')!;
  const found: string[] = [];
  for (let width = 150; width <= 460; width += 7) {
    box.style.width = `${width}px`;
    // The chain is a block: its box is the card's (or the popup's) content box, whatever its text.
    const edge = chain.getBoundingClientRect();
    const walker = document.createTreeWalker(chain, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (!node.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // A dot or comma alone may hang past the line's end into the card's padding (Glued in
      // SourceChain.tsx: rather than split a credit that fits the line), starting at the edge; text
      // must end inside it. Half a pixel for rounding.
      const hangs = /^\s*[·,、]$/.test(node.data);
      const over = Math.max(0, ...[...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.max((hangs ? r.left : r.right) - edge.right, edge.left - r.left)));
      if (over > 0.5) found.push(`${width}: "${node.data.trim()}" ${Math.round(over)}px over`);
      const day = /\d{4}-\d{2}-\d{2}/.exec(node.data);
      if (day) {
        range.setStart(node, day.index);
        range.setEnd(node, day.index + day[0].length);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
        if (Math.max(...tops) - Math.min(...tops) > 8) found.push(`${width}: "${day[0]}" split`);
      }
    }
  }
  box.style.width = box.style.flex = '';
  return found;
}

/**
 * Opens the page at `path`, waits for its card and expects `astray` (run in the page, then in its
 * popup once `popupReady` is there) to find nothing; `onCard` checks the card first.
 */
async function expectNoneInCardAndPopup(site: Site, path: string, popupReady: string, astray: () => string[], onCard?: (page: TestPage) => Promise<void>): Promise<void> {
  const page = await site.browser().openPage(site.url(path));
  await pollUntil(() => page.evaluate(cardButtons), (b) => b.length > 0, 'the card', { intervalMs: 100, timeoutMs: 30_000 });
  await onCard?.(page);
  expect(await page.evaluate(astray)).toEqual([]);
  const popup = await site.browser().openPopupFor(page);
  await popup.waitForSelector(popupReady, { timeoutMs: 10_000 });
  expect(await popup.evaluate(astray)).toEqual([]);
  await popup.close();
  await page.close();
}

/**
 * Expects all the chain's text inside its box at every width, in the card of the page at `path`
 * and in its popup, the card showing each of `names`.
 */
function expectTextInsideTheBox(site: Site, path: string, popupReady: string, names: string[] = []): Promise<void> {
  return expectNoneInCardAndPopup(site, path, popupReady, textOutOfBox, async (page) => {
    const shown = await page.evaluate(() => document.querySelector('sourcemark-provenance')!.shadowRoot!.querySelector('.chain')!.textContent ?? '');
    expect(names.filter((name) => !shown.includes(name))).toEqual([]);
  });
}

/** Expects every dot of the chain and the credits beside the text before it, in the card of the page at `path` and in its popup. */
function expectDotsBesideTheirText(site: Site, path: string, popupReady: string): Promise<void> {
  return expectNoneInCardAndPopup(site, path, popupReady, dotsAstray);
}

/** In the page: the card's buttons' borders and padding, as drawn. */
function cardButtons(): string[] {
  const root = document.querySelector('sourcemark-provenance')?.shadowRoot;
  return [...(root?.querySelectorAll('button') ?? [])].map((b) => {
    const s = getComputedStyle(b);
    return `${b.className}: border ${s.borderTopWidth}, padding ${s.paddingTop} ${s.paddingLeft}`;
  });
}

/**
 * In the page: with the card's column `width` px wide, the credits' pieces that run over two lines
 * (each name with the comma after it, and the first one with the role word before it too). The
 * pieces are found in the text, whatever the markup around them.
 */
function splitCredits([width, names]: [number, string[]]): string[] {
  const host = document.querySelector('sourcemark-provenance') as HTMLElement;
  const column = host.parentElement!;
  column.style.flex = 'none';
  column.style.width = `${width}px`;
  const credits = host.shadowRoot!.querySelector('.credits')!;
  const text = credits.textContent ?? '';
  // The first name of a run keeps the role word before it (reporters 欧阳振华, by 刘子彦), and a name
  // the comma after it (a line starting with 、 or , reads as a typo).
  const pieces = names.map((name, i) => text.match(new RegExp(`${i === 0 || i === names.length - 1 ? '\\S+ ' : ''}${name}[,、]?`))![0]);
  const split: string[] = [];
  for (const piece of pieces) {
    const start = text.indexOf(piece);
    if (start < 0) throw new Error(`no ${piece} in the credits: ${text}`);
    // The range over the piece's characters, through the text nodes of the line.
    const range = document.createRange();
    const walker = document.createTreeWalker(credits, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const end = seen + node.length;
      if (start >= seen && start < end) range.setStart(node, start - seen);
      if (start + piece.length > seen && start + piece.length <= end) range.setEnd(node, start + piece.length - seen);
      seen = end;
    }
    // Pieces of one line may sit a pixel or two apart (a Latin and a CJK face); lines are a line height apart.
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
    if (Math.max(...tops) - Math.min(...tops) > 8) split.push(`${piece} at ${width}px`);
  }
  return split;
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
      [CREDITS_PATH]: { body: CREDITS_PAGE, contentType: 'text/html; charset=utf-8' },
      [RTL_PATH]: { body: RTL_PAGE, contentType: 'text/html; charset=utf-8' },
      [LONG_PATH]: { body: LONG_PAGE, contentType: 'text/html; charset=utf-8' },
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
    // Its Reader view link in the card's accent, as its title, not in the text's colour.
    const colours = await page.evaluate(() => {
      const root = document.querySelector('sourcemark-provenance')!.shadowRoot!;
      return [root.querySelector('.reader-link')!, root.querySelector('.title')!].map((el) => getComputedStyle(el).color);
    });
    expect(colours[0]).toBe(colours[1]);
    // The outlets and credited names are underlined, dotted: they can be picked (bold text alone read as a label).
    const underlined = await page.evaluate(() =>
      [...document.querySelector('sourcemark-provenance')!.shadowRoot!.querySelectorAll('.linklike strong, .credit-name')].map((el) => {
        const s = getComputedStyle(el);
        return `${el.textContent}: ${s.textDecorationLine} ${s.textDecorationStyle}`;
      }),
    );
    expect(underlined).toEqual(['海南信息港', '参考消息网', '联合早报', '纽约时报', '刘子彦'].map((name) => `${name}: underline dotted`));
    await page.close();
  });

  it("marks its outlets and names with the page's language, the card being in the reader's", async () => {
    const page = await site.browser().openPage(site.url(CREDITS_PATH));
    await pollUntil(() => page.evaluate(cardButtons), (b) => b.length > 0, 'the card', { intervalMs: 100, timeoutMs: 30_000 });
    const marked = await page.evaluate(() =>
      [...document.querySelector('sourcemark-provenance')!.shadowRoot!.querySelectorAll('.linklike strong, .credit-name')].map((el) => `${el.textContent} ${el.getAttribute('lang')}`),
    );
    expect(marked).toEqual(['海南信息港', '参考消息网', '联合早报', '纽约时报', ...NAMES].map((name) => `${name} zh-CN`));
    await page.close();
  });

  // On a page written right to left the card took the page's direction: "刘子彦 compiled by :Credits".
  it("is laid out in its own words' direction on a page written right to left", async () => {
    const page = await site.browser().openPage(site.url(RTL_PATH));
    await pollUntil(() => page.evaluate(cardButtons), (b) => b.length > 0, 'the card', { intervalMs: 100, timeoutMs: 30_000 });
    const seen = await page.evaluate(() => {
      const root = document.querySelector('sourcemark-provenance')!.shadowRoot!;
      const title = root.querySelector('.title')!.getBoundingClientRect();
      const card = root.querySelector('.card')!.getBoundingClientRect();
      return { direction: getComputedStyle(root.querySelector('.chain')!).direction, titleAtStart: title.left - card.left < card.right - title.right };
    });
    expect(seen).toEqual({ direction: 'ltr', titleAtStart: true });
    await page.close();
  });

  it("keeps each role's words whole on a line (reported by), at any width", async () => {
    const page = await site.browser().openPage(site.url(DEMO_PATH));
    await pollUntil(() => page.evaluate(cardButtons), (b) => b.length > 0, 'the card', { intervalMs: 100, timeoutMs: 30_000 });
    expect(await page.evaluate(wholeAtEveryWidth, EN_PHRASES)).toEqual({ found: true, split: [] });
    await page.close();
  });

  it('keeps each dot of the chain and the credits beside its text, never opening a line, in the card or the popup, at any width', async () => {
    await expectDotsBesideTheirText(site, CREDITS_PATH, '.chain .credits');
  });

  // A narrow window or sidebar drew 2024-02-23 09:42, kept on one line, past the card's edge, cut off.
  it('keeps all its text inside the card and the popup (a date, a long name), at any width', async () => {
    await expectTextInsideTheBox(site, CREDITS_PATH, '.chain .credits');
    await expectTextInsideTheBox(site, LONG_PATH, '.chain .credits', LONG_NAMES);
  });

  it('keeps each credit whole on its line, breaking only between credits, at any width', async () => {
    const page = await site.browser().openPage(site.url(CREDITS_PATH));
    await pollUntil(() => page.evaluate(cardButtons), (b) => b.length > 0, 'the card', { intervalMs: 100, timeoutMs: 30_000 });
    const split: string[] = [];
    for (let width = 180; width <= 460; width += 7) split.push(...(await page.evaluate(splitCredits, [width, NAMES] as [number, string[]])));
    expect(split).toEqual([]);
    await page.close();
  });
});

// Japanese and Chinese lines break between any two characters: a narrow card or popup broke 掲/載.
// Chromium only: Firefox ESR as packaged has no interface language but en-US (the English test
// above runs the same layout in both).
describe('the provenance card and the popup in Japanese', () => {
  const chromium = browsers.find((b) => b.name === 'chromium')!;
  const site = serveSite(chromium, { routes: { [DEMO_PATH]: { body: DEMO_PAGE, contentType: 'text/html; charset=utf-8' } }, launch: { lang: 'ja' } });

  it("keep each role's words whole on a line (が報道, から転載), at any width", async () => {
    const page = await site.browser().openPage(site.url(DEMO_PATH));
    await pollUntil(() => page.evaluate(cardButtons), (b) => b.length > 0, 'the card', { intervalMs: 100, timeoutMs: 30_000 });
    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('.chain-steps', { timeoutMs: 10_000 });
    expect(await popup.evaluate(wholeAtEveryWidth, JA_PHRASES)).toEqual({ found: true, split: [] });
    await popup.close();
    expect(await page.evaluate(wholeAtEveryWidth, JA_PHRASES)).toEqual({ found: true, split: [] });
    await page.close();
  });

  it('keeps each dot beside its text (が報道 ·, then the date), never opening a line, in the card or the popup, at any width', async () => {
    await expectDotsBesideTheirText(site, DEMO_PATH, '.chain-steps');
  });
});
