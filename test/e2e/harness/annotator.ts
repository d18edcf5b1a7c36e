/** Driving our in-page annotation UI, which lives in the `sourcemark-annotator` shadow root. */
import { pollUntil } from '../../../scripts/lib/poll';
import type { E2EBrowser, TestPage } from './types';

/** Clicks a control inside the annotator once it is there. */
export async function clickInAnnotator(page: TestPage, selector: string): Promise<void> {
  const click = () =>
    page.evaluate((sel: string) => {
      const el = document.querySelector('sourcemark-annotator')?.shadowRoot?.querySelector(sel) as HTMLElement | null | undefined;
      el?.click();
      return Boolean(el);
    }, selector);
  await pollUntil(click, Boolean, `${selector} in the annotator`);
}

/** In the page: the text of the ranges drawn in our yellow highlight layer. */
export function drawnYellow(): string[] {
  const set = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('sourcemark-yellow');
  return set ? [...set].map((r) => r.toString()) : [];
}

/** In the page: selects `length` characters from where `phrase` starts (in one text node) and releases the mouse there, as a reader would. */
export function selectPhrase([phrase, length]: [string, number]): string {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = walker.nextNode();
  while (text && !text.textContent!.includes(phrase)) text = walker.nextNode();
  if (!text) throw new Error(`no text holds ${phrase}`);
  const at = text.textContent!.indexOf(phrase);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  const rect = range.getBoundingClientRect();
  document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.left, clientY: rect.top }));
  return range.toString();
}

/** Selects the phrase, picks yellow in the toolbar and waits until it is drawn; resolves to the quote. */
export async function highlightYellow(page: TestPage, phrase: string, length: number): Promise<string> {
  const quote = await page.evaluate(selectPhrase, [phrase, length] as [string, number]);
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
