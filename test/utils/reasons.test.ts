// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { REASON_KEYS, because, englishReason, fillMessage } from '@/utils/reasons';
import { PageStateSchema } from '@/utils/messages';
import { analyzeLayout } from '@/utils/analyze';
import { localeMessages } from '../helpers/locale';
import { articleState } from '../helpers/records';

describe('fillMessage', () => {
  it('fills placeholders by name, in any case, from the numbered substitutions, and reads $$ as a dollar', () => {
    const entry = { message: '$NAME$ costs $$$PRICE$ ($name$)', placeholders: { name: { content: '$2' }, price: { content: '$1' } } };
    expect(fillMessage(entry, ['5', 'tea'])).toBe('tea costs $5 (tea)');
  });

  it('fills the bare $1 of the text in the same pass, leaving what the substitutions hold as it is', () => {
    expect(fillMessage({ message: '$1 · $NAME$', placeholders: { name: { content: '$2' } } }, ['Ca$$h $2', 'Daily'])).toBe('Ca$$h $2 · Daily');
  });
});

describe('reasons', () => {
  it('reads in English from the en locale, a rule’s reason nested in a late ad’s', () => {
    expect(englishReason(because('reason_teasers_none_related', '拓展阅读', '5', '0.04'))).toBe('“拓展阅读”: 5 teasers, none related to this article (best similarity 0.04)');
    expect(englishReason({ key: 'reason_added_after_load', args: [because('reason_ad_label', '广告')] })).toBe('labelled “广告”, added after load');
  });

  it('says why a list with some related links goes whole: fewer than half of them are', () => {
    expect(englishReason(because('reason_link_list_unrelated', '7', '3', '0.50'))).toBe(
      'list of 7 links to other stories, fewer than half related to this article (3 related, best similarity 0.50)',
    );
  });

  it('has every reason in Chinese too, with the same placeholders', () => {
    const en = localeMessages('en');
    const zh = localeMessages('zh_CN');
    for (const key of REASON_KEYS) {
      expect(Object.keys(zh[key]?.placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key]?.placeholders ?? {}).sort());
      for (const name of Object.keys(en[key]?.placeholders ?? {})) expect(zh[key]!.message.toLowerCase(), key).toContain(`$${name}$`);
    }
  });
});

describe('the verdict’s signals', () => {
  it('are the contract’s English reasons, as messages', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><title>市政府公布公交线路调整方案_新闻_江城网</title></head><body><h1>市政府公布公交线路调整方案</h1><p>来源：江城日报 2024-03-05</p><div>${'<p>市政府今天公布了新的公交线路调整方案，涉及城东和城西的十二条线路，调整将在下月起分批实施。</p>'.repeat(10)}</div></body></html>`,
      'text/html',
    );
    const layout = analyzeLayout(doc, { url: 'https://news.example.cn/2024-03/05/content_123.htm' });
    expect(layout.analysis.isArticle).toBe(true);
    expect(layout.causes.map((c) => c.key)).toContain('signal_dense_run');
    expect(layout.causes.map(englishReason)).toEqual(layout.analysis.reasons);
    expect(layout.analysis).not.toHaveProperty('causes');
  });
});

describe('PageState: hidden items’ reasons', () => {
  const withWhy = (why: unknown) => ({ ...articleState(), hidden: [{ id: 0, kind: 'ad', text: '', selector: '#ad', why, kept: false }] });

  it('takes a known reason, and a rule’s reason inside a late ad’s', () => {
    expect(v.safeParse(PageStateSchema, withWhy({ key: 'reason_ad_token', args: ['ad'] })).success).toBe(true);
    expect(v.safeParse(PageStateSchema, withWhy({ key: 'reason_added_after_load', args: [{ key: 'reason_ad_token', args: ['ad'] }] })).success).toBe(true);
  });

  it("takes the page's language as a language tag, not as any length of text", () => {
    expect(v.safeParse(PageStateSchema, articleState({ lang: 'zh-Hans-CN' })).success).toBe(true);
    expect(v.safeParse(PageStateSchema, articleState({ lang: 'x'.repeat(36) })).success).toBe(false);
  });

  it('refuses a key that names no reason (it would be looked up as any UI string) and deeper nesting', () => {
    expect(v.safeParse(PageStateSchema, withWhy({ key: 'extName', args: [] })).success).toBe(false);
    const deep = { key: 'reason_added_after_load', args: [{ key: 'reason_added_after_load', args: [{ key: 'reason_ad_token', args: ['ad'] }] }] };
    expect(v.safeParse(PageStateSchema, withWhy(deep)).success).toBe(false);
  });
});
