import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeMessages } from './helpers/locale';

const root = join(import.meta.dirname, '..');

/** Every literal key passed to t('…'), or to counted(t, '…'), in components and entrypoints. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/\bt\('([\w]+)'/g)) keys.add(m[1]!);
        // counted(t, 'key', n) asks for key_one or key_other.
        for (const m of text.matchAll(/\bcounted\(t, '([\w]+)'/g)) keys.add(`${m[1]}_one`).add(`${m[1]}_other`);
      }
    }
  };
  walk(join(root, 'components'));
  walk(join(root, 'entrypoints'));
  return [...keys];
}

/** `$1` and `$NAME$` in a message: what getMessage fills in. */
const slots = (message: string): string[] => [...message.matchAll(/\$(\d|[A-Z_]+\$)/g)].map((m) => m[0]).sort();

describe('_locales', () => {
  const en = localeMessages('en');
  const chinese = { zh_CN: localeMessages('zh_CN'), zh_TW: localeMessages('zh_TW') };
  const others = { ...chinese, ja: localeMessages('ja'), ko: localeMessages('ko') };

  it('holds English, Simplified and Traditional Chinese, Japanese and Korean', () => {
    expect(readdirSync(join(root, 'public/_locales')).sort()).toEqual(['en', 'ja', 'ko', 'zh_CN', 'zh_TW']);
  });

  it.each(Object.entries(others))('tags %s with its own language', (lang, messages) => {
    expect(messages.lang_tag!.message).toBe(lang.replace('_', '-'));
  });

  it('uses only key characters Chromium accepts (it refuses the whole extension otherwise)', () => {
    for (const messages of [en, ...Object.values(others)]) for (const key of Object.keys(messages)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it.each(Object.entries(others))('has the same keys in %s as in English, each with the same slots and placeholders', (_, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, m] of Object.entries(messages)) {
      expect({ key, slots: slots(m.message), placeholders: m.placeholders }).toEqual({ key, slots: slots(en[key]!.message), placeholders: en[key]!.placeholders });
    }
  });

  it.each([
    ['zh_TW', '「'],
    ['ja', '「'],
    ['ko', '‘'],
  ] as const)('quotes the page’s words in %s with the language’s own mark, %s, never English quotes', (lang, mark) => {
    const quoted = Object.values(others[lang]).flatMap((m) => [...m.message.matchAll(/(.)\$[A-Z_]+\$/g)].map((x) => x[1]!));
    expect(quoted.filter((c) => /[“‘「"']/.test(c) && c !== mark)).toEqual([]);
  });

  it('counts highlights one way in Traditional Chinese: 處, as its count of highlights does', () => {
    const counts = ['count_highlights_other', 'count_newHighlights_other', 'count_merged_other', 'lib_importDone', 'lib_deleted_other', 'lib_restored_other'];
    for (const key of counts) expect(others.zh_TW[key]!.message, key).not.toMatch(/條/);
  });

  it('calls a highlight 高亮 throughout Simplified Chinese, as the popup and the page do', () => {
    expect(Object.entries(others.zh_CN).filter(([, m]) => m.message.includes('划线'))).toEqual([]);
  });

  it.each(Object.entries(others))('names the library one way in %s: the popup’s button as the library page’s title', (_, messages) => {
    expect(messages.library!.message).toBe(messages.lib_title!.message);
  });

  it.each(Object.entries({ ...chinese, ja: others.ja }))('uses full-width punctuation beside Chinese or Japanese text in %s', (_, messages) => {
    const ascii = /[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff00-\uffef][,:;!?()]|[,:;!?()][\u3040-\u30ff\u4e00-\u9fff]/;
    expect(Object.entries(messages).filter(([, m]) => ascii.test(m.message))).toEqual([]);
  });

  it('defines every key the UI asks for', () => {
    const missing = usedKeys().filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });
});
