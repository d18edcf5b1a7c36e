import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../../../utils/annotation-types';
import { encodeFragmentTerm, textDirective, textFragmentUrl } from '../../../utils/export/text-fragment';

describe('encodeFragmentTerm', () => {
  const cases: Array<[string, string]> = [
    ['a-b', 'a%2Db'],
    ['a,b', 'a%2Cb'],
    ['a&b', 'a%26b'],
    ['a b', 'a%20b'],
    ['#:~:', '%23%3A~%3A'],
    ['中', '%E4%B8%AD'],
    ['😀', '%F0%9F%98%80'],
    ['\uD800', '%EF%BF%BD'],
  ];
  it.each(cases)('%j -> %s', (term, encoded) => expect(encodeFragmentTerm(term)).toBe(encoded));

  it('leaves no delimiter of the directive and decodes back to the term', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (term) => {
        const encoded = encodeFragmentTerm(term);
        expect(encoded).toMatch(/^[A-Za-z0-9%!'()*._~]*$/);
        expect(decodeURIComponent(encoded)).toBe(term);
      }),
    );
  });
});

describe('textDirective', () => {
  const long =
    'The committee met on Tuesday to discuss the budget for next year, and after a long debate it agreed to raise spending on schools, hospitals and roads by a tenth.';
  const cases: Array<[string, [string, string?, string?], string | null]> = [
    ['a distinctive quote alone', ['the committee agreed to raise spending on schools', 'After debate ', ' by a tenth'], 'the%20committee%20agreed%20to%20raise%20spending%20on%20schools'],
    ['a short quote with three words of context either side', ['the budget', 'met on Tuesday to discuss ', ' for next year, and after'], 'Tuesday%20to%20discuss-,the%20budget,-for%20next%20year'],
    ['context only where there is some', ['the budget', '', ' for next'], 'the%20budget,-for%20next'],
    ['whitespace and newlines collapsed', ['  the\n budget ', 'to\tdiscuss\n', '\nfor'], 'to%20discuss-,the%20budget,-for'],
    ['a long quote as textStart,textEnd', [long], 'The%20committee%20met%20on%20Tuesday,and%20roads%20by%20a%20tenth.'],
    ['an empty quote', [' \n '], null],
  ];
  it.each(cases)('%s', (_name, [exact, prefix, suffix], directive) => {
    expect(textDirective(exact, prefix, suffix)).toBe(directive);
  });

  it.each([
    ['Chinese, starting inside 国家统计局', '国家统', '计局今天发布数据显示，今年一季度国内生产总值同比增长百分之五点三', '，经济运行', ['国家统-', '计局今天发布数据显示，今年一季度国内生产总值同比增长百分之五点三']],
    ['English, starting inside a word', 'The c', 'ommittee reviewed more than two hundred submissions from residents', ' before', ['The c-', 'ommittee reviewed more than two hundred submissions from residents']],
    ['English, ending inside a word', 'The ', 'committee reviewed more than two hundred submissions on Frid', 'ay afternoon.', ['committee reviewed more than two hundred submissions on Frid', '-ay afternoon.']],
  ])('adds context on the side where a long quote cuts a word: %s', (_name, prefix, exact, suffix, terms) => {
    expect(textDirective(exact, prefix, suffix)!.split(',').map(decodeURIComponent)).toEqual(terms);
  });

  it('adds context to a short Chinese quote, cut at word boundaries', () => {
    const directive = textDirective('国务院总理', '新华社北京2月20日电 今天上午，', '在人民大会堂会见了')!;
    const [prefix, exact, suffix] = directive.split(',').map(decodeURIComponent);
    expect(exact).toBe('国务院总理');
    expect(prefix!.endsWith('今天上午，-')).toBe(true);
    expect('新华社北京2月20日电 今天上午，'.endsWith(prefix!.slice(0, -1))).toBe(true);
    expect(suffix!.startsWith('-在')).toBe(true);
    expect('在人民大会堂会见了'.startsWith(suffix!.slice(1))).toBe(true);
  });
});

describe('textDirective across paragraphs', () => {
  const terms = (directive: string | null): string[] => directive!.split(',').map(decodeURIComponent);

  it('links a Chinese quote that crosses paragraphs as textStart,textEnd, no term crossing', () => {
    // Stored as the page's text reads, the paragraph break one space.
    const [start, end] = terms(textDirective('渐渐成为利益集团利益再分配的过程。 1月4日，浙江东南'));
    expect('渐渐成为利益集团利益再分配的过程。'.startsWith(start!)).toBe(true);
    expect(start!.length).toBeGreaterThan(0);
    expect(end!.endsWith('浙江东南')).toBe(true);
    expect('1月4日，浙江东南'.endsWith(end!)).toBe(true);
  });

  it("cuts a short quote's context where it crosses into another paragraph", () => {
    expect(terms(textDirective('黑天鹅事件', '这是上一桩', '闯入—— 由于巴以冲突'))).toEqual(['上一桩-', '黑天鹅事件', '-闯入——']);
    // The quote ends its paragraph: the context is the next one's first words.
    const [, , suffix] = terms(textDirective('黑天鹅事件', '上一桩', ' 由于巴以冲突'));
    expect(suffix).toMatch(/^-由于/);
  });

  it("leaves out a block of punctuation alone, and the context beside it", () => {
    // The 。 ending the paragraph before would match the page's first 。.
    expect(terms(textDirective('。 1月4日，浙江东南部出现强降雨', '利益再分配的过程', '，多地发布'))).toEqual(['1月4日，浙江东南部出现强降雨', '-，多地发布']);
  });

  it('keeps the context of a quote of punctuation alone', () => {
    expect(terms(textDirective('。', '第一段结束', '第二段开始'))).toEqual(['第一段结束-', '。', '-第二段开始']);
  });

  it('reads a paragraph ending 。” as ending, whatever the next one starts with', () => {
    const [start, end] = terms(textDirective('他表示：“我们会继续努力。” 2月20日，外交部发言人'));
    expect('他表示：“我们会继续努力。”'.startsWith(start!)).toBe(true);
    expect(end!.endsWith('外交部发言人')).toBe(true);
  });

  it('leaves spaces between Chinese and Latin words, and within an English sentence, as word spaces', () => {
    expect(terms(textDirective('使用 iPhone 的用户越来越多了，专家说'))).toEqual(['使用 iPhone 的用户越来越多了，专家说']);
    // Abbreviations end no sentence.
    for (const quote of [
      'He said the plan, announced by Mr. Smith, would cost more',
      'The U.S. Army said it would move its troops from the base',
      'J. R. R. Tolkien wrote it in the 1930s and it sold well',
      'The team ranked No. 1 in the league for the third year',
    ]) {
      expect(terms(textDirective(quote))).toEqual([quote]);
    }
  });

  it('links an English quote of several sentences by its first and last sentence: a paragraph break follows one of their ends', () => {
    // Stored as the page reads, the break between the two paragraphs a space.
    expect(terms(textDirective('The council approved the plan on Monday. Work on the new bridge starts in May'))).toEqual([
      'The council approved the plan',
      'new bridge starts in May',
    ]);
    expect(terms(textDirective('He said “no.” Then he left the room quietly'))).toEqual(['He said “no.”', 'he left the room quietly']);
    // A short one keeps its context, outside the two terms.
    expect(terms(textDirective('Yes. No.', 'She answered: ', ' and went on'))).toEqual(['She answered:-', 'Yes.', 'No.', '-and went on']);
  });
});

describe('textFragmentUrl', () => {
  const h = (selectors: HighlightRecord['selectors'], quote = 'the budget for next year was agreed'): HighlightRecord => ({
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    pageUrl: 'https://news.example.com/a',
    selectors,
    quote,
    color: 'yellow',
    note: '',
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
  });
  const position = { type: 'TextPositionSelector', start: 1, end: 2 } as const;

  it('replaces a fragment already on the URL', () => {
    expect(textFragmentUrl('https://news.example.com/a?x=1#top', h([position]))).toBe(
      'https://news.example.com/a?x=1#:~:text=the%20budget%20for%20next%20year%20was%20agreed',
    );
  });

  it('prefers the quote selector, which carries context', () => {
    const url = textFragmentUrl('https://news.example.com/a', h([{ type: 'TextQuoteSelector', exact: 'budget', prefix: 'the ', suffix: ' for' }]));
    expect(url).toBe('https://news.example.com/a#:~:text=the-,budget,-for');
  });

  it('takes the blocks from the quote as the reader saw it, whose line breaks are where they end', () => {
    const exact = 'Floods hit the northern province Heavy rain caused rivers to burst';
    const seen = 'Floods hit the northern province\nHeavy rain caused rivers to burst';
    const url = textFragmentUrl('https://news.example.com/a', h([{ type: 'TextQuoteSelector', exact, prefix: '', suffix: ' their banks' }], seen));
    // A heading over a paragraph: no sentence ends between them, so the text alone could not tell.
    expect(url).toBe('https://news.example.com/a#:~:text=Floods%20hit%20the%20northern%20province,rain%20caused%20rivers%20to%20burst');
    // A quote shown without the selector's text (an ad slot hidden inside it) tells nothing of the selector's blocks.
    const other = textFragmentUrl('https://news.example.com/a', h([{ type: 'TextQuoteSelector', exact, prefix: '', suffix: ' their banks' }], 'Floods hit\nrivers'));
    expect(other).toBe('https://news.example.com/a#:~:text=Floods%20hit%20the%20northern%20province,rain%20caused%20rivers%20to%20burst'.replace('province,rain', 'province%20Heavy%20rain'));
  });

  it('without a quote selector, still tells the blocks of an older quote (no line breaks) from its text', () => {
    const url = textFragmentUrl('https://news.example.com/a', h([position], '第一段文字内容很长很长。 第二段文字内容也很长很长'));
    expect(decodeURIComponent(url!.split('#:~:text=')[1]!).split(',')).toHaveLength(2);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'not a url'])('gives no link for %s', (url) => {
    expect(textFragmentUrl(url, h([position]))).toBeNull();
  });
});
