// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flashEvidence, flashRange } from '@/utils/flash';

describe('flashRange', () => {
  const highlights = new Map<string, unknown>();
  beforeEach(() => {
    Element.prototype.scrollIntoView = () => undefined;
    const win = window as unknown as { Highlight: unknown; CSS: unknown };
    win.Highlight = class extends Set<Range> {
      constructor(range: Range) {
        super([range]);
      }
    };
    win.CSS = { highlights };
    document.body.innerHTML = '<p id="a">first passage</p><p id="b">second passage</p>';
  });
  afterEach(() => {
    highlights.clear();
    delete (Element.prototype as Partial<Element>).scrollIntoView;
    const win = window as unknown as Record<string, unknown>;
    delete win.Highlight;
    delete win.CSS;
  });

  const rangeOf = (id: string): Range => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(id)!);
    return range;
  };
  const flashed = (): string[] => [...((highlights.get('sourcemark-flash') as Set<Range> | undefined) ?? [])].map((r) => r.toString());

  // The flash's clock (AbortSignal.timeout, which runs where the page blocks timers) is real time here.
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('scrolls to the passage smoothly, or at once for a reader who asked for less motion', () => {
    const asked: Array<ScrollIntoViewOptions | boolean | undefined> = [];
    Element.prototype.scrollIntoView = (options) => void asked.push(options);
    const win = window as unknown as { matchMedia?: (query: string) => { matches: boolean } };
    const before = win.matchMedia;
    let reduce = false;
    win.matchMedia = (query) => ({ matches: query === '(prefers-reduced-motion: reduce)' && reduce });
    try {
      flashRange(document, rangeOf('a'));
      reduce = true;
      flashRange(document, rangeOf('b'));
    } finally {
      win.matchMedia = before;
    }
    expect(asked).toEqual([
      { block: 'center', behavior: 'smooth' },
      { block: 'center', behavior: 'auto' },
    ]);
  });

  it('flashes a passage for a moment, and gives one picked during it its whole time', async () => {
    flashRange(document, rangeOf('a'));
    expect(flashed()).toEqual(['first passage']);
    await wait(1200);
    flashRange(document, rangeOf('b'));
    await wait(1000);
    expect(flashed()).toEqual(['second passage']);
    await wait(1000);
    expect(flashed()).toEqual([]);
  });
});

describe('flashEvidence', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = () => undefined;
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道，正文。</p>';
  });
  afterEach(() => void delete (Element.prototype as Partial<Element>).scrollIntoView);

  it('is true when the text holds the sentence, and false when it does not, so the card can say so', () => {
    const revealed: Node[] = [];
    expect(flashEvidence(document.body, '据新加坡《联合早报》网站2月20日报道', { reveal: (n) => revealed.push(n) })).toBe(true);
    expect(revealed).toHaveLength(1);
    expect(flashEvidence(document.body, '不代表海南信息港立场')).toBe(false);
  });
});
