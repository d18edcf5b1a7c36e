// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '@/components/highlighter';
import { describeRange } from '@/utils/anchoring';
import type { ToBackground } from '@/utils/messages';
import { quoteHighlight } from '../helpers/records';

const PAGE = 'https://news.example.cn/2024-02/23/content_1.htm';

function highlighterWith(send: (msg: ToBackground) => Promise<unknown>): Highlighter {
  return new Highlighter({
    root: document.body,
    pageUrl: PAGE,
    pageInfo: () => ({ url: PAGE, title: '', publisher: null, provenance: null }),
    send,
    listen: () => undefined,
    mountUi: async () => document.createElement('div'),
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
