import { describe, expect, it } from 'vitest';
import { readingMinutes } from '@/utils/reading-time';

describe('readingMinutes', () => {
  it('reads Chinese at 255 characters a minute, punctuation not counted', () => {
    expect(readingMinutes('据新加坡联合早报网站报道，'.repeat(255))).toBe(12);
    expect(readingMinutes('新闻'.repeat(255 * 3))).toBe(6);
  });

  it('reads English at 228 words a minute', () => {
    expect(readingMinutes('The council met on Tuesday. '.repeat(228))).toBe(5);
  });

  it('reads Japanese, told by its kana, at 357 characters a minute', () => {
    expect(readingMinutes('東京で会議がひらかれた'.repeat(357))).toBe(11);
  });

  it('adds the words of a mixed text to its characters', () => {
    // 255 Han characters (one minute) and 228 Latin words (one more).
    expect(readingMinutes(`${'新'.repeat(255)} ${'AI '.repeat(228)}`)).toBe(2);
  });

  it('says one minute for a short story, none for no words', () => {
    expect(readingMinutes('短讯。')).toBe(1);
    expect(readingMinutes('Brief.')).toBe(1);
    expect(readingMinutes(' \n … — ')).toBe(0);
  });
});
