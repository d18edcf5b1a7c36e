import { afterEach, describe, expect, it } from 'vitest';
import type { HighlightRecord, PageRecord } from '@/utils/annotation-types';
import { buildLibraryIndex, librarySites, searchLibrary, searchPageNotes, siteOfUrl, type LibraryQuery } from '@/utils/library-search';

const ANY: LibraryQuery = { text: '', site: null, color: null, from: null, to: null };

function page(url: string, title: string): PageRecord {
  return { url, title, publisher: null, provenance: null, firstSeen: '2024-01-01T00:00:00Z', lastSeen: '2024-01-01T00:00:00Z' };
}

function highlight(id: string, pageUrl: string, quote: string, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  return { id, pageUrl, selectors: [], quote, color: 'yellow', note: '', created: '2024-05-01T12:00:00Z', updated: '2024-05-01T12:00:00Z', ...extra };
}

const XINHUA = 'https://www.news.cn/2024/a.html';
const BBC = 'https://bbc.co.uk/news/b';
const PAGES = [page(XINHUA, '国务院发布新规 · 新华网'), page(BBC, 'Climate talks stall')];
const HIGHLIGHTS = [
  highlight('cn1', XINHUA, '国务院常务会议研究部署经济工作', { created: '2024-05-03T12:00:00Z', color: 'pink' }),
  highlight('cn2', XINHUA, '全年ＧＤＰ增长５％左右', { created: '2024-05-02T12:00:00Z', note: 'Ｋｅｙ figure' }),
  highlight('en1', BBC, 'Negotiators failed to agree on Coal', { created: '2024-05-04T12:00:00Z', note: '对比国内报道' }),
  highlight('en2', BBC, 'The summit ends on Friday', { created: '2024-04-30T12:00:00Z', color: 'green', note: 'coal again?' }),
  highlight('orphan', 'https://gone.example/x', 'A page record that was never saved', { created: '2024-05-01T12:00:00Z' }),
];
const index = buildLibraryIndex(PAGES, HIGHLIGHTS);
const ids = (q: Partial<LibraryQuery>) => searchLibrary(index, { ...ANY, ...q }).map((h) => h.id);

describe('searchLibrary', () => {
  it('returns everything, newest first, for an empty query', () => {
    expect(ids({})).toEqual(['en1', 'cn1', 'cn2', 'orphan', 'en2']);
    expect(ids({ text: '   ' })).toEqual(ids({}));
  });

  it.each<[string, Partial<LibraryQuery>, string[]]>([
    ['a CJK substring of a quote', { text: '经济' }, ['cn1']],
    ['a CJK substring of a page title', { text: '新华网' }, ['cn1', 'cn2']],
    ['a note', { text: '国内' }, ['en1']],
    ['case-insensitively', { text: 'COAL' }, ['en1', 'en2']],
    ['full-width text with a half-width query', { text: 'gdp 5%' }, ['cn2']],
    ['half-width text with a full-width query', { text: 'ＣＬＩＭＡＴＥ' }, ['en1', 'en2']],
    ['a full-width note', { text: 'key' }, ['cn2']],
    ['all terms, in any field', { text: 'coal friday' }, ['en2']],
    ['nothing when one term is missing', { text: '经济 coal' }, []],
    ['a highlight whose page record is missing', { text: 'never saved' }, ['orphan']],
    ['by the address its heading shows, a page without a record', { text: 'gone.example/x' }, ['orphan']],
    ['not by the address of a page with a title', { text: 'bbc.co.uk' }, []],
    ['a phrase in quotes as one term, its marks left out', { text: '"negotiators failed"' }, ['en1']],
    ['a phrase in Chinese quotes', { text: '「常务会议研究」' }, ['cn1']],
    ['a phrase only in its own order', { text: '“failed negotiators”' }, []],
    ['a quoted phrase beside a word', { text: 'summit "on friday"' }, ['en2']],
  ])('finds %s', (_, q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it.each([
    ['a traditional quote by simplified characters', '经济', '中央銀行稱經濟穩定'],
    ['a simplified quote by traditional characters', '經濟', '央行称经济稳定'],
    ['a quoted phrase in either script', '「經濟稳定」', '央行称经济穩定'],
    ['Taiwan’s variant forms (裡, 為)', '这里为何', '這裡為何'],
  ])('finds %s', (_, text, quote) => {
    const hant = buildLibraryIndex([page(BBC, 'title')], [highlight('x', BBC, quote)]);
    expect(searchLibrary(hant, { ...ANY, text })).toHaveLength(1);
  });

  it('finds a traditional page title and note by simplified characters', () => {
    const hant = buildLibraryIndex([page(BBC, '聯合報')], [highlight('x', BBC, 'quote', { note: '對照報導' })]);
    expect(searchLibrary(hant, { ...ANY, text: '联合报' })).toHaveLength(1);
    expect(searchLibrary(hant, { ...ANY, text: '对照' })).toHaveLength(1);
  });

  it('finds a phrase across the line break of a quote of two paragraphs', () => {
    const twoLines = buildLibraryIndex([page(BBC, 'title')], [highlight('x', BBC, 'the first ends here\nand the second starts')]);
    expect(searchLibrary(twoLines, { ...ANY, text: '"here and the"' })).toHaveLength(1);
  });

  it('lists the highlights it is told to keep, matching or not, in their place', () => {
    expect(searchLibrary(index, { ...ANY, text: 'coal' }, new Set(['cn1'])).map((h) => h.id)).toEqual(['en1', 'cn1', 'en2']);
  });

  it('does not match a term across two fields', () => {
    const joined = buildLibraryIndex([page(BBC, 'title')], [highlight('x', BBC, 'ends with foo', { note: 'bar starts' })]);
    expect(searchLibrary(joined, { ...ANY, text: 'foobar' })).toEqual([]);
    expect(searchLibrary(joined, { ...ANY, text: 'foo bar' })).toHaveLength(1);
  });

  it.each<[string, Partial<LibraryQuery>, string[]]>([
    ['site, ignoring www.', { site: 'news.cn' }, ['cn1', 'cn2']],
    ['colour', { color: 'green' }, ['en2']],
    ['from, inclusive', { from: '2024-05-03' }, ['en1', 'cn1']],
    ['to, inclusive', { to: '2024-05-01' }, ['orphan', 'en2']],
    ['a one-day range', { from: '2024-05-02', to: '2024-05-02' }, ['cn2']],
    ['text, site and colour together', { text: '国务院', site: 'news.cn', color: 'pink' }, ['cn1']],
    ['a site nothing came from', { site: 'example.org' }, []],
  ])('filters by %s', (_, q, expected) => {
    expect(ids(q)).toEqual(expected);
  });
});

describe('date filters use the reader’s calendar day', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('puts 23:30 UTC on the next day in Beijing and on the same day in New York', () => {
    const late = [highlight('late', BBC, 'x', { created: '2024-05-01T23:30:00Z' })];
    process.env.TZ = 'Asia/Shanghai';
    expect(searchLibrary(buildLibraryIndex([], late), { ...ANY, from: '2024-05-02', to: '2024-05-02' })).toHaveLength(1);
    process.env.TZ = 'America/New_York';
    expect(searchLibrary(buildLibraryIndex([], late), { ...ANY, from: '2024-05-02', to: '2024-05-02' })).toHaveLength(0);
  });

  it('falls back to the written date when a timestamp cannot be parsed, and sorts it last', () => {
    const odd = buildLibraryIndex([], [highlight('odd', BBC, 'x', { created: '2024-05-09 sometime' }), highlight('ok', BBC, 'y')]);
    expect(searchLibrary(odd, ANY).map((h) => h.id)).toEqual(['ok', 'odd']);
    expect(searchLibrary(odd, { ...ANY, from: '2024-05-09' }).map((h) => h.id)).toEqual(['odd']);
  });
});

describe('librarySites', () => {
  it('counts highlights per site, most first, then by name', () => {
    expect(librarySites(index)).toEqual([
      { site: 'bbc.co.uk', count: 2 },
      { site: 'news.cn', count: 2 },
      { site: 'gone.example', count: 1 },
    ]);
  });
});

describe('siteOfUrl', () => {
  it.each([
    ['https://www.news.cn/a', 'news.cn'],
    ['https://news.sina.com.cn/a', 'news.sina.com.cn'],
    ['http://WWW.Example.COM:8080/', 'example.com'],
    ['not a url', ''],
  ])('%s -> %s', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });
});

describe('searchPageNotes', () => {
  const CKXX = 'https://www.cankaoxiaoxi.com/world/1.shtml';
  const noted = (url: string, title: string, note: string, noteUpdated = '2024-05-02T12:00:00Z'): PageRecord => ({ ...page(url, title), note, noteUpdated });
  const notes = buildLibraryIndex(
    [noted(CKXX, '美媒：美国在中东部署更多战机', '參考消息的原文不是這麼說的'), noted(BBC, 'Climate talks stall', 'why I kept this', '2024-05-09T12:00:00Z'), noted(XINHUA, '国务院发布新规', '  ')],
    [highlight('en1', BBC, 'Negotiators failed to agree on Coal')],
  );
  const urls = (q: Partial<LibraryQuery>, kept?: Set<string>) => searchPageNotes(notes, { ...ANY, ...q }, kept);

  it('finds a page by the words of its note, traditional and simplified alike, or of its title; a blank note is none', () => {
    expect(urls({})).toEqual([CKXX, BBC]);
    expect(urls({ text: '参考消息 原文' })).toEqual([CKXX]);
    expect(urls({ text: '"kept this"' })).toEqual([BBC]);
    expect(urls({ text: '战机' })).toEqual([CKXX]);
    expect(urls({ text: 'Negotiators' })).toEqual([]);
  });

  it('keeps to the site and the dates asked (the day the note changed); a colour asked for finds no note', () => {
    expect(urls({ site: 'bbc.co.uk' })).toEqual([BBC]);
    expect(urls({ from: '2024-05-05' })).toEqual([BBC]);
    expect(urls({ to: '2024-05-05' })).toEqual([CKXX]);
    expect(urls({ color: 'yellow' })).toEqual([]);
  });

  it('lists a page whose note was edited under this search, whatever it now holds', () => {
    expect(urls({ text: 'nothing like it' }, new Set([BBC]))).toEqual([BBC]);
  });

  it('counts a site’s page notes with its highlights in the site filter', () => {
    expect(librarySites(notes)).toEqual([
      { site: 'bbc.co.uk', count: 2 },
      { site: 'cankaoxiaoxi.com', count: 1 },
    ]);
  });
});
