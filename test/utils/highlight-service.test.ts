import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HighlightRecord } from '@/utils/annotation-types';
import { StorageError, openAnnotationDb, type AnnotationStore } from '@/utils/db';
import { ForbiddenMessage, badgeOf, classifySender, handleMessage, type SenderKind } from '@/utils/highlight-service';
import type { PageInfo } from '@/utils/messages';

const RUNTIME = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const PAGE = 'https://news.example.cn/2024-02/23/content_1.htm';
const OTHER = 'https://other.example.com/a/1_2';

function highlight(pageUrl: string, quote = '据新加坡《联合早报》网站2月20日报道'): HighlightRecord {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    pageUrl,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    quote,
    color: 'yellow',
    note: '',
    created: now,
    updated: now,
  };
}

function pageInfo(url: string): PageInfo {
  return {
    url,
    title: '美媒:美国在中东部署更多战机',
    publisher: '海南信息港',
    provenance: { publisher: '海南信息港', sources: [], credits: [{ role: 'compiler', name: '刘子彦', evidence: '(编译/刘子彦)' }], originalTitle: null, publishedAt: '2024-02-23' },
  };
}

describe('classifySender', () => {
  it.each<[string, Parameters<typeof classifySender>[0], SenderKind | null]>([
    ['another extension', { id: 'evil', url: PAGE, tabId: 1 }, null],
    ['our popup', { id: RUNTIME, url: `${ORIGIN}popup.html` }, { kind: 'extension' }],
    ['a content script (normalised url)', { id: RUNTIME, url: `${PAGE}?utm_source=x#top`, tabId: 3 }, { kind: 'content', pageUrl: PAGE, tabId: 3 }],
    ['a content script without a tab', { id: RUNTIME, url: PAGE }, null],
    ['a non-web page', { id: RUNTIME, url: 'file:///etc/passwd', tabId: 3 }, null],
    ['no url at all', { id: RUNTIME }, null],
    // A single-page site pushed its next page's URL: the tab says so, the message's url does not.
    ['the top frame of a page that moved on its site', { id: RUNTIME, url: PAGE, tabId: 3, frameId: 0, tabUrl: `${PAGE}-next` }, { kind: 'content', pageUrl: `${PAGE}-next`, tabId: 3 }],
    ['a frame inside the page', { id: RUNTIME, url: PAGE, tabId: 3, frameId: 2, tabUrl: `${PAGE}-next` }, { kind: 'content', pageUrl: PAGE, tabId: 3 }],
    ['a tab gone to another site since', { id: RUNTIME, url: PAGE, tabId: 3, frameId: 0, tabUrl: 'https://elsewhere.example/a' }, { kind: 'content', pageUrl: PAGE, tabId: 3 }],
  ])('%s', (_label, sender, expected) => {
    expect(classifySender(sender, RUNTIME, ORIGIN)).toEqual(expected);
  });
});

describe('handleMessage', () => {
  let store: AnnotationStore;
  let changed: string[][];
  const content: SenderKind = { kind: 'content', pageUrl: PAGE, tabId: 7 };
  const extension: SenderKind = { kind: 'extension' };
  const deps = () => ({ store: async () => store, changed: (urls: string[]) => void changed.push(urls) });

  beforeEach(async () => {
    store = await openAnnotationDb(new IDBFactory(), 'test');
    changed = [];
  });

  it('saves a highlight from its own page with the page record and its provenance', async () => {
    const h = highlight(PAGE);
    expect(await handleMessage({ type: 'highlight-create', page: pageInfo(`${PAGE}#frag`), highlight: h }, content, deps())).toEqual({ highlight: h });
    expect(await store.highlightsForPage(PAGE)).toEqual([h]);
    expect((await store.getPage(PAGE))?.provenance?.credits[0]?.name).toBe('刘子彦');
    expect(changed).toEqual([[PAGE]]);
    expect(await handleMessage({ type: 'page-highlights', url: PAGE }, content, deps())).toEqual({ highlights: [h] });
  });

  it('refuses a content script writing, reading or deleting another page', async () => {
    const theirs = highlight(OTHER);
    await handleMessage({ type: 'highlight-create', page: pageInfo(OTHER), highlight: theirs }, extension, deps());
    await expect(handleMessage({ type: 'highlight-create', page: pageInfo(OTHER), highlight: highlight(OTHER) }, content, deps())).rejects.toThrow(ForbiddenMessage);
    await expect(handleMessage({ type: 'highlight-create', page: pageInfo(PAGE), highlight: highlight(OTHER) }, content, deps())).rejects.toThrow(ForbiddenMessage);
    await expect(handleMessage({ type: 'page-highlights', url: OTHER }, content, deps())).rejects.toThrow(ForbiddenMessage);
    await expect(handleMessage({ type: 'highlights-delete', ids: [theirs.id] }, content, deps())).rejects.toThrow(ForbiddenMessage);
    await expect(handleMessage({ type: 'highlight-update', id: theirs.id, patch: { note: 'x' } }, content, deps())).rejects.toThrow(ForbiddenMessage);
    // Nor replace it by writing a record of its own under that id.
    await expect(handleMessage({ type: 'highlight-create', page: pageInfo(PAGE), highlight: { ...highlight(PAGE), id: theirs.id } }, content, deps())).rejects.toThrow(ForbiddenMessage);
    await expect(handleMessage({ type: 'highlights-restore', records: [{ ...highlight(PAGE), id: theirs.id }] }, content, deps())).rejects.toThrow(ForbiddenMessage);
    expect(await store.highlightsForPage(OTHER)).toEqual([theirs]);
  });

  // A continuous-reading site keeps the story read before on the page, under its own address.
  it('lets a content script read, write and edit another page of its own origin', async () => {
    const before = 'https://news.example.cn/2024-02/22/content_0.htm';
    const stored = highlight(before);
    await handleMessage({ type: 'highlight-create', page: pageInfo(before), highlight: stored }, extension, deps());
    expect(await handleMessage({ type: 'page-highlights', url: before }, content, deps())).toEqual({ highlights: [stored] });
    const made = highlight(before, '中国科技圈掀起讨论');
    expect(await handleMessage({ type: 'highlight-create', page: pageInfo(before), highlight: made }, content, deps())).toEqual({ highlight: made });
    expect(await handleMessage({ type: 'highlight-update', id: stored.id, patch: { note: '要点' } }, content, deps())).toMatchObject({ highlight: { note: '要点' } });
    expect(await handleMessage({ type: 'highlights-delete', ids: [made.id] }, content, deps())).toEqual({ deleted: [made] });
    // An id that does not exist is no page of its own.
    await expect(handleMessage({ type: 'highlights-delete', ids: [stored.id, crypto.randomUUID()] }, content, deps())).rejects.toThrow(ForbiddenMessage);
  });

  it('deletes with undo and edits from an extension page', async () => {
    const h = highlight(PAGE);
    await handleMessage({ type: 'highlight-create', page: pageInfo(PAGE), highlight: h }, content, deps());
    const updated = (await handleMessage({ type: 'highlight-update', id: h.id, patch: { note: '要点', color: 'blue' } }, extension, deps())) as { highlight: HighlightRecord };
    expect(updated.highlight).toMatchObject({ note: '要点', color: 'blue' });
    const { deleted } = (await handleMessage({ type: 'highlights-delete', ids: [h.id] }, extension, deps())) as { deleted: HighlightRecord[] };
    expect(await store.countForPage(PAGE)).toBe(0);
    await handleMessage({ type: 'highlights-restore', records: deleted }, extension, deps());
    expect(await store.highlightsForPage(PAGE)).toEqual(deleted);
    const library = await store.library();
    expect([library.pages.length, library.highlights.length]).toEqual([1, 1]);
  });

  it('reads and sets a page’s note from an extension page, making its record from what the page says', async () => {
    expect(await handleMessage({ type: 'page-note', url: PAGE }, extension, deps())).toEqual({ note: '' });
    const set = (await handleMessage({ type: 'page-note-set', page: pageInfo(`${PAGE}#top`), note: '为什么留着这一篇' }, extension, deps())) as { page: unknown };
    expect(set.page).toMatchObject({ url: PAGE, title: '美媒:美国在中东部署更多战机', note: '为什么留着这一篇' });
    expect(await handleMessage({ type: 'page-note', url: `${PAGE}?utm_source=x` }, extension, deps())).toEqual({ note: '为什么留着这一篇' });
    expect((await store.getPage(PAGE))?.provenance?.credits[0]?.name).toBe('刘子彦');
  });

  it('stores a page’s note saves in the order sent, each sent before the last one’s answer', async () => {
    // The popup sends a save as soon as it is due, without waiting for the last one's answer (a
    // closing popup would take a queued one with it): the newest text must be the one that stays.
    const typed = ['为', '为什么', '', '为什么留着', '为什么留着这一篇', '为什么留着这一篇？'];
    const answers = await Promise.all(typed.map((note) => handleMessage({ type: 'page-note-set', page: pageInfo(PAGE), note }, extension, deps())));
    expect(answers.map((a) => (a as { page: { note: string } | null }).page?.note)).toEqual(typed);
    expect((await store.getPage(PAGE))?.note).toBe('为什么留着这一篇？');
  });

  it('lets no content script read or set a page’s note, not even its own page’s', async () => {
    await handleMessage({ type: 'page-note-set', page: pageInfo(PAGE), note: 'mine' }, extension, deps());
    await expect(handleMessage({ type: 'page-note', url: PAGE }, content, deps())).rejects.toThrow(ForbiddenMessage);
    await expect(handleMessage({ type: 'page-note-set', page: pageInfo(PAGE), note: 'the page’s' }, content, deps())).rejects.toThrow(ForbiddenMessage);
    expect((await store.getPage(PAGE))?.note).toBe('mine');
  });

  it('reports a storage failure as an error answer, not a thrown message', async () => {
    const failing = { store: () => Promise.reject(new StorageError('quota')), changed: () => undefined };
    const answer = await handleMessage({ type: 'highlight-create', page: pageInfo(PAGE), highlight: highlight(PAGE) }, content, failing);
    expect(answer).toMatchObject({ error: { code: 'quota' } });
  });
});

describe('badgeOf', () => {
  const content: SenderKind = { kind: 'content', pageUrl: PAGE, tabId: 7 };
  const answer = { highlights: [highlight(PAGE), highlight(PAGE)] };

  it('counts the highlights of the page the tab shows', () => {
    expect(badgeOf({ type: 'page-highlights', url: `${PAGE}#top` }, content, answer)).toEqual({ tabId: 7, count: 2 });
  });

  it('leaves the badge to that page: not a story read before on the same page, not an extension page', () => {
    expect(badgeOf({ type: 'page-highlights', url: 'https://news.example.cn/2024-02/22/content_0.htm' }, content, answer)).toBeNull();
    expect(badgeOf({ type: 'page-highlights', url: PAGE }, { kind: 'extension' }, answer)).toBeNull();
  });
});
