// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
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

  // In Firefox each DOM read of a content script crosses an Xray wrapper: what weighing an element
  // read of its name is not read again for its lead.
  it('reads no element’s name again for the lead of a box already weighed', () => {
    document.body.innerHTML = '<div><script>var x = 1;</script><h3><a href="/a">相关新闻</a></h3><ul><li>一</li></ul></div>';
    const div = document.body.firstElementChild!;
    const stats = new DomStats();
    stats.of(div);
    const localName = vi.spyOn(Element.prototype, 'localName', 'get');
    try {
      expect(stats.lead(div)).toBe('相关新闻一');
      expect(localName).not.toHaveBeenCalled();
    } finally {
      localName.mockRestore();
    }
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

describe('DomStats.of', () => {
  // With the page, one query finds what its markup hides; without it (nodes added later), each element is asked.
  it.each([
    ['the page', () => new DomStats(document)],
    ['each element', () => new DomStats()],
  ])('leaves out the text the markup hides beside links (the address a script reads), not a hidden link, asking %s', (_, statsFor) => {
    document.body.innerHTML = `<ul>
      <li style="display:none">http://fgw.example.gov.cn</li><li><a href="http://fgw.example.gov.cn">省发展和改革委员会</a></li>
      <li style="DISPLAY: NONE">http://jyt.example.gov.cn</li><li><a href="http://jyt.example.gov.cn">省教育厅</a></li>
      <li hidden><a href="/more">省科学技术厅</a></li><li aria-hidden="true">图标</li>
      <li style="border: none">省公安厅</li></ul>`;
    const stats = statsFor();
    const list = document.body.firstElementChild!;
    // Three links (9, 4 and 6 characters, one of them in a closed dropdown) and one line without a
    // link; the addresses and the icon's label weigh nothing, and "border: none" hides nothing.
    expect(stats.of(list)).toEqual({ weight: 23, linkWeight: 19, links: 3 });
    expect(stats.lead(list)).toBe('省发展和改革委员会 省教育厅 省科学技术厅 省公安厅');
  });

  it('still weighs a hidden element itself: a comment box the page’s script will show is judged as one', () => {
    document.body.innerHTML = '<div><div style="display: none">网友评论 暂无评论</div></div>';
    const stats = new DomStats();
    const outer = document.body.firstElementChild!;
    expect(stats.of(outer)).toEqual({ weight: 0, linkWeight: 0, links: 0 });
    expect(stats.of(outer.firstElementChild!)).toEqual({ weight: 8, linkWeight: 0, links: 0 });
    expect(stats.lead(outer.firstElementChild!)).toBe('网友评论 暂无评论');
  });
});
