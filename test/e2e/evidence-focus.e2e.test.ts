/**
 * Where the keyboard is once an outlet or a credited name is picked: at the sentence it was read
 * from, as after an in-page link, so the next Tab goes on from there and not inside the card. And
 * once a highlight is jumped to (the popup's row, the library's Open): at the passage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';
import { browsers, highlightYellow, serveSite, type TestPage } from './harness';

const DEMO_PAGE = readFileSync(new URL('../../demo/portal-article.html', import.meta.url), 'utf8');
/**
 * The demo page with a link in the paragraph after 联合早报's sentence, one after 纽约时报's, and one
 * ending the disclaimer that names 海南信息港 (cleanup hides it).
 */
const LINKED_PAGE = DEMO_PAGE.replace('转载请注明出处', '$&<a id="in-disclaimer" href="/about/">关于</a>').replace('OpenAI开发的视频生成模型Sora', '<a id="after-zaobao" href="#sora">OpenAI</a>开发的视频生成模型Sora').replace(
  '其部分技术源于Meta公司发布的LLaMA模型。',
  '$&<a id="after-nyt" href="#llama">LLaMA</a>',
);
const PATH = '/guoji/2024-02/23/content_30331.htm';
const POLL = { intervalMs: 100, timeoutMs: 10_000 };

/** In the page: the id of the element with the focus, '#card' inside the provenance card, '' for none. */
function focused(): string {
  const active = document.activeElement;
  if (active?.tagName === 'SOURCEMARK-PROVENANCE') return '#card';
  return active && active !== document.body ? `#${active.id}` : '';
}

/** In the page: whether the outlet or name `text` of the card is drawn; focuses it when it is. */
function focusInCard(text: string): boolean {
  const button = [...(document.querySelector('sourcemark-provenance')?.shadowRoot?.querySelectorAll<HTMLElement>('button.linklike') ?? [])].find((b) => b.textContent === text);
  button?.focus();
  return Boolean(button?.matches(':focus'));
}

/** In the page: the text flashed (the highlight, or the selection where the browser has none). */
function flashed(): string {
  const api = (globalThis as unknown as { CSS: { highlights?: Map<string, Iterable<Range>> } }).CSS.highlights;
  const fromHighlight = api?.get('sourcemark-flash');
  return fromHighlight ? [...fromHighlight].map((r) => r.toString()).join('') : (getSelection()?.toString() ?? '');
}

describe.each(browsers)('the keyboard after picking an entry of the provenance card in $name', (target) => {
  const site = serveSite(target, { routes: { [PATH]: { body: LINKED_PAGE, contentType: 'text/html; charset=utf-8' } } });
  const open = async (): Promise<TestPage> => {
    const page = await site.browser().openPage(site.url(PATH));
    await pollUntil(() => page.evaluate(focusInCard, '联合早报'), Boolean, 'the card', POLL);
    return page;
  };

  it('Enter on 联合早报 leaves the card: the next Tab goes on from its sentence', async () => {
    const page = await open();
    await page.press('Enter');
    await pollUntil(() => page.evaluate(flashed), (text) => text.includes('据新加坡《联合早报》网站2月20日报道'), 'the sentence flashed', POLL);
    expect(await page.evaluate(focused)).toBe('');
    await page.press('Tab');
    expect(await page.evaluate(focused)).toBe('#after-zaobao');
    // Nothing of ours is left on the page's story.
    expect(await page.evaluate(() => document.querySelectorAll('#text [tabindex]').length)).toBe(0);
    await page.close();
  });

  // The disclaimer naming 海南信息港 is hidden by cleanup and shown for a moment: the keyboard goes
  // there all the same.
  it('Enter on 海南信息港 takes the keyboard to the disclaimer cleanup hid, shown for the moment', async () => {
    const page = await open();
    expect(await page.evaluate(() => document.querySelector('p.statement')!.checkVisibility())).toBe(false);
    await page.evaluate(focusInCard, '海南信息港');
    await page.press('Enter');
    await pollUntil(() => page.evaluate(flashed), (text) => text.includes('不代表海南信息港立场'), 'the disclaimer flashed', POLL);
    expect(await page.evaluate(focused)).toBe('');
    await page.press('Tab');
    expect(await page.evaluate(() => document.querySelector('p.statement')!.checkVisibility())).toBe(true);
    expect(await page.evaluate(focused)).toBe('#in-disclaimer');
    await page.close();
  });

  it('a pick in the popup leaves the page at the sentence too', async () => {
    const page = await open();
    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('.chain-steps button', { timeoutMs: 10_000 });
    await popup.evaluate(() => ([...document.querySelectorAll('.chain-steps button')].find((b) => b.textContent === '纽约时报') as HTMLElement).click());
    await pollUntil(() => page.evaluate(flashed), (text) => text.includes('另据美国《纽约时报》网站2月21日报道'), 'the sentence flashed', POLL);
    await popup.close();
    await page.press('Tab');
    expect(await page.evaluate(focused)).toBe('#after-nyt');
    await page.close();
  });
});

describe.each(browsers)('the keyboard after a jump to a highlight in $name', (target) => {
  const site = serveSite(target, { routes: { [PATH]: { body: LINKED_PAGE, contentType: 'text/html; charset=utf-8' } } });
  /** The end of 联合早报's paragraph: the next focusable element is the link after it. */
  const PASSAGE = '中美科技博弈的紧迫感';

  /** Opens the page afresh, where the keyboard starts at the top, once the card is in. */
  const open = async (): Promise<TestPage> => {
    const page = await site.browser().openPage(site.url(PATH));
    await page.waitForSelector('sourcemark-provenance', { timeoutMs: 10_000 });
    return page;
  };

  it('a passage picked in the popup’s list: the next Tab goes on from it', async () => {
    const first = await open();
    await highlightYellow(first, PASSAGE, PASSAGE.length);
    await first.close();
    const page = await open();
    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('.hl-row button.quote', { timeoutMs: 10_000 });
    await popup.evaluate(() => document.querySelector<HTMLElement>('.hl-row button.quote')!.click());
    await pollUntil(() => page.evaluate(flashed), (text) => text.includes(PASSAGE), 'the passage flashed', POLL);
    await popup.close();
    await page.press('Tab');
    expect(await page.evaluate(focused)).toBe('#after-zaobao');
    expect(await page.evaluate(() => document.querySelectorAll('#text [tabindex]').length)).toBe(0);
    await page.close();
  });

  // The highlight is the one the test above made.
  it('the library’s Open: the page opens with the keyboard at the passage', async () => {
    const library = await site.browser().openExtensionPage('library.html');
    await library.waitForSelector('li.hl', { timeoutMs: 10_000 });
    await library.evaluate(() => ([...document.querySelectorAll('li.hl button')].find((b) => b.textContent!.startsWith('Open')) as HTMLElement).click());
    const page = await site.browser().waitForTab('#sourcemark=', { timeoutMs: 10_000 });
    await pollUntil(() => page.evaluate(flashed), (text) => text.includes(PASSAGE), 'the passage flashed', POLL);
    await page.press('Tab');
    expect(await page.evaluate(focused)).toBe('#after-zaobao');
    await page.close();
    await library.close();
  });
});
