import { describe, expect, it } from 'vitest';
import type { HighlightRecord, PageRecord } from '@/utils/annotation-types';
import { loadLibrarySort, orderPages, saveLibrarySort, type LibrarySort } from '@/utils/library-sort';
import type { StorageArea } from '@/utils/settings';

const page = (url: string, title: string, lastSeen: string): PageRecord => ({ url, title, publisher: null, provenance: null, firstSeen: '', lastSeen });
const h = (id: string, pageUrl: string, created = '') => ({ id, pageUrl, created }) as HighlightRecord;
/** Each page's rows, as [url, ids] in the order listed. */
const listed = (groups: Array<{ url: string; items: HighlightRecord[] }>) => groups.map((g) => [g.url, g.items.map((i) => i.id).join()]);

describe('orderPages', () => {
  const pages = new Map(
    [page('https://a/1', 'Beta', '2024-03-01T00:00:00Z'), page('https://b/1', 'alpha', '2024-05-01T00:00:00Z'), page('https://c/1', '', '2024-03-01T00:00:00Z')].map((p) => [p.url, p]),
  );
  // Rows newest first, as the search returns them; https://none/1 has no page record.
  const groups = [
    { url: 'https://c/1', items: [h('c2', 'https://c/1', '2024-09-02T00:00:00Z'), h('c1', 'https://c/1', '2024-09-01T00:00:00Z')] },
    { url: 'https://a/1', items: [h('a2', 'https://a/1'), h('a1', 'https://a/1')] },
    { url: 'https://none/1', items: [h('n1', 'https://none/1', '2024-04-01T00:00:00Z')] },
    { url: 'https://b/1', items: [h('b3', 'https://b/1'), h('b2', 'https://b/1'), h('b1', 'https://b/1')] },
  ];
  const order = (sort: LibrarySort, lang = 'en') => listed(orderPages(groups, pages, sort, lang));

  it('recent: the page highlighted on last first, one without a record by its newest highlight, ties by address', () => {
    expect(order('recent')).toEqual([
      ['https://b/1', 'b3,b2,b1'],
      ['https://none/1', 'n1'],
      ['https://a/1', 'a2,a1'],
      ['https://c/1', 'c2,c1'],
    ]);
  });

  it('oldest: the page highlighted on longest ago first, and each page’s oldest row first', () => {
    expect(order('oldest')).toEqual([
      ['https://a/1', 'a1,a2'],
      ['https://c/1', 'c1,c2'],
      ['https://none/1', 'n1'],
      ['https://b/1', 'b1,b2,b3'],
    ]);
  });

  it('title: by the heading shown (an untitled page’s address), ignoring case', () => {
    expect(order('title').map(([url]) => url)).toEqual(['https://b/1', 'https://a/1', 'https://c/1', 'https://none/1']);
  });

  it('count: the page with most highlights first (a page without a record by its rows), ties to the recent one', () => {
    expect(order('count').map(([url]) => url)).toEqual(['https://b/1', 'https://a/1', 'https://c/1', 'https://none/1']);
  });

  // A search for one word: the page marked up most matched it once, a page with two highlights twice.
  it('count: by all of a page’s highlights as loaded, not by those the search matched', () => {
    const counted = new Map([...pages].map(([url, p]) => [url, { ...p, highlightCount: { 'https://a/1': 40, 'https://b/1': 3, 'https://c/1': 2 }[url]! }]));
    const matched = [
      { url: 'https://b/1', items: [h('b3', 'https://b/1'), h('b2', 'https://b/1'), h('b1', 'https://b/1')] },
      { url: 'https://c/1', items: [h('c2', 'https://c/1'), h('c1', 'https://c/1')] },
      { url: 'https://a/1', items: [h('a7', 'https://a/1')] },
    ];
    expect(listed(orderPages(matched, counted, 'count', 'en'))).toEqual([
      ['https://a/1', 'a7'],
      ['https://b/1', 'b3,b2,b1'],
      ['https://c/1', 'c2,c1'],
    ]);
  });

  it('title in Chinese: pinyin order, and numbers by their value', () => {
    const titles = ['张三说', '北京新闻', '安徽消息', '第10期', '第9期'];
    const zh = titles.map((title, i) => page(`https://z/${i}`, title, '2024-01-01T00:00:00Z'));
    const zhGroups = zh.map((p) => ({ url: p.url, items: [h(p.url, p.url)] }));
    const sorted = orderPages(zhGroups, new Map(zh.map((p) => [p.url, p])), 'title', 'zh-CN').map((g) => zh.find((p) => p.url === g.url)!.title);
    // ān, běi, dì 9, dì 10, zhāng: not code point order (北 U+5317 before 安 U+5B89).
    expect(sorted).toEqual(['安徽消息', '北京新闻', '第9期', '第10期', '张三说']);
  });
});

describe('the stored order', () => {
  const area = (stored: Record<string, unknown> = {}) => ({
    get: async (key: string) => ({ [key]: stored[key] }),
    set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
  });

  it('is read back as saved', async () => {
    const a = area();
    await saveLibrarySort(a, 'title');
    expect(await loadLibrarySort(a)).toBe('title');
  });

  it('falls back to recent when missing, unknown or unreadable', async () => {
    expect(await loadLibrarySort(area())).toBe('recent');
    expect(await loadLibrarySort(area({ librarySort: 'random' }))).toBe('recent');
    const failing: StorageArea = { get: () => Promise.reject(new Error('storage gone')), set: async () => undefined };
    expect(await loadLibrarySort(failing)).toBe('recent');
  });
});
