import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Selector } from '@/utils/annotation-types';
import { analyzePage } from '@/utils/analyze';
import { anchor, anchorMany, describeRange, type RangeSelectors } from '@/utils/anchoring';
import { Cleanup } from '@/utils/cleanup';
import { TextIndex } from '@/utils/text-index';
import { parseHtml } from '../helpers/dom';

const ARTICLE = `
  <div id="story">
    <h1>Council budget vote</h1>
    <p>The city council met on Monday evening to debate the <b>new budget</b>, which the mayor
       described as <a href="/x">the most ambitious</a> in a decade.</p>
    <p>Speaking after the vote, the committee chair said the committee had reviewed every line,
       and that the committee would publish its notes within a week.</p>
    <script>var tracker = "the committee had reviewed every line";</script>
    <p>参考消息网2月23日报道 据新加坡《联合早报》网站2月20日报道,继生成式<b>人工智能</b>(AI)ChatGPT之后,
       美国开放人工智能研究中心近日凭借逼真的视频生成技术再次出圈。</p>
    <p>Residents who attended were divided. Some praised the plan for its investment in parks and
       public transport; others worried that property taxes would rise sharply next year.</p>
    <p>The council approved the new budget on Monday, with seven votes in favour and two against.</p>
    <p>A final reading is scheduled for next month, when amendments may still be proposed.</p>
  </div>`;

const page = (html: string = ARTICLE): Document => parseHtml(`<!doctype html><html><body>${html}</body></html>`);
const squash = (s: string): string => s.replace(/\s+/g, '');

/** Selectors for the `nth` occurrence of `needle` in the page's readable text. */
function describeText(doc: Document, needle: string, nth = 0): RangeSelectors {
  const index = new TextIndex(doc.body);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = index.text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not on the page: ${needle}`);
  return describeRange(index.toRange(at, at + needle.length), doc.body, index)!;
}

/** Where `needle` (its `nth` occurrence) sits in a page's readable text. */
function offsetIn(doc: Document, needle: string, nth = 0): number {
  const text = new TextIndex(doc.body).text;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return at;
}

describe('describeRange', () => {
  it('describes a range across paragraphs and inline elements with quote, position and hint', () => {
    const doc = page();
    const b = doc.querySelector('b')!.firstChild!; // "new budget"
    const secondP = doc.querySelectorAll('p')[1]!.firstChild!;
    const range = doc.createRange();
    range.setStart(b, 4);
    range.setEnd(secondP, 'Speaking after'.length);
    const [quote, position, hint] = describeRange(range, doc.body)!;
    expect(quote.exact).toBe('budget, which the mayor described as the most ambitious in a decade. Speaking after');
    expect(quote.prefix).toBe('onday evening to debate the new ');
    expect(quote.suffix).toBe(' the vote, the committee chair s');
    const text = new TextIndex(doc.body).text;
    expect(text.slice(position.start, position.end)).toBe(quote.exact);
    expect(doc.querySelector(hint.selector)).toBe(doc.getElementById('story'));
  });

  it('trims whitespace at the ends and leaves out script text', () => {
    const doc = page();
    const p = doc.querySelectorAll('p')[1]!;
    const range = doc.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(doc.querySelectorAll('p')[2]!.firstChild!, 0);
    const [quote] = describeRange(range, doc.body)!;
    expect(quote.exact.startsWith('Speaking')).toBe(true);
    expect(quote.exact.endsWith('within a week.')).toBe(true);
    expect(quote.suffix.startsWith(' 参考消息网')).toBe(true);
  });

  it('returns null for a collapsed or whitespace-only range', () => {
    const doc = page('<p>one</p>\n   <p>two</p>');
    const range = doc.createRange();
    range.setStart(doc.body.firstChild!.firstChild!, 1);
    expect(describeRange(range, doc.body)).toBeNull();
    range.setStart(doc.body.firstChild!.firstChild!, 3);
    range.setEnd(doc.body.lastChild!.firstChild!, 0);
    expect(describeRange(range, doc.body)).toBeNull();
  });
});

describe('anchor', () => {
  it.each([
    ['across paragraphs and inline elements', 'budget, which the mayor described as the most ambitious in a decade. Speaking after'],
    ['inside a link', 'most ambi'],
    ['in CJK text across an inline element', '继生成式人工智能(AI)Chat'],
    ['across CJK and Latin paragraphs', '视频生成技术再次出圈。 Residents who'],
  ])('finds a passage %s on a reloaded page by its hint', (_name, needle) => {
    const selectors = describeText(page(), needle);
    const reloaded = page();
    const found = anchor(selectors, reloaded.body)!;
    expect(found.method).toBe('hint');
    expect(found.score).toBe(1);
    expect(squash(found.range.toString())).toBe(squash(needle));
    expect(found.start).toBe(offsetIn(reloaded, needle));
  });

  it('falls back to the position when the hint element is gone', () => {
    const selectors = describeText(page(), 'public transport');
    const [quote, position] = selectors;
    const found = anchor([quote, position, { type: 'RangeHintSelector', selector: '#nowhere', start: 0, end: 1 }], page().body)!;
    expect(found.method).toBe('position');
    expect(found.range.toString()).toBe('public transport');
  });

  it('finds the quote by its context after ads are inserted before it (hint and position stale)', () => {
    const needle = 'property taxes would rise sharply';
    const selectors = describeText(page(), needle);
    const withAds = page(ARTICLE.replace('<h1>', '<p class="ad">Sponsored: cheap flights to anywhere, book today and save</p><h1>')
      .replace('<p>Residents', '<p class="ad">Advertisement: the best mattress of the year</p><p>Residents'));
    const found = anchor(selectors, withAds.body)!;
    expect(found.method).toBe('quote');
    expect(found.range.toString()).toBe(needle);
    expect(found.start).toBe(offsetIn(withAds, needle));
  });

  it.each([0, 1, 2])('tells occurrence %i of a repeated phrase apart by its context', (nth) => {
    const selectors = describeText(page(), 'the committee', nth);
    // Stale position: text inserted before it, and no usable hint.
    const moved = page(ARTICLE.replace('<h1>', '<p>Breaking: live coverage of the vote continues below with more reaction.</p><h1>'));
    const found = anchor(selectors.filter((s) => s.type !== 'RangeHintSelector'), moved.body)!;
    expect(found.start).toBe(offsetIn(moved, 'the committee', nth));
  });

  it.each([
    ['Latin', 'others worried that property taxes would rise sharply next year', 'others worried that property tax would rise sharlpy next year'],
    ['CJK', '美国开放人工智能研究中心近日凭借逼真的视频生成技术', '美国开放人工智能研究机构近日凭借逼真视频生成技术'],
  ])('fuzzy-matches a %s passage after small edits inside the quote', (_name, needle, edited) => {
    const selectors = describeText(page(), needle);
    const changed = page(ARTICLE.replace(needle, edited));
    const at = offsetIn(changed, edited);
    const found = anchor(selectors, changed.body)!;
    expect(found.method).toBe('fuzzy');
    expect(found.score).toBeGreaterThanOrEqual(0.8);
    expect(found.start).toBe(at);
    expect(found.end).toBe(at + edited.length);
  });

  describe('a page that repeats a paragraph (a reprint, a teaser of the story)', () => {
    const repeated = `<p>Water levels in the reservoir fell to their lowest point since records began in 1952.</p>`;
    const filler = (n: number): string => Array.from({ length: n }, (_, i) => `<p>Filler paragraph ${i} about unrelated matters.</p>`).join('');
    const html = (second: string): string => `<div id="story">${repeated}${filler(30)}${second}${filler(3)}</div>`;
    const needle = 'lowest point since records began';
    const made = page(html(repeated));
    const selectors = describeText(made, needle, 1);

    it('keeps a highlight on its own copy after small edits there, not on the untouched copy', () => {
      const edited = page(html(repeated.replace('lowest point since', 'lowest level since')));
      const found = anchor(selectors, edited.body)!;
      expect(found.method).toBe('fuzzy');
      expect(found.start).toBe(offsetIn(edited, 'lowest level since'));
    });

    it('leaves it unplaced when its own copy was rewritten, rather than moving to the other copy', () => {
      const rewritten = page(html(repeated.replace('lowest point since records began', 'highest in a decade after rain')));
      expect(anchor(selectors, rewritten.body)).toBeNull();
    });
  });

  it('refuses a passage that was rewritten in place', () => {
    const needle = 'Some praised the plan for its investment in parks';
    const selectors = describeText(page(), needle);
    const rewritten = page(ARTICLE.replace(needle, 'Many objected to the cost of the new stadium instead'));
    expect(anchor(selectors, rewritten.body)).toBeNull();
  });

  it('refuses a removed passage instead of taking a look-alike elsewhere', () => {
    const needle = 'The council approved the new budget on Monday';
    const selectors = describeText(page(), needle);
    const removed = page(
      ARTICLE.replace(/<p>The council approved[^<]*<\/p>/, '').replace(
        '<p>Residents',
        '<p>Last year, after a long dispute, the council approved the old budget on Monday as well.</p><p>Residents',
      ),
    );
    expect(offsetIn(removed, 'council approved the old budget on Monday')).toBeGreaterThan(0);
    expect(anchor(selectors, removed.body)).toBeNull();
  });

  it('refuses a short quote whose context is gone, even though the words still occur', () => {
    const selectors = describeText(page(), 'new budget');
    const gone = page(ARTICLE.replace(/<p>The city council met[\s\S]*?<\/p>/, ''));
    expect(offsetIn(gone, 'new budget')).toBeGreaterThan(0);
    expect(anchor(selectors, gone.body)).toBeNull();
  });

  it('matches a quote from the page in a reader view of the same article with other whitespace', () => {
    const needle = 'the committee would publish its notes within a week. 参考消息网2月23日报道';
    const selectors = describeText(page(), needle);
    const story = page().getElementById('story')!;
    const paragraphs = [...story.querySelectorAll('p')].map((p) => `<p>${p.innerHTML.replace(/\s+/g, ' ').trim()}</p>`);
    const reader = page(`<article class="reader"><header><h1>Council budget vote</h1></header><div>${paragraphs.join('')}</div></article>`);
    const found = anchor(selectors, reader.body)!;
    expect(found).not.toBeNull();
    expect(found.start).toBe(offsetIn(reader, needle));
  });

  describe('a long passage (a whole story highlighted)', () => {
    // Sentences from a small vocabulary, the same every run: 1,500 paragraphs, some 190,000 characters.
    const words = 'council budget parks transport taxes vote mayor residents plan week notes line committee city evening'.split(' ');
    const sentence = (n: number): string => Array.from({ length: 12 }, (_, i) => words[(n * 7 + i * i * 3 + (n % 11) * i) % words.length]).join(' ');
    const paragraphs = Array.from({ length: 1500 }, (_, n) => `Paragraph ${n}: ${sentence(n)}, ${sentence(n + 1)}.`);
    const html = (list: string[]): string => `<div id="story"><h1>Long read</h1>${list.map((p) => `<p>${p}</p>`).join('')}<p>The end.</p></div>`;
    const selectors = describeText(page(html(paragraphs)), paragraphs.join(' '));

    it('is found again, whole, after an ad is put inside it and a word changed', () => {
      const edited = [...paragraphs];
      edited.splice(700, 0, 'Advertisement: cloud servers from 99 a year, first month free, sign up now.');
      edited[1200] = edited[1200]!.replace('Paragraph', 'Para');
      const doc = page(html(edited));
      const found = anchor(selectors, doc.body)!;
      expect(found.method).toBe('fuzzy');
      expect(found.start).toBe(offsetIn(doc, 'Paragraph 0:'));
      expect(found.end).toBe(offsetIn(doc, ' The end.'));
    });

    it('is found again, whole, after its punctuation was made full-width', () => {
      const doc = page(html(paragraphs.map((p) => p.replace(/,/g, '，').replace(/:/g, '：').replace(/\.$/, '。'))));
      const found = anchor(selectors, doc.body)!;
      expect(found.method).toBe('fuzzy');
      expect(found.start).toBe(offsetIn(doc, 'Paragraph 0：'));
      expect(found.end).toBe(offsetIn(doc, ' The end.'));
    });

    it('is left unplaced once half of it was rewritten', () => {
      const rewritten = paragraphs.map((p, n) => (n % 2 ? p : `Another story altogether, number ${n}, about weather and sport.`));
      expect(anchor(selectors, page(html(rewritten)).body)).toBeNull();
    });
  });

  // An emoji is two UTF-16 units, and the one the page put in its place may share the first with it.
  it('takes the whole of another emoji where the passage ends, never half of it', () => {
    const text = '大家好，今天天气不错😀我们去公园散步吧，顺便买点东西。';
    const selectors = describeText(page(`<p>${text}</p>`), '今天天气不错😀');
    const found = anchor(selectors, page(`<p>${text.replace('😀', '😁')}</p>`).body);
    expect(found?.range.toString()).toBe('今天天气不错😁');
  });

  it('takes the whole of an emoji the page put in place of a long passage\'s last character', () => {
    const long = '今天天气不错，我们去公园散步吧。'.repeat(40);
    const selectors = describeText(page(`<p>${long}好</p><p>下一段。</p>`), `${long}好`);
    const found = anchor(selectors, page(`<p>${long}😀</p><p>下一段。</p>`).body);
    expect(found?.range.toString()).toBe(`${long}😀`);
  });

  it('needs a quote selector', () => {
    const [, position, hint] = describeText(page(), 'public transport');
    expect(anchor([position, hint], page().body)).toBeNull();
  });
});

describe('anchorMany', () => {
  it('anchors a batch in order, with null for what is not on the page', () => {
    const doc = page();
    const list: Selector[][] = [describeText(doc, 'A final reading'), describeText(doc, 'the most ambitious')];
    const orphan = describeText(page(ARTICLE.replace('</div>', '<p>A paragraph only the old page had, about something else.</p></div>')), 'only the old page had');
    const results = anchorMany([...list, orphan], page().body);
    expect(results.map((r) => r?.range.toString() ?? null)).toEqual(['A final reading', 'the most ambitious', null]);
  });
});

describe('cleaned page and original', () => {
  const demo = readFileSync(new URL('../../demo/portal-article.html', import.meta.url), 'utf8');

  it('gives identical offsets and anchors whether cleanup is on or off', () => {
    const doc = parseHtml(demo, 'https://www.example-portal.test/guoji/2024-02/23/content_30350.htm');
    const before = new TextIndex(doc.body).text;
    const needles = ['凭借逼真的视频生成技术再次出圈', '云服务器 2核4G', '拓展阅读'];
    const original = needles.map((n) => describeText(doc, n));
    const analysis = analyzePage(doc, { url: doc.URL });
    expect(analysis.hidden.length).toBeGreaterThan(0);
    const cleanup = new Cleanup(doc, { root: analysis.root, keep: new Set() });
    cleanup.mark(analysis.hidden);
    cleanup.setActive(true);
    try {
      expect(new TextIndex(doc.body).text).toBe(before);
      expect(needles.map((n) => describeText(doc, n))).toEqual(original);
      const cleaned = anchorMany(original, doc.body);
      cleanup.setActive(false);
      const shown = anchorMany(original, doc.body);
      expect(cleaned.map((a) => [a!.method, a!.start, a!.end])).toEqual(shown.map((a) => ['hint', a!.start, a!.end]));
    } finally {
      cleanup.destroy();
    }
  });
});

describe('round trip (property)', () => {
  const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府';
  const WORDS = ['news', 'Sora', 'AI', 'OpenAI', 'report', 'video', 'model', 'China', 'tech', '2024'];
  const run = fc.record({
    text: fc.oneof(
      fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((a) => a.join(' ')),
    ),
    wrap: fc.constantFrom('', 'b', 'a', 'span', 'em'),
    space: fc.constantFrom('', '', ' ', '\n  ', '\u3000', '\u00a0'),
  });
  const html = fc.array(fc.array(run, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }).map((paragraphs) =>
    paragraphs
      .map((runs) => `<p>${runs.map((r) => (r.wrap ? `<${r.wrap}>${r.text}</${r.wrap}>` : r.text) + r.space).join('')}</p>`)
      .join('\n'),
  );

  // One document per side, refilled each run: a fresh jsdom per run would dominate the time.
  const made = page();
  const reloaded = page();

  it('anchors random ranges of a generated CJK+Latin page exactly where they were made', () => {
    fc.assert(
      fc.property(html, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (body, a, b, c, d) => {
        made.body.innerHTML = body;
        reloaded.body.innerHTML = body;
        // Random DOM points: any text node, any offset in it, as a user's selection would give.
        const texts: Text[] = [];
        const walker = made.createTreeWalker(made.body, 4);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
        const [n1, n2] = [texts[a % texts.length]!, texts[b % texts.length]!];
        const range = made.createRange();
        range.setStart(n1, c % (n1.length + 1));
        range.setEnd(n2, d % (n2.length + 1));
        if (range.collapsed) {
          // The end came before the start (the range collapsed onto it): select the other way round.
          range.setStart(n2, d % (n2.length + 1));
          range.setEnd(n1, c % (n1.length + 1));
        }
        const selectors = describeRange(range, made.body);
        if (!selectors) {
          expect(squash(range.toString())).toBe('');
          return;
        }
        const [quote, position] = selectors;
        expect(squash(quote.exact)).toBe(squash(range.toString()));
        const found = anchor(JSON.parse(JSON.stringify(selectors)) as Selector[], reloaded.body)!;
        expect(found.method).toBe('hint');
        expect([found.start, found.end]).toEqual([position.start, position.end]);
        expect(squash(found.range.toString())).toBe(squash(quote.exact));
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
