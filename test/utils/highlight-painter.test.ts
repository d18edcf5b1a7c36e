import { describe, expect, it } from 'vitest';
import { createPainter } from '@/utils/highlight-painter';
import { parseHtml } from '../helpers/dom';

const HTML = '<body><p id="a">参考消息网2月23日报道 <b>据新加坡</b>《联合早报》网站报道</p><p id="b">second paragraph</p></body>';

function rangeOver(doc: Document, startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const r = doc.createRange();
  r.setStart(startNode, startOffset);
  r.setEnd(endNode, endOffset);
  return r;
}

describe('mark painter (no CSS Custom Highlight API)', () => {
  it('wraps across inline elements without changing the text, and unwraps on remove', () => {
    const doc = parseHtml(HTML);
    const p = doc.getElementById('a')!;
    const before = doc.body.textContent;
    const painter = createPainter(doc);
    const range = rangeOver(doc, p.firstChild!, 5, p.lastChild!, 4);
    const expected = range.toString();
    painter.draw('h1', range, 'green', false);
    expect(doc.body.textContent).toBe(before);
    expect([...doc.querySelectorAll('sourcemark-mark')].map((m) => m.textContent).join('')).toBe(expected);
    expect(painter.rangeOf('h1')!.toString()).toBe(expected);
    painter.remove('h1');
    expect(doc.querySelector('sourcemark-mark')).toBeNull();
    expect(doc.body.textContent).toBe(before);
  });

  it('underlines the marks of a highlight with a note', () => {
    const doc = parseHtml(HTML);
    const text = doc.getElementById('b')!.firstChild as Text;
    const painter = createPainter(doc);
    painter.draw('plain', rangeOver(doc, text, 0, text, 6), 'yellow', false);
    painter.draw('noted', rangeOver(doc, doc.getElementById('b')!.lastChild!, 1, doc.getElementById('b')!.lastChild!, 10), 'yellow', true);
    const line = (id: string) => doc.querySelector<HTMLElement>(`sourcemark-mark[data-id="${id}"]`)!.style.textDecoration;
    expect(line('plain')).toBe('');
    expect(line('noted')).toContain('underline');
  });

  it('hit-tests the innermost of overlapping highlights', () => {
    const doc = parseHtml(HTML);
    const text = doc.getElementById('b')!.firstChild as Text;
    const painter = createPainter(doc);
    painter.draw('outer', rangeOver(doc, text, 0, text, 16), 'yellow', false);
    const inner = doc.querySelector('sourcemark-mark')!.firstChild as Text;
    painter.draw('inner', rangeOver(doc, inner, 7, inner, 16), 'pink', false);
    const innerMark = doc.querySelector('sourcemark-mark[data-id="inner"]')!;
    expect(innerMark.textContent).toBe('paragraph');
    expect(painter.hitTest(0, 0, innerMark.firstChild!.parentElement)).toBe('inner');
    expect(painter.hitTest(0, 0, doc.querySelector('sourcemark-mark[data-id="outer"]'))).toBe('outer');
    expect(painter.hitTest(0, 0, doc.getElementById('a'))).toBeNull();
    expect(painter.ids().sort()).toEqual(['inner', 'outer']);
  });
});

describe('CSS highlight painter', () => {
  /** jsdom lacks the API; a minimal registry and Highlight class stand in for the browser's. */
  function withHighlightApi(doc: Document) {
    class FakeHighlight extends Set<Range> {}
    const registry = new Map<string, FakeHighlight>();
    Object.assign(doc.defaultView!, { Highlight: FakeHighlight, CSS: { highlights: registry } });
    return registry;
  }

  it('draws into one registered highlight per colour, leaves the DOM alone, and cleans up', () => {
    const doc = parseHtml(HTML);
    const registry = withHighlightApi(doc);
    const before = doc.body.innerHTML;
    const painter = createPainter(doc);
    const text = doc.getElementById('b')!.firstChild as Text;
    const range = rangeOver(doc, text, 0, text, 6);
    painter.draw('h', range, 'blue', false);
    expect(registry.get('sourcemark-blue')!.has(range)).toBe(true);
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.head.textContent).toContain('::highlight(sourcemark-blue)');
    painter.draw('h', range, 'pink', false);
    expect(registry.get('sourcemark-blue')!.size).toBe(0);
    expect(registry.get('sourcemark-pink')!.has(range)).toBe(true);
    painter.focus('h');
    expect(registry.get('sourcemark-focus')!.has(range)).toBe(true);
    painter.destroy();
    expect(registry.size).toBe(0);
    expect(doc.head.textContent).not.toContain('::highlight');
  });

  it('underlines a highlight with a note in a layer of its own, and no longer once its note is gone', () => {
    const doc = parseHtml(HTML);
    const registry = withHighlightApi(doc);
    const painter = createPainter(doc);
    const text = doc.getElementById('b')!.firstChild as Text;
    const range = rangeOver(doc, text, 0, text, 6);
    painter.draw('h', range, 'blue', true);
    expect(registry.get('sourcemark-noted')!.has(range)).toBe(true);
    expect(registry.get('sourcemark-blue')!.has(range)).toBe(true);
    expect(doc.head.textContent).toMatch(/::highlight\(sourcemark-noted\)\{text-decoration:underline/);
    painter.draw('h', range, 'blue', false);
    expect(registry.get('sourcemark-noted')!.size).toBe(0);
    painter.draw('h', range, 'blue', true);
    painter.remove('h');
    expect(registry.get('sourcemark-noted')!.size).toBe(0);
  });
});
