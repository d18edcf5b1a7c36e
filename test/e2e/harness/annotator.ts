/**
 * Driving our in-page UI (the annotator's and the card's shadow roots) and selecting page text
 * with real mouse and keyboard input: that UI answers only input the browser makes (a script's
 * `click()` or made-up `mouseup` is dropped), as a hostile page's would be.
 */
import { pollUntil } from '../../../scripts/lib/poll';
import type { E2EBrowser, Point, TestPage } from './types';

/**
 * In the page: the centre of the first `selector` in a shadow root of ours (whose text is `text`,
 * when given), scrolled into view; null until it is laid out, holds still for two frames (a
 * smooth scroll from an earlier flash may still be moving the page) and is what a click there hits.
 */
async function centreInShadow(root: ShadowRoot | null, [selector, text]: [string, string | null]): Promise<Point | null> {
  const el = [...(root?.querySelectorAll<HTMLElement>(selector) ?? [])].find((e) => text === null || e.textContent === text);
  if (!root || !el) return null;
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const centre = (): Point => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  const before = centre();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const after = centre();
  const hit = root.elementFromPoint(after.x, after.y);
  const still = before.x === after.x && before.y === after.y;
  return still && el.getBoundingClientRect().width > 0 && hit !== null && el.contains(hit) ? after : null;
}

/** Clicks a control in the shadow root of our element `host` once it is there, with the mouse. */
export async function clickInShadow(page: TestPage, host: string, selector: string, text: string | null = null): Promise<void> {
  const point = await pollUntil(() => page.inShadow(host, centreInShadow, [selector, text] as [string, string | null]), Boolean, `${selector} in ${host}`);
  await page.clickAt(point!);
}

/**
 * Runs `fn` in the page with the annotator's shadow root (null before it is there): closed, so
 * out of the page's reach, but not of the driver's.
 */
export const inAnnotator = <R, A = undefined>(page: TestPage, fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
  page.inShadow('sourcemark-annotator', fn, arg);

/** Clicks a control inside the annotator once it is there. */
export const clickInAnnotator = (page: TestPage, selector: string): Promise<void> => clickInShadow(page, 'sourcemark-annotator', selector);

/** Clicks an outlet (or the head) in the provenance card. */
export const clickInCard = (page: TestPage, selector: string, text: string | null = null): Promise<void> => clickInShadow(page, 'sourcemark-provenance', selector, text);

/** In the page: the text of the ranges drawn in our yellow highlight layer. */
export function drawnYellow(): string[] {
  const set = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-yellow');
  return set ? [...set].map((r) => r.toString()) : [];
}

/**
 * Text to select: `length` characters from where `phrase` starts (in one text node), or from
 * `startChars` into the `first` of the `paragraphs` to `endChars` into the `last`.
 */
export type TextSpan = { phrase: string; length: number } | { paragraphs: string; first: number; startChars: number; last: number; endChars: number };

/**
 * In the page: where a reader presses the mouse (before the span's first character) and lets go
 * (after its last), scrolled into view, and the text that selects. Any selection goes first: a press
 * inside one would drag it rather than select anew.
 */
function dragPoints(span: TextSpan): { from: Point; to: Point; text: string } {
  getSelection()!.removeAllRanges();
  let start: Text;
  let startAt: number;
  let end: Text;
  let endAt: number;
  if ('phrase' in span) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode() as Text | null;
    while (text && !text.data.includes(span.phrase)) text = walker.nextNode() as Text | null;
    if (!text) throw new Error(`no text holds ${span.phrase}`);
    [start, startAt, end] = [text, text.data.indexOf(span.phrase), text];
    endAt = startAt + span.length;
  } else {
    const paragraphs = document.querySelectorAll(span.paragraphs);
    [start, startAt] = [paragraphs[span.first]!.firstChild as Text, span.startChars];
    [end, endAt] = [paragraphs[span.last]!.firstChild as Text, span.endChars];
  }
  start.parentElement!.scrollIntoView({ block: 'center' });
  const charBox = (node: Text, at: number): DOMRect => {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getClientRects()[0] ?? range.getBoundingClientRect();
  };
  const first = charBox(start, startAt);
  const last = charBox(end, endAt - 1);
  const whole = document.createRange();
  whole.setStart(start, startAt);
  whole.setEnd(end, endAt);
  // A press in a character's left half puts the caret before it, a release in its right half after it.
  return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 }, text: whole.toString() };
}

const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Selects `span` by dragging the mouse over it, as a reader does; resolves to the selected text.
 * The page may still move (the card comes in above the story) between measuring and dragging, so a
 * drag that selected other text is made again.
 */
export async function selectText(page: TestPage, span: TextSpan): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const { from, to, text } = await page.evaluate(dragPoints, span);
    await page.dragMouse(from, to);
    const selected = await page.evaluate(() => getSelection()!.toString());
    if (sameText(selected, text) || attempt === 3) return selected;
  }
}

/**
 * Clicks the first passage drawn in our highlight layer `layer` (`sourcemark-green`), as a reader
 * opening its note, and waits for the editor. It clicks again only when the passage had moved
 * since it was measured (the card coming in above it): a click that hit it and opened nothing fails.
 */
export async function clickHighlight(page: TestPage, layer: string): Promise<void> {
  const editorOpen = () => inAnnotator(page, (root) => Boolean(root?.querySelector('.editor')));
  const where = (): Promise<Point> =>
    page.evaluate((name: string) => {
      const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name)!][0]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 2, y: rect.top + rect.height / 2 };
    }, layer);
  for (let point = await where(); ; ) {
    await page.clickAt(point);
    if (await pollUntil(editorOpen, Boolean, 'the note editor', { intervalMs: 100, timeoutMs: 3_000 }).catch(() => false)) return;
    const now = await where();
    if (now.x === point.x && now.y === point.y) throw new Error(`a click on the ${layer} highlight opened no note editor`);
    point = now;
  }
}

/** Selects the phrase, picks yellow in the toolbar and waits until it is drawn; resolves to the quote. */
export async function highlightYellow(page: TestPage, phrase: string, length: number): Promise<string> {
  const quote = await selectText(page, { phrase, length });
  await clickInAnnotator(page, '.toolbar .swatch[data-color="yellow"]');
  await pollUntil(() => page.evaluate(drawnYellow), (d) => d.length === 1, 'the yellow highlight', { intervalMs: 100, timeoutMs: 30_000 });
  return quote;
}

/** Opens `url` in a tab of its own, as a later visit, and resolves to the one yellow highlight drawn there once it is. */
export async function yellowOnVisit(browser: E2EBrowser, url: string): Promise<string[]> {
  const page = await browser.openPage(url);
  try {
    return await pollUntil(() => page.evaluate(drawnYellow), (d) => d.length === 1, `the yellow highlight on ${url}`, { intervalMs: 100, timeoutMs: 30_000 });
  } finally {
    await page.close();
  }
}
