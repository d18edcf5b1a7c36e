import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvisible, trimmedLength, upperTag } from '@/utils/text';
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
