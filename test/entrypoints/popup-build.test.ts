import { describe, expect, it } from 'vitest';
import type { Entrypoint, EntrypointGroup, ResolvedPublicFile } from 'wxt';
import { COMPILE_ALL_HINT, addRegionLocales, buildPopupAlone, hintSentinelCompile, permissionsFor } from '../../wxt.config';
import { localeMessages } from '../helpers/locale';

const entry = (name: string, type: Entrypoint['type']) => ({ name, type }) as Entrypoint;

describe('buildPopupAlone', () => {
  it('moves the popup out of the pages built together into a group of its own', () => {
    const background = entry('background', 'background');
    const [popup, options, library] = [entry('popup', 'popup'), entry('options', 'options'), entry('library', 'unlisted-page')];
    const groups: EntrypointGroup[] = [background, [popup, options, library]];
    buildPopupAlone(groups);
    expect(groups).toEqual([background, [options, library], [popup]]);
  });

  it('leaves a popup that is already alone, and groups without one, as they are', () => {
    const groups: EntrypointGroup[] = [[entry('popup', 'popup')], [entry('options', 'options'), entry('library', 'unlisted-page')]];
    const before = structuredClone(groups);
    buildPopupAlone(groups);
    expect(groups).toEqual(before);
  });
});

describe('hintSentinelCompile', () => {
  // V8 reads the hint on the script's first line: the sentinel's functions nearly all run on every page.
  it('puts V8’s compile hint on the sentinel’s first line and on no other file', () => {
    const bundle = {
      'sentinel.js': { type: 'chunk' as const, code: 'var sentinel=(function(){})();' },
      'background.js': { type: 'chunk' as const, code: 'var background=1;' },
      'icon.png': { type: 'asset' as const },
    };
    hintSentinelCompile(bundle);
    expect(bundle['sentinel.js'].code).toBe(`${COMPILE_ALL_HINT}var sentinel=(function(){})();`);
    expect(COMPILE_ALL_HINT).toBe('//# allFunctionsCalledOnLoad\n');
    expect(bundle['background.js'].code).toBe('var background=1;');
  });
});

describe('permissionsFor', () => {
  it('keeps the highlights from eviction in Chrome, which may evict an extension’s storage; Firefox does not', () => {
    expect(permissionsFor('chrome')).toContain('unlimitedStorage');
    expect(permissionsFor('firefox')).not.toContain('unlimitedStorage');
    expect(permissionsFor('firefox')).toEqual(permissionsFor('chrome').filter((p) => p !== 'unlimitedStorage'));
  });
});

describe('addRegionLocales', () => {
  it('gives Hong Kong and Macau the Traditional words and Singapore the Simplified, each tagged with its region', () => {
    const files: ResolvedPublicFile[] = [];
    addRegionLocales(files, (locale) => JSON.stringify(localeMessages(locale as 'zh_TW' | 'zh_CN')));
    const written = Object.fromEntries(files.map((f) => [f.relativeDest, JSON.parse('contents' in f ? f.contents : '{}') as ReturnType<typeof localeMessages>]));
    expect(Object.keys(written).sort()).toEqual(['_locales/zh_HK/messages.json', '_locales/zh_MO/messages.json', '_locales/zh_SG/messages.json']);
    const hk = written['_locales/zh_HK/messages.json']!;
    expect(hk.lang_tag!.message).toBe('zh-HK');
    expect(written['_locales/zh_MO/messages.json']!.lang_tag!.message).toBe('zh-MO');
    expect(written['_locales/zh_SG/messages.json']!.lang_tag!.message).toBe('zh-SG');
    const { lang_tag: _hkTag, ...hkWords } = hk;
    const { lang_tag: _twTag, ...twWords } = localeMessages('zh_TW');
    expect(hkWords).toEqual(twWords);
    expect(written['_locales/zh_SG/messages.json']!.verdictNotArticle).toEqual(localeMessages('zh_CN').verdictNotArticle);
  });
});
