import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASCII_ALNUM, CHAR_KINDS, CJK_CHAR, IDEOGRAPH, SPACE_CHAR, WORD_CHAR, collapseSpace, collapsedLength, isInvisible, trimmedLength, upperTag } from '@/utils/text';
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

describe('CHAR_KINDS', () => {
  // The patterns the table stands for: the CJK and Latin-word units of textWeight, trim's spaces,
  // and relatedness' ASCII words and ideographs.
  const kinds: Array<[string, number, RegExp]> = [
    ['CJK_CHAR', CJK_CHAR, /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/],
    ['WORD_CHAR', WORD_CHAR, /[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]/],
    ['SPACE_CHAR', SPACE_CHAR, /\s/],
    ['ASCII_ALNUM', ASCII_ALNUM, /[A-Za-z0-9]/],
    ['IDEOGRAPH', IDEOGRAPH, /[\u3400-\u9fff\uf900-\ufaff]/],
  ];

  it.each(kinds)('marks exactly the code units %s stands for', (_name, bit, pattern) => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (((CHAR_KINDS[c]! & bit) !== 0) !== pattern.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
