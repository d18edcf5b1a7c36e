// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markLanguage } from '@/components/i18n';
import { translator } from '../helpers/locale';

describe('markLanguage', () => {
  it('marks the page with the language of the words it shows, as the locale file names it', () => {
    const doc = document.implementation.createHTMLDocument('');
    markLanguage(doc, translator('zh_TW'));
    expect(doc.documentElement.lang).toBe('zh-TW');
    markLanguage(doc, translator('en'));
    expect(doc.documentElement.lang).toBe('en');
  });
});
