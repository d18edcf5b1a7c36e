import { describe, expect, it } from 'vitest';
import { nameLanguage } from '@/utils/name-language';

describe('nameLanguage', () => {
  it.each([
    // A name in the page's own script is in the page's language, region and all.
    ['zh-CN', '参考消息网', 'zh-CN'],
    ['zh-TW', '中央社', 'zh-TW'],
    ['ja', '毎日新聞', 'ja'],
    ['ja', 'ノート100YEN.com', 'ja'],
    ['ko', '연합뉴스', 'ko'],
    ['en', 'The Berkshire Eagle', 'en'],
    // A name in a CJK script the page is not written in: the language its script tells.
    ['en', '联合早报', 'zh'],
    ['', '海南信息港', 'zh'],
    ['zh-CN', 'ロイター', 'ja'],
    ['zh-CN', '조선일보', 'ko'],
    ['ko', '共同通信', 'ko'],
    // Latin letters on a CJK page, or on a page declaring nothing, tell nothing.
    ['zh-CN', 'Reuters', ''],
    ['ja', 'AFP', ''],
    ['', 'Associated Press', ''],
  ])('on a page in "%s", %s is read in "%s"', (page, name, lang) => {
    expect(nameLanguage(page, name)).toBe(lang);
  });
});
