import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimmedLength } from '@/utils/text';

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
