// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Highlighter } from '@/components/highlighter';
import { describeRange } from '@/utils/anchoring';
import type { ToBackground } from '@/utils/messages';
import { quoteHighlight } from '../helpers/records';

const PAGE = 'https://news.example.cn/2024-02/23/content_1.htm';

function highlighterWith(send: (msg: ToBackground) => Promise<unknown>, ui = document.createElement('div')): Highlighter {
  return new Highlighter({
    root: document.body,
    pageUrl: PAGE,
    pageInfo: () => ({ url: PAGE, title: '', publisher: null, provenance: null }),
    send,
    listen: () => undefined,
    mountUi: async () => ui,
    t: (key) => key,
  });
}

/** A stored highlight on the first `chars` characters of the page's paragraph. */
function storedOnParagraph(chars: number) {
  const text = document.querySelector('p')!.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, chars);
  const selectors = describeRange(range, document.body)!;
  return quoteHighlight(PAGE, selectors[0].exact, { selectors });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Highlighter.held', () => {
  it('is null until the store has answered, then the rows the popup lists with where they were placed', async () => {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const record = storedOnParagraph(8);
    let answer!: (v: unknown) => void;
    const highlighter = highlighterWith((msg) => (msg.type === 'page-highlights' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve({})));
    const restored = highlighter.restore();
    expect(highlighter.held()).toBeNull();
    answer({ highlights: [record] });
    await restored;
    const { id, quote, color, note, created } = record;
    // The popup's list needs no selectors: they stay out of the message.
    expect(highlighter.held()).toEqual({ highlights: [{ id, quote, color, note, created }], status: { placed: [record.id], orphaned: [] } });
  });

  it('stays null when the store fails, so the popup asks the store itself', async () => {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道。</p>';
    const highlighter = highlighterWith(async () => ({ error: { code: 'unknown', message: 'disk full' } }));
    await highlighter.restore();
    expect(highlighter.held()).toBeNull();
  });
});

describe('Highlighter, saving a new highlight', () => {
  // jsdom lays nothing out; the toolbar only needs a place to stand.
  const rect = { top: 100, left: 0, bottom: 120, right: 80, width: 80, height: 20, x: 0, y: 100 };
  beforeAll(() => void (Range.prototype.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect })));
  afterAll(() => void delete (Range.prototype as Partial<Range>).getBoundingClientRect);

  /** Selects the paragraph's first characters and picks yellow in the toolbar. */
  async function highlightWith(answer: unknown): Promise<HTMLElement> {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const ui = document.createElement('div');
    const sent: ToBackground[] = [];
    const highlighter = highlighterWith(async (msg) => (sent.push(msg), msg.type === 'highlight-create' ? answer : { highlights: [] }), ui);
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 8);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    highlighter.showToolbarForSelection();
    await new Promise((resolve) => setTimeout(resolve));
    (ui.querySelector('.swatch[data-color="yellow"]') as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(sent.map((m) => m.type)).toContain('highlight-create');
    return ui;
  }

  it('says nothing when the background kept it', async () => {
    const ui = await highlightWith({ highlight: { id: 'x' } });
    expect(ui.textContent).not.toContain('hl_save_failed');
  });

  // The background answers nothing to a message it refuses (another page's, say).
  it('says it was not saved when the background answered without the record', async () => {
    const ui = await highlightWith(undefined);
    expect(ui.textContent).toContain('hl_save_failed');
  });
});
