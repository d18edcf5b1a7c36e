import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ASCII_ALNUM, CHAR_KINDS, CJK_CHAR, IDEOGRAPH, SPACE_CHAR, SYLLABLE, WORD_CHAR, clip, collapseSpace, collapsedLength, isInvisible, trimmedLength, upperTag, visibleText, writtenLanguage } from '@/utils/text';
import { parseHtml } from '../helpers/dom';

describe('trimmedLength', () => {
  it('counts what trim keeps, Unicode spaces included', () => {
    expect(trimmedLength('\u3000\u00a0 正文 \ufeff\u2028')).toBe(2);
    expect(trimmedLength('\u0085x\u0085')).toBe(3); // NEL is not white space to trim
    expect(trimmedLength(' \n\t ')).toBe(0);
  });

  it('equals the trimmed string’s length for any text', () => {
    const char = fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', '\u2009', '\ufeff', '\u0085', 'a', '长', '“', '\ud83d');
    fc.assert(fc.property(fc.array(char, { maxLength: 20 }).map((cs) => cs.join('')), (s) => {
      expect(trimmedLength(s)).toBe(s.trim().length);
    }));
  });
});

describe('collapsedLength', () => {
  it('equals the collapsed string’s length for any text', () => {
    const char = fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', '\u2009', '\ufeff', '\u0085', 'a', '长', '“', '\ud83d');
    fc.assert(fc.property(fc.array(char, { maxLength: 20 }).map((cs) => cs.join('')), (s) => {
      expect(collapsedLength(s)).toBe(collapseSpace(s).length);
    }));
  });
});

describe('upperTag and isInvisible', () => {
  const doc = parseHtml('<body><div><my-widget></my-widget><svg><text>x</text></svg><script></script><noscript></noscript></div></body>');
  const [custom, svg, script, noscript] = Array.from(doc.querySelector('div')!.children);

  it('upper-cases the tag name, foreign (svg) elements included', () => {
    expect([doc.body, custom!, svg!, svg!.firstElementChild!].map(upperTag)).toEqual(['BODY', 'MY-WIDGET', 'SVG', 'TEXT']);
  });

  it('tells the elements whose text a reader never sees, svg by its lower-case name too', () => {
    expect([svg!, script!, noscript!].every(isInvisible)).toBe(true);
    expect([doc.body, custom!, svg!.firstElementChild!].some(isInvisible)).toBe(false);
  });
});

describe('visibleText', () => {
  const html = '<body><div>Lead <b>bold</b><span hidden>gone</span><p>Para</p><svg></svg><script>x()</script><my-box>custom</my-box></div></body>';

  it('spaces blocks apart, runs inline elements on, and leaves hidden and script text out', () => {
    expect(visibleText(parseHtml(html).body)).toBe('Lead bold Para custom');
  });

  // In Firefox each DOM read of a content script crosses an Xray wrapper: the walk asks each
  // element's name once, for both whether it shows text and whether it is inline.
  it('reads each element’s name once', () => {
    const doc = parseHtml(html);
    const elements = doc.body.querySelectorAll('*').length;
    const proto = doc.defaultView!.Element.prototype;
    const localName = vi.spyOn(proto, 'localName', 'get');
    const tagName = vi.spyOn(proto, 'tagName', 'get');
    visibleText(doc.body);
    expect(tagName).not.toHaveBeenCalled();
    expect(localName).toHaveBeenCalledTimes(elements);
  });
});

describe('CHAR_KINDS', () => {
  // The patterns the table stands for: the CJK and Latin-word units of textWeight, trim's spaces,
  // and relatedness' ASCII words and ideographs.
  const kinds: Array<[string, number, RegExp]> = [
    ['CJK_CHAR', CJK_CHAR, /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/],
    ['WORD_CHAR', WORD_CHAR, /[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]/],
    ['SPACE_CHAR', SPACE_CHAR, /\s/],
    ['ASCII_ALNUM', ASCII_ALNUM, /[A-Za-z0-9]/],
    ['IDEOGRAPH', IDEOGRAPH, /[\u3400-\u9fff\uf900-\ufaff]/],
    ['SYLLABLE', SYLLABLE, /[\u30a1-\u30fa\u30fc\uac00-\ud7a3]/],
  ];

  it.each(kinds)('marks exactly the code units %s stands for', (_name, bit, pattern) => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (((CHAR_KINDS[c]! & bit) !== 0) !== pattern.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('writtenLanguage', () => {
  it.each([
    ['ドイツ連邦銀行は5日に公表した月報で、ドイツ経済が縮小する恐れがあると警告した。', 'ja'],
    ['독일 연방은행은 5일 발표한 월간 보고서에서 경제가 위축될 수 있다고 경고했다.', 'ko'],
    ['德国联邦银行5日发布月报称，德国经济可能再度萎缩。', 'zh'],
    ['德國聯邦銀行今天發布月報指出，德國經濟可能再度萎縮。', 'zh'],
    // A Chinese story quoting a Japanese title is still Chinese.
    ['日本媒体以《ドイツ経済の行方》为题报道称，德国经济可能在今年再度萎缩，制造业订单连续三个月下滑，汽车和化工行业受冲击最大。', 'zh'],
    ['The central bank raised interest rates by a quarter point.', null],
    ['', null],
  ])('reads %s as %s', (text, language) => {
    expect(writtenLanguage(text)).toBe(language);
  });

  it('reads only the opening text', () => {
    expect(writtenLanguage(`${'The bank raised rates. '.repeat(30)}독일 연방은행은 경고했다`)).toBeNull();
  });
});


describe('clip', () => {
  it.each([
    ['a text within the limit, as it is', 'Science', 10, 'Science'],
    ['a longer one cut, with the mark', 'Oversupply angst drags oil lower', 26, 'Oversupply angst drags oil…'],
    ['the space before the cut left out', 'NOW ON YOUTUBE! Click to subscribe!', 16, 'NOW ON YOUTUBE!…'],
    ['never half of an emoji', '👍👍👍', 3, '👍…'],
  ])('%s', (_name, text, max, want) => expect(clip(text, max)).toBe(want));

  it('quotes a tail, marked where it was cut, never half of an emoji', () => {
    expect(clip('首页 > 国际 > 正文', 20, 'end')).toBe('首页 > 国际 > 正文');
    expect(clip('首页 > 国际新闻 > 亚太 > 正文', 8, 'end')).toBe('…亚太 > 正文');
    expect(clip('👍👍👍', 3, 'end')).toBe('…👍');
  });
});
