// @vitest-environment jsdom
/**
 * Picking a colour on a passage already highlighted, as the browsers' painter (the CSS Custom
 * Highlight API, stubbed here) leaves the page's text nodes whole: the same passage is the highlight
 * there, the same words beside it are another.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Highlighter } from '@/components/highlighter';
import type { ToBackground } from '@/utils/messages';
import { removeCssHighlights, stubCssHighlights } from '../helpers/css-highlights';
import { pickColour } from '../helpers/toolbar';

const PAGE = 'https://news.example.cn/2024-02/23/content_9.htm';
const rect = { top: 100, left: 0, bottom: 120, right: 80, width: 80, height: 20, x: 0, y: 100 };

beforeAll(() => {
  Range.prototype.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect });
  stubCssHighlights();
});
afterAll(() => {
  delete (Range.prototype as Partial<Range>).getBoundingClientRect;
  removeCssHighlights();
});

describe('a colour picked on text already highlighted', () => {
  let sent: ToBackground[];
  let ui: HTMLElement;
  let highlighter: Highlighter;
  beforeEach(() => {
    document.body.innerHTML = '<p>哈哈哈哈，网友在评论区留言。</p>';
    sent = [];
    ui = document.createElement('div');
    highlighter = new Highlighter({
      root: document.body,
      pageUrl: PAGE,
      pageInfo: () => ({ url: PAGE, title: '', publisher: null, provenance: null }),
      send: async (msg) => (sent.push(msg), msg.type === 'highlight-create' ? { highlight: msg.highlight } : { highlights: [] }),
      listen: () => undefined,
      mountUi: async () => ui,
      t: (key) => key,
    });
  });

  /** Selects characters `from`..`to` of the paragraph and picks `color`. */
  async function pick(from: number, to: number, color: string): Promise<void> {
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to);
    await pickColour(highlighter, ui, range, color);
  }
  const types = () => sent.map((m) => m.type).filter((t) => t !== 'page-highlights');

  it('recolours the highlight when it is the same passage', async () => {
    await pick(0, 2, 'yellow');
    await pick(0, 2, 'green');
    expect(types()).toEqual(['highlight-create', 'highlight-update']);
  });

  it('recolours it when the selection takes the whitespace around the passage too (a triple-click)', async () => {
    document.body.innerHTML = '<p>\n  哈哈哈哈，网友在评论区留言。\n</p><p>下一段</p>';
    const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    const exact = document.createRange();
    exact.setStart(first!, 3);
    exact.setEnd(first!, 3 + '哈哈哈哈，网友在评论区留言。'.length);
    await pickColour(highlighter, ui, exact, 'yellow');
    const tripleClick = document.createRange();
    tripleClick.setStart(first!, 0);
    tripleClick.setEnd(second!, 0);
    await pickColour(highlighter, ui, tripleClick, 'green');
    expect(types()).toEqual(['highlight-create', 'highlight-update']);
  });

  it.each([
    ['just after it', [0, 2], [2, 4]],
    ['just before it', [2, 4], [0, 2]],
  ] as const)('makes a highlight of its own for the same words %s', async (_where, first, second) => {
    await pick(first[0], first[1], 'yellow');
    await pick(second[0], second[1], 'green');
    expect(types()).toEqual(['highlight-create', 'highlight-create']);
  });
});
