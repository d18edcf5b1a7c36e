// @vitest-environment jsdom
/**
 * A page that changes under its drawn highlights, with the browsers' painter (the CSS Custom
 * Highlight API, stubbed here), whose live ranges follow the page's DOM as it changes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Highlighter } from '@/components/highlighter';
import { describeRange } from '@/utils/anchoring';
import { removeCssHighlights, stubCssHighlights } from '../helpers/css-highlights';
import { quoteHighlight } from '../helpers/records';

const PAGE = 'https://news.example.cn/2024-02/23/content_2.htm';
const STORY = '<div id="text"><p>新华社北京2月23日电 国家统计局今天发布数据。</p><p>一月份全国居民消费价格同比上涨。</p><p>其中城市上涨，农村持平。</p></div>';

beforeAll(stubCssHighlights);
afterAll(removeCssHighlights);
afterEach(() => void (document.body.innerHTML = ''));

/** A highlighter over the story whose store holds one highlight from `from` in the first paragraph to `to` in the second. */
async function highlightedAcrossParagraphs(from: number, to: number) {
  document.body.innerHTML = STORY;
  const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
  const range = document.createRange();
  range.setStart(first!, from);
  range.setEnd(second!, to);
  const selectors = describeRange(range, document.body)!;
  const record = quoteHighlight(PAGE, selectors[0].exact, { selectors });
  const highlighter = new Highlighter({
    // As the content script passes it: the page's body as it is when read.
    get root() {
      return document.body;
    },
    pageUrl: PAGE,
    pageInfo: () => ({ url: PAGE, title: '', publisher: null, provenance: null }),
    send: async (msg) => (msg.type === 'page-highlights' ? { highlights: [record] } : {}),
    listen: () => undefined,
    mountUi: async () => document.createElement('div'),
    t: (key) => key,
  });
  await highlighter.restore();
  return { highlighter, record };
}

/** The ranges drawn in yellow, as the painter holds them. */
function drawnRanges(): Range[] {
  const layers = (window as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
  return [...(layers.get('sourcemark-yellow') ?? [])];
}

/** The text a drawn highlight covers, as the painter holds it. */
function drawnText(): string {
  const layers = (window as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
  return [...layers.get('sourcemark-yellow')!].map((r) => r.toString()).join('|');
}

describe('a highlight on a page that swaps its paragraphs for copies (a framework re-rendering)', () => {
  it('is drawn on its own passage again, not stretched over the copy of its first paragraph', async () => {
    const { highlighter, record } = await highlightedAcrossParagraphs(3, 4);
    expect(drawnText()).toBe('北京2月23日电 国家统计局今天发布数据。一月份全');
    for (const p of document.querySelectorAll('p')) p.replaceWith(p.cloneNode(true));
    await vi.waitFor(() => expect(drawnText()).toBe('北京2月23日电 国家统计局今天发布数据。一月份全'), { timeout: 2000 });
    expect(highlighter.status()).toEqual({ placed: [record.id], orphaned: [] });
    highlighter.destroy();
  });

  it('is listed as not found when the copies say something else', async () => {
    const { highlighter, record } = await highlightedAcrossParagraphs(3, 4);
    for (const p of document.querySelectorAll('p')) {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.textContent = '此处内容已更新。';
      p.replaceWith(copy);
    }
    await vi.waitFor(() => expect(highlighter.status()).toEqual({ placed: [], orphaned: [record.id] }), { timeout: 2000 });
    highlighter.destroy();
  });
});

describe('a highlight found again after the page edited its passage', () => {
  it('stays drawn where it was found when the page changes elsewhere: it is not placed again at every change', async () => {
    const { highlighter, record } = await highlightedAcrossParagraphs(3, 4);
    // The page corrects a character inside the passage: the highlight is found again, fuzzily.
    const first = document.querySelector('p')!;
    first.firstChild!.textContent = first.textContent!.replace('统计局', '統計局');
    await vi.waitFor(() => expect(drawnText()).toBe('北京2月23日电 国家統計局今天发布数据。一月份全'), { timeout: 2000 });
    const [placed] = drawnRanges();
    // Later changes elsewhere on the page (an ad rotating) leave it as it is.
    for (let i = 0; i < 3; i++) {
      document.body.append(Object.assign(document.createElement('div'), { textContent: `广告 ${i}` }));
      // Past the highlighter's wait for the page to settle (400 ms), so each change is looked at.
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    expect(drawnRanges()).toHaveLength(1);
    expect(drawnRanges()[0]).toBe(placed);
    expect(highlighter.status()).toEqual({ placed: [record.id], orphaned: [] });
    highlighter.destroy();
  });
});

describe('a highlight on a page that puts a new body in place of its own, at the same address', () => {
  it('is drawn again in the new body', async () => {
    const { highlighter, record } = await highlightedAcrossParagraphs(3, 4);
    const body = document.createElement('body');
    body.innerHTML = STORY;
    document.body.replaceWith(body);
    const onPage = () => drawnRanges().map((r) => r.startContainer.isConnected && r.toString());
    await vi.waitFor(() => expect(onPage()).toEqual(['北京2月23日电 国家统计局今天发布数据。一月份全']), { timeout: 2000 });
    expect(highlighter.status()).toEqual({ placed: [record.id], orphaned: [] });
    highlighter.destroy();
  });
});
