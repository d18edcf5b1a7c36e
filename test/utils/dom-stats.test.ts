// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomStats, LEAD_CHARS } from '@/utils/dom-stats';
import { collapseSpace } from '@/utils/text';

describe('DomStats.lead', () => {
  it('is the first words of the collapsed visible text, however long the paragraph', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' \n\t ');
    document.body.innerHTML = `<div>  <span> 拓展阅读 </span>\u3000 <p>${words}</p></div>`;
    const div = document.body.firstElementChild!;
    expect(new DomStats().lead(div)).toBe(collapseSpace(div.textContent!).slice(0, LEAD_CHARS));
  });

  it('is not shortened by spaces merged where many children meet', () => {
    const children = Array.from({ length: 40 }, (_, i) => `<b> ${i % 10} </b>`).join('');
    document.body.innerHTML = `<div>${children}<p>${'长'.repeat(500)} ${'文'.repeat(500)}</p></div>`;
    const div = document.body.firstElementChild!;
    const lead = new DomStats().lead(div);
    expect(lead).toHaveLength(LEAD_CHARS);
    expect(lead).toBe(collapseSpace(div.textContent!).slice(0, LEAD_CHARS));
  });

  it('leaves out scripts and styles', () => {
    document.body.innerHTML = '<div><script>var x = 1;</script><style>p{}</style>相关新闻</div>';
    expect(new DomStats().lead(document.body.firstElementChild!)).toBe('相关新闻');
  });
});

describe('DomStats.lead, any tree', () => {
  // Pieces that stress where collapsed parts meet: runs of mixed spaces, CJK, words, empties.
  const piece = fc.constantFrom('', ' ', '\n\t ', '\u3000', '\u00a0', 'a', '长', 'word ', '  x  ', '拓展阅读', ' 相关 ');
  const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      piece,
      fc.tuple(fc.constantFrom('b', 'span', 'div', 'p'), fc.array(tie('node'), { maxLength: 6 })).map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
    ),
  })).node;

  it('is the first words of the whole collapsed text', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 8 }), (kids) => {
        document.body.innerHTML = `<div>${kids.join('')}</div>`;
        const div = document.body.firstElementChild!;
        expect(new DomStats().lead(div)).toBe(collapseSpace(div.textContent!).slice(0, LEAD_CHARS));
      }),
      { numRuns: 300 },
    );
  });
});
