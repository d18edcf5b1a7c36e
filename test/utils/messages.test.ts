import { describe, expect, it } from 'vitest';
import { MAX_NOTE, MAX_QUOTE, PageInfoSchema, PopupToContentSchema, SettingsSchema, ToBackgroundSchema, parseMessage } from '@/utils/messages';

describe('message validation', () => {
  it('accepts well-formed messages', () => {
    expect(parseMessage(ToBackgroundSchema, { type: 'ping' })).toEqual({ type: 'ping' });
    expect(parseMessage(PopupToContentSchema, { type: 'set-cleanup', active: false })).toEqual({ type: 'set-cleanup', active: false });
  });

  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['an unknown type', { type: 'drop-database' }],
    ['a wrong field type', { type: 'set-cleanup', active: 'yes' }],
    ['a missing field', { type: 'set-cleanup' }],
    ['an array', [{ type: 'ping' }]],
  ])('rejects %s', (_label, raw) => {
    expect(parseMessage(PopupToContentSchema, raw)).toBeNull();
    expect(parseMessage(ToBackgroundSchema, raw === null || Array.isArray(raw) || typeof raw === 'string' ? raw : { ...raw, type: `x-${(raw as { type: string }).type}` })).toBeNull();
  });

  it("bounds a page's provenance, which a page can send with each highlight and the database keeps", () => {
    const source = { outlet: '新华社', role: 'reported-by', via: null, date: null, evidence: '据新华社报道' };
    const page = (sources: object[], evidence = '据新华社报道') => ({
      url: 'https://a.example/1',
      title: 't',
      publisher: null,
      provenance: { publisher: null, sources: sources.map((s) => ({ ...s, evidence })), credits: [], originalTitle: null, publishedAt: null },
    });
    expect(parseMessage(PageInfoSchema, page([source]))).not.toBeNull();
    expect(parseMessage(PageInfoSchema, page(Array(101).fill(source)))).toBeNull();
    expect(parseMessage(PageInfoSchema, page([source], 'x'.repeat(20_001)))).toBeNull();
  });

  it('takes a highlight of a whole long story (25,000 characters), and bounds how long one may be', () => {
    const create = (chars: number) => {
      const quote = '国家统计局今天发布数据。'.repeat(Math.ceil(chars / 12)).slice(0, chars);
      const selectors = [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }];
      const now = '2024-02-23T09:42:00.000Z';
      const highlight = { id: '0b7c2a52-6f4e-4c39-9d1f-2f8e7a1b3c4d', pageUrl: 'https://a.example/1', selectors, quote, color: 'yellow', note: '', created: now, updated: now };
      return { type: 'highlight-create', page: { url: 'https://a.example/1', title: 't', publisher: null, provenance: null }, highlight };
    };
    expect(parseMessage(ToBackgroundSchema, create(25_000))).not.toBeNull();
    expect(parseMessage(ToBackgroundSchema, create(MAX_QUOTE + 1))).toBeNull();
  });

  it('takes a page note with the page it is on, and bounds it as a highlight’s note', () => {
    const page = { url: 'https://a.example/1', title: 't', publisher: null, provenance: null };
    expect(parseMessage(ToBackgroundSchema, { type: 'page-note-set', page, note: '参考消息的原文不是这么说的' })).not.toBeNull();
    expect(parseMessage(ToBackgroundSchema, { type: 'page-note-set', page, note: 'x'.repeat(MAX_NOTE + 1) })).toBeNull();
    expect(parseMessage(ToBackgroundSchema, { type: 'page-note-set', page: { url: page.url }, note: 'x' })).toBeNull();
    expect(parseMessage(ToBackgroundSchema, { type: 'page-note', url: page.url })).not.toBeNull();
  });

  it('rejects settings with a wrong shape', () => {
    expect(parseMessage(SettingsSchema, { enabled: true, disabledSites: 'example.com', keepRules: {} })).toBeNull();
    expect(parseMessage(SettingsSchema, { enabled: true, disabledSites: [], keepRules: { 'a.com': ['ad:x'] } })).not.toBeNull();
  });
});
