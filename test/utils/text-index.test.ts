import { describe, expect, it } from 'vitest';
import { TextIndex } from '@/utils/text-index';
import { parseHtml } from '../helpers/dom';

const indexOf = (body: string): TextIndex => new TextIndex(parseHtml(`<body>${body}</body>`).body);
const squash = (s: string): string => s.replace(/\s+/g, '');

// Documents that exercise every kind of segment: copied text, collapsed runs, block boundaries with
// and without whitespace between them, inline boundaries, spaces split across nodes, skipped text.
const TRICKY = [
  '<p>a</p><p>b</p>',
  '<p>  one\n   two  </p>\n  <p> three</p>',
  '<p>中文<b>加粗</b>文字</p><p>第二段</p>',
  'foo <b> bar</b> <i>baz </i>qux',
  '<div>x<script>var y = 1;</script><style>p{}</style>z</div><p hidden>gone</p>w',
  '<p>a<br>b</p><ul><li>c</li><li> d </li></ul>',
  '\u3000\u3000正文\u00a0\u00a0第二句',
  '<p>one two three</p><p></p><p>   </p><p>four</p>',
];

describe('TextIndex text', () => {
  it.each([
    ['block boundaries separate words', '<p>a</p><p>b</p>', 'a b'],
    ['whitespace runs collapse, ends are trimmed', '<p>  one\n   two  </p>\n  <p> three</p>', 'one two three'],
    ['inline elements add nothing inside CJK text', '<p>中文<b>加粗</b>文字,<a href="#">链接</a>。</p>', '中文加粗文字,链接。'],
    ['spaces split across inline nodes collapse', 'foo <b> bar</b> <i>baz </i>qux', 'foo bar baz qux'],
    ['<br> and list items are boundaries', '<p>a<br>b</p><ul><li>c</li><li>d</li></ul>', 'a b c d'],
    ['ideographic and no-break spaces collapse', '\u3000\u3000正文\u00a0\u00a0第二句', '正文 第二句'],
    // Skipped elements leave no boundary either: the page reads the same with or without them.
    ['script, style, noscript, template, textarea and [hidden] are skipped',
      'a<script>s()</script><style>p{}</style><noscript>n</noscript><template>t</template><textarea>x</textarea><div hidden>h</div>b', 'ab'],
    ['our own UI is skipped', 'a<sourcemark-card>card</sourcemark-card><div data-sourcemark-ui>toolbar</div>b', 'ab'],
    ['what cleanup hides is kept', 'a<div data-sourcemark-hidden="ad">ad text</div>b', 'a ad text b'],
    ['an empty page', '<p> </p>', ''],
  ])('%s', (_name, body, text) => {
    expect(indexOf(body).text).toBe(text);
  });
});

describe('TextIndex mapping', () => {
  it.each(TRICKY)('maps every offset to a DOM point and back: %s', (body) => {
    const index = indexOf(body);
    for (let i = 0; i <= index.text.length; i++) {
      for (const side of ['start', 'end'] as const) {
        const p = index.point(i, side)!;
        expect(index.offsetOf(p.node, p.offset), `${side} ${i}`).toBe(i);
      }
    }
  });

  // Range.toString() includes script text, so only documents without skipped elements compare.
  it.each(TRICKY.filter((body) => !/<script|hidden/.test(body)))('a range built from offsets holds the same text: %s', (body) => {
    const index = indexOf(body);
    const n = index.text.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j <= n; j++) expect(squash(index.toRange(i, j).toString())).toBe(squash(index.text.slice(i, j)));
    }
  });

  it('maps points between and inside elements to the next indexed character', () => {
    const doc = parseHtml('<body><p id="a">one</p>\n<p id="b"><script>x</script><b>two</b></p><p id="c"></p></body>');
    const index = new TextIndex(doc.body);
    expect(index.text).toBe('one two');
    const b = doc.getElementById('b')!;
    const script = b.firstChild!;
    expect(index.offsetOf(b, 0)).toBe(4);
    expect(index.offsetOf(script.firstChild!, 1)).toBe(4);
    expect(index.offsetOf(doc.getElementById('a')!, 0)).toBe(0);
    expect(index.offsetOf(doc.getElementById('c')!, 0)).toBe(7);
    expect(index.offsetOf(doc.body, doc.body.childNodes.length)).toBe(7);
    expect(index.elementSpan(b)).toEqual({ start: 4, end: 7 });
  });

  it('gives a collapsed range on an empty page', () => {
    expect(indexOf('<p> </p>').toRange(0, 0).collapsed).toBe(true);
  });
});

describe('TextIndex textWhere', () => {
  it.each(TRICKY)('keeping every node gives the index text of any span, trimmed, a block boundary as a line break: %s', (body) => {
    const index = indexOf(body);
    const n = index.text.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j <= n; j++) expect(index.textWhere(i, j, () => true).replace(/\n/g, ' ')).toBe(index.text.slice(i, j).trim());
    }
  });

  it.each([
    ['paragraphs', '<p>one two</p>\n  <p>three</p>', 'one two\nthree'],
    ['a heading over a paragraph', '<h1>Floods hit</h1><p>Heavy rain</p>', 'Floods hit\nHeavy rain'],
    ['list items', '<ul><li>taxes</li> <li>rates</li></ul>', 'taxes\nrates'],
    ['a line break', '<p>first line<br>second line</p>', 'first line\nsecond line'],
    ['inline markup, which breaks nothing', '<p>one <b>two</b> <i>三</i>四</p>', 'one two 三四'],
    ['elements that count as a space but start no line (ruby, a button)', '<p>漢字<ruby>漢<rt>かん</rt></ruby>です <button>here</button> now</p>', '漢字 漢 かん です here now'],
  ])('tells block boundaries from word spaces: %s', (_name, body, want) => {
    const index = indexOf(body);
    expect(index.textWhere(0, index.text.length, () => true)).toBe(want);
  });

  const outsideX = (node: Text): boolean => !node.parentElement!.closest('.x');
  it.each([
    ['a block between paragraphs', '<p>one</p><div class="x">ad text</div><p>two</p>', 'one\ntwo'],
    ['an inline run inside a sentence', '<p>foo <span class="x">bar</span> baz</p>', 'foo baz'],
    ['CJK text around a refused inline run', '<p>中文<span class="x">广告</span>文字</p>', '中文文字'],
    ['refused text at both ends', '<div class="x">ad</div><p>story</p><div class="x">more</div>', 'story'],
    ['refused text ending a paragraph, whose break stays', '<p>one <span class="x">ad</span></p><p>two</p>', 'one\ntwo'],
    ['nothing kept', '<div class="x">ad</div>', ''],
  ])('leaves out the refused nodes: %s', (_name, body, want) => {
    const index = indexOf(body);
    expect(index.textWhere(0, index.text.length, outsideX)).toBe(want);
  });

  it('reads only the span asked for', () => {
    const index = indexOf('<p>one two</p><div class="x">ad</div><p>three four</p>');
    const start = index.text.indexOf('two');
    const end = index.text.indexOf('three') + 'three'.length;
    expect(index.textWhere(start, end, outsideX)).toBe('two\nthree');
  });
});
