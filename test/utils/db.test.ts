// idb recognises requests by the global IDB* classes; each test still gets its own fresh factory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore, forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord, PageRecord } from '@/utils/annotation-types';
import { MIGRATIONS, StorageError, openAnnotationDb, type AnnotationStore, type Migration } from '@/utils/db';

const T = (day: number, hour = 12) => new Date(Date.UTC(2024, 4, day, hour)).toISOString();

function highlight(id: string, pageUrl: string, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id,
    pageUrl,
    selectors: [{ type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '前文', suffix: '后文' }],
    quote: `quote ${id}`,
    color: 'yellow',
    note: '',
    created: T(1),
    updated: T(1),
    ...extra,
  };
}

function page(url: string, extra: Partial<PageRecord> = {}): PageRecord {
  return { url, title: `Title of ${url}`, publisher: null, provenance: null, firstSeen: T(1), lastSeen: T(1), ...extra };
}

const A = 'https://news.cn/a.html';
const B = 'https://news.cn/b.html';

/** Everything in the database, for before/after comparisons. */
async function snapshot(store: AnnotationStore) {
  const highlights = (await store.allHighlights()).sort((x, y) => x.id.localeCompare(y.id));
  const pages = await Promise.all([...new Set(highlights.map((h) => h.pageUrl)), A, B].map((u) => store.getPage(u)));
  return { highlights, pages };
}

/** A write that fails as a full disk fails it: the request errors later and aborts its transaction with QuotaExceededError. */
function exhaustQuotaAfter(allowedPuts: number) {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
    if (calls++ < allowedPuts) return put.apply(this, args);
    // fake-indexeddb's internal request queue: the only way to fail a request asynchronously as a browser does.
    const tx = this.transaction as unknown as { _execRequestAsync(r: { source: unknown; operation: () => never }): IDBRequest };
    return tx._execRequestAsync({
      source: this,
      operation: () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    });
  });
}

/** How many requests the stores are asked for from now on: reads and deletes, each a round trip to the browser's database. */
function countRequests(): () => number {
  const spies = (['get', 'getAll', 'getAllKeys', 'delete'] as const).map((method) => vi.spyOn(IDBObjectStore.prototype, method));
  return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
}

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  const e = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StorageError);
  return e as StorageError;
}

let factory: IDBFactory;
let store: AnnotationStore;
beforeEach(async () => {
  factory = new IDBFactory();
  store = await openAnnotationDb(factory);
});
afterEach(() => {
  store.close();
  vi.restoreAllMocks();
});

describe('pages', () => {
  it('upserts: keeps firstSeen, moves lastSeen, stores under the normalised URL', async () => {
    const first = await store.savePage({ url: `${A}?utm_source=wx#top`, title: 'Old', publisher: null, provenance: null }, T(1));
    expect(first).toMatchObject({ url: A, firstSeen: T(1), lastSeen: T(1) });
    await store.savePage({ url: A, title: 'New', publisher: '新华社', provenance: null }, T(3));
    expect(await store.getPage(`${A}#x`)).toEqual({ url: A, title: 'New', publisher: '新华社', provenance: null, firstSeen: T(1), lastSeen: T(3) });
    expect(await store.getPage(B)).toBeUndefined();
  });
});

describe('highlights', () => {
  it('lists a page’s highlights through its normalised URL, and counts them', async () => {
    await store.putHighlight(highlight('1', A));
    await store.putHighlight(highlight('2', `${A}?spm=1.2`));
    await store.putHighlight(highlight('3', B));
    expect((await store.highlightsForPage(`${A}#frag`)).map((h) => h.id).sort()).toEqual(['1', '2']);
    expect(await store.countForPage(A)).toBe(2);
    expect(await store.countForPage('https://elsewhere.org/')).toBe(0);
  });

  it('replaces a highlight put again under the same id', async () => {
    await store.putHighlight(highlight('1', A, { note: 'first' }));
    await store.putHighlight(highlight('1', A, { note: 'second' }));
    expect(await store.allHighlights()).toEqual([highlight('1', A, { note: 'second' })]);
  });

  it('updates only the given fields and stamps updated; an unknown id is undefined', async () => {
    await store.putHighlight(highlight('1', A, { note: 'keep me' }));
    const changed = await store.updateHighlight('1', { color: 'pink' }, T(5));
    expect(changed).toEqual(highlight('1', A, { note: 'keep me', color: 'pink', updated: T(5) }));
    expect(await store.updateHighlight('1', { note: '' }, T(6))).toMatchObject({ color: 'pink', note: '', updated: T(6) });
    expect(await store.updateHighlight('missing', { note: 'x' })).toBeUndefined();
    expect(await store.allHighlights()).toHaveLength(1);
  });

  it('deletes and returns what it deleted; restoring puts back exactly that', async () => {
    const records = [highlight('1', A, { note: '笔记' }), highlight('2', A), highlight('3', B)];
    for (const h of records) await store.putHighlight(h);
    const deleted = await store.deleteHighlights(['1', '3', 'missing', '1']);
    expect(deleted.map((h) => h.id).sort()).toEqual(['1', '3']);
    expect((await store.allHighlights()).map((h) => h.id)).toEqual(['2']);
    await store.restoreHighlights(deleted);
    expect((await snapshot(store)).highlights).toEqual(records);
  });

  it('deletes thousands with a request or two per run of neighbouring ids, not per record, and undo restores exactly them', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => highlight(`h${String(i).padStart(4, '0')}`, i % 2 ? A : B, { note: `笔记 ${i}` }));
    await store.importRecords([], records);
    const before = await snapshot(store);
    // h0000–h2000 are neighbours (one run); then every tenth, each between two kept ones (99 runs); an unknown id and a repeat.
    const ids = [...records.filter((_, i) => i <= 2000 || i % 10 === 0).map((h) => h.id), 'missing', 'h0000'];
    const wanted = new Set(ids);
    const requests = countRequests();
    const deleted = await store.deleteHighlights(ids);
    expect(requests()).toBeLessThanOrEqual(1 + 2 * 100);
    expect(deleted.sort((x, y) => x.id.localeCompare(y.id))).toEqual(records.filter((h) => wanted.has(h.id)));
    expect((await snapshot(store)).highlights).toEqual(records.filter((h) => !wanted.has(h.id)));
    await store.restoreHighlights(deleted);
    expect(await snapshot(store)).toEqual(before);
  });

  it('restores all or nothing: a write refused partway leaves none of them back', async () => {
    await store.putHighlight(highlight('kept', A));
    exhaustQuotaAfter(2);
    const e = await rejection(store.restoreHighlights([highlight('1', A), highlight('2', A), highlight('3', B)]));
    expect(e.code).toBe('quota');
    expect((await store.allHighlights()).map((h) => h.id)).toEqual(['kept']);
  });
});

describe('listPages', () => {
  it('lists pages that have highlights, the most recently changed first, with counts', async () => {
    await store.savePage(page(A), T(1));
    await store.savePage(page(B), T(9)); // seen last, but its highlights are older
    await store.savePage(page('https://empty.cn/'), T(9));
    await store.putHighlight(highlight('a1', A, { updated: T(2) }));
    await store.putHighlight(highlight('a2', A, { updated: T(7) }));
    await store.putHighlight(highlight('b1', B, { updated: T(4) }));
    const listed = await store.listPages();
    expect(listed.map((p) => [p.url, p.highlightCount])).toEqual([
      [A, 2],
      [B, 1],
    ]);
    expect(listed[1]).toMatchObject({ title: `Title of ${B}`, lastSeen: T(9) });
    const library = await store.library();
    expect(library.pages).toEqual(listed);
    expect(library.highlights.map((h) => h.id).sort()).toEqual(['a1', 'a2', 'b1']);
  });

  it('still lists highlights whose page record is missing', async () => {
    await store.putHighlight(highlight('x', A, { created: T(2), updated: T(3) }));
    expect(await store.listPages()).toEqual([{ url: A, title: A, publisher: null, provenance: null, firstSeen: T(2), lastSeen: T(3), highlightCount: 1 }]);
  });
});

describe('page notes', () => {
  const info = { url: `${A}?utm_source=wx`, title: '标题', publisher: '新华社', provenance: null };

  it('makes the page record from what the page says when it has none, and lists a page with only a note', async () => {
    expect(await store.setPageNote(info, 'why I kept this', T(3))).toEqual({ ...info, url: A, firstSeen: T(3), lastSeen: T(3), note: 'why I kept this', noteUpdated: T(3) });
    expect(await store.listPages()).toEqual([{ ...info, url: A, firstSeen: T(3), lastSeen: T(3), note: 'why I kept this', noteUpdated: T(3), highlightCount: 0 }]);
  });

  it('sets the note of a page it has, keeping its title and visits', async () => {
    await store.savePage(page(A), T(1));
    await store.setPageNote({ ...info, title: 'Another title' }, 'the 参考消息 original says otherwise', T(4));
    expect(await store.getPage(A)).toEqual({ ...page(A), note: 'the 参考消息 original says otherwise', noteUpdated: T(4) });
  });

  it('keeps the note when a highlight is saved on the page, and when its last highlight is deleted', async () => {
    await store.setPageNote(info, 'mine', T(2));
    await store.savePage(page(A, { title: 'New title' }), T(5));
    expect(await store.getPage(A)).toMatchObject({ title: 'New title', lastSeen: T(5), note: 'mine', noteUpdated: T(2) });
    await store.putHighlight(highlight('1', A));
    await store.deleteHighlights(['1']);
    expect((await store.listPages()).map((p) => [p.url, p.note, p.highlightCount])).toEqual([[A, 'mine', 0]]);
  });

  it('a page without highlights leaves the lists when its note is cleared (or only spaces); clearing a page it has not stores nothing', async () => {
    await store.setPageNote(info, 'mine', T(2));
    await store.setPageNote(info, ' \n ', T(3));
    expect(await store.listPages()).toEqual([]);
    expect((await store.library()).pages).toEqual([]);
    expect(await store.setPageNote({ ...info, url: B }, '', T(3))).toBeUndefined();
    expect(await store.getPage(B)).toBeUndefined();
  });

  it('orders pages by their latest highlight or note', async () => {
    await store.putHighlight(highlight('a1', A, { updated: T(2) }));
    await store.putHighlight(highlight('b1', B, { updated: T(4) }));
    await store.setPageNote({ ...info, url: 'https://news.cn/c.html' }, 'only a note', T(3));
    expect((await store.listPages()).map((p) => p.url)).toEqual([B, 'https://news.cn/c.html', A]);
    await store.setPageNote(info, 'noted last', T(6));
    expect((await store.listPages()).map((p) => p.url)).toEqual([A, B, 'https://news.cn/c.html']);
  });

  it('imports notes by the later update, onto pages it has, pages the file brings, or a page named only by its address', async () => {
    await store.setPageNote(info, 'local, newer', T(5));
    await store.setPageNote({ ...info, url: B }, 'local, older', T(2));
    const result = await store.importRecords(
      [page(A, { title: 'Imported', lastSeen: T(9) }), page('https://news.cn/c.html', { title: 'C' })],
      [],
      [
        { url: A, note: 'imported, older', updated: T(4) },
        { url: `${B}#x`, note: 'imported, newer', updated: T(3) },
        { url: 'https://news.cn/c.html', note: 'first', updated: T(1) },
        { url: 'https://news.cn/c.html', note: 'later in the file', updated: T(2) },
        { url: 'https://news.cn/d.html', note: 'no record anywhere', updated: T(2) },
      ],
    );
    expect(result).toEqual({ added: 0, merged: 0, notes: 3 });
    const notes = Object.fromEntries((await store.listPages()).map((p) => [p.url, [p.title, p.note, p.noteUpdated]]));
    expect(notes).toEqual({
      [A]: ['Imported', 'local, newer', T(5)],
      [B]: ['标题', 'imported, newer', T(3)],
      'https://news.cn/c.html': ['C', 'later in the file', T(2)],
      'https://news.cn/d.html': ['https://news.cn/d.html', 'no record anywhere', T(2)],
    });
  });

  it('an imported page record never takes away the note stored on it', async () => {
    await store.setPageNote(info, 'mine', T(2));
    await store.importRecords([page(A, { title: 'Imported', lastSeen: T(9) })], []);
    expect(await store.getPage(A)).toMatchObject({ title: 'Imported', note: 'mine', noteUpdated: T(2) });
  });
});

describe('importRecords', () => {
  it('adds new records and merges by id, the later update winning', async () => {
    await store.putHighlight(highlight('old-wins', A, { note: 'local, newer', updated: T(5) }));
    await store.putHighlight(highlight('new-wins', A, { note: 'local, older', updated: T(2) }));
    const result = await store.importRecords(
      [],
      [
        highlight('old-wins', A, { note: 'imported, older', updated: T(3) }),
        highlight('new-wins', A, { note: 'imported, newer', updated: T(4) }),
        highlight('fresh', `${B}#x`),
        // The same id twice in one file counts and writes once: the later copy.
        highlight('dup', B, { note: 'v1', updated: T(1) }),
        highlight('dup', B, { note: 'v2', updated: T(2) }),
      ],
    );
    expect(result).toEqual({ added: 2, merged: 2, notes: 0 });
    const notes = Object.fromEntries((await store.allHighlights()).map((h) => [h.id, h.note]));
    expect(notes).toEqual({ 'old-wins': 'local, newer', 'new-wins': 'imported, newer', fresh: '', dup: 'v2' });
    expect(await store.highlightsForPage(B)).toHaveLength(2);
  });

  it('reads the stored records as ranges of neighbouring keys, not with a get per record', async () => {
    const id = (i: number) => `id-${String(i).padStart(4, '0')}`;
    await store.importRecords([page(A)], Array.from({ length: 1000 }, (_, i) => highlight(id(i), A)));
    const requests = countRequests();
    const result = await store.importRecords([page(A), page(B)], Array.from({ length: 2000 }, (_, i) => highlight(id(i), i % 2 ? A : B, { updated: T(2) })));
    expect(result).toEqual({ added: 1000, merged: 1000, notes: 0 });
    // getAllKeys and one getAll for each store: the thousand stored highlights are one run of keys.
    expect(requests()).toBeLessThanOrEqual(4);
    expect(await store.countForPage(B)).toBe(1000);
  });

  it('merges pages by URL: earliest firstSeen, latest lastSeen, fields of the later visit', async () => {
    await store.savePage({ ...page(A), title: 'Local' }, T(5));
    await store.importRecords(
      [
        page(`${A}?utm_medium=x`, { title: 'Imported', firstSeen: T(2), lastSeen: T(8) }),
        page(B, { firstSeen: T(3), lastSeen: T(4) }),
      ],
      [],
    );
    expect(await store.getPage(A)).toMatchObject({ title: 'Imported', firstSeen: T(2), lastSeen: T(8) });
    await store.importRecords([page(A, { title: 'Stale', firstSeen: T(6), lastSeen: T(6) })], []);
    expect(await store.getPage(A)).toMatchObject({ title: 'Imported', firstSeen: T(2), lastSeen: T(8) });
    expect(await store.getPage(B)).toMatchObject({ firstSeen: T(3), lastSeen: T(4) });
  });

  it('is all or nothing: one record that cannot be stored leaves the database as it was', async () => {
    await store.savePage(page(A), T(1));
    await store.putHighlight(highlight('1', A, { note: 'before' }));
    const before = await snapshot(store);
    const poisoned = { ...highlight('bad', B), selectors: [() => 0] } as unknown as HighlightRecord;
    const e = await rejection(
      store.importRecords([page(A, { title: 'changed', lastSeen: T(9) }), page(B)], [highlight('1', A, { note: 'after', updated: T(9) }), highlight('2', B), poisoned]),
    );
    expect(e.code).toBe('unknown');
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('storage errors', () => {
  it('maps a quota failure to "quota" and keeps nothing of the failed write', async () => {
    await store.putHighlight(highlight('1', A));
    exhaustQuotaAfter(2);
    const e = await rejection(store.importRecords([], [highlight('2', A), highlight('3', A), highlight('4', A)]));
    expect(e.code).toBe('quota');
    expect((await store.allHighlights()).map((h) => h.id)).toEqual(['1']);
    expect((await rejection(store.updateHighlight('1', { note: 'x' }))).code).toBe('quota');
    vi.restoreAllMocks();
    expect(await store.updateHighlight('1', { note: 'fits again' })).toMatchObject({ note: 'fits again' });
  });

  it('reports a missing or refusing IndexedDB as "unavailable"', async () => {
    expect((await rejection(openAnnotationDb(undefined))).code).toBe('unavailable');
    const refusing = {
      open() {
        throw new DOMException('no storage in this context', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect((await rejection(openAnnotationDb(refusing))).code).toBe('unavailable');
  });

  it('refuses use after close', async () => {
    store.close();
    expect((await rejection(store.allHighlights())).code).toBe('unavailable');
  });

  it('reopens after the browser closed its connection (storage cleared, disk error)', async () => {
    const connections: IDBDatabase[] = [];
    const recording = {
      open(name: string, version?: number) {
        const request = factory.open(name, version);
        request.addEventListener('success', () => connections.push(request.result));
        return request;
      },
    } as IDBFactory;
    const own = await openAnnotationDb(recording, 'forced');
    await own.putHighlight(highlight('1', A));
    // fake-indexeddb's declaration asks for the class where the function takes a connection.
    forceCloseDatabase(connections[0] as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(await own.countForPage(A)).toBe(1);
    expect(connections).toHaveLength(2);
    own.close();
  });
});

describe('schema versions', () => {
  // A hypothetical next version: a colour index and a backfilled field, the shape a real v2 would take.
  const v2: Migration = (_db, tx) => {
    const highlights = tx.objectStore('highlights');
    highlights.createIndex('color', 'color');
    void highlights.openCursor().then(async function backfill(cursor): Promise<void> {
      if (!cursor) return;
      await cursor.update({ ...cursor.value, migrated: true });
      return backfill(await cursor.continue());
    });
  };
  const withV2 = [...MIGRATIONS, v2];

  async function rawRead(name: string): Promise<{ version: number; indexes: string[]; records: unknown[] }> {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(name);
      r.onsuccess = () => resolve(r.result);
    });
    const tx = db.transaction('highlights');
    const records = await new Promise<unknown[]>((resolve) => {
      const r = tx.objectStore('highlights').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    const result = { version: db.version, indexes: [...tx.objectStore('highlights').indexNames], records };
    db.close();
    return result;
  }

  it('upgrades a database made by the first step alone, keeping its data', async () => {
    const v1 = await openAnnotationDb(factory, 'upgrade', MIGRATIONS.slice(0, 1));
    await v1.savePage(page(A), T(1));
    await v1.putHighlight(highlight('1', A, { note: '保留' }));
    v1.close();

    const upgraded = await openAnnotationDb(factory, 'upgrade', withV2);
    expect(await upgraded.getPage(A)).toEqual(page(A));
    expect(await upgraded.highlightsForPage(A)).toEqual([{ ...highlight('1', A, { note: '保留' }), migrated: true }]);
    upgraded.close();
    const raw = await rawRead('upgrade');
    expect(raw.version).toBe(2);
    expect(raw.indexes).toContain('color');
  });

  it('leaves the old version and its data intact when a step fails', async () => {
    const v1 = await openAnnotationDb(factory, 'failing', MIGRATIONS);
    await v1.putHighlight(highlight('1', A));
    v1.close();
    const broken: Migration = () => {
      throw new Error('bug in a migration');
    };
    expect((await rejection(openAnnotationDb(factory, 'failing', [...MIGRATIONS, broken]))).code).toBe('unknown');
    const raw = await rawRead('failing');
    expect(raw.version).toBe(MIGRATIONS.length);
    expect(raw.records).toEqual([highlight('1', A)]);
  });

  it('yields to a newer version opened elsewhere, then reports "version" instead of using the old schema', async () => {
    await store.putHighlight(highlight('1', A));
    const newer = await openAnnotationDb(factory, 'sourcemark', withV2); // would be blocked if `store` held on
    expect(await newer.countForPage(A)).toBe(1);
    expect((await rejection(store.countForPage(A))).code).toBe('version');
    newer.close();
  });

  it('reports an upgrade blocked by a connection that will not close as "blocked"', async () => {
    store.close();
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open('sourcemark');
      r.onsuccess = () => resolve(r.result);
    });
    expect((await rejection(openAnnotationDb(factory, 'sourcemark', withV2))).code).toBe('blocked');
    stubborn.close();
    // The upgrade went through once unblocked; its connection was dropped, so nothing is held open.
    const later = await openAnnotationDb(factory, 'sourcemark', withV2);
    expect(await later.allHighlights()).toEqual([]);
    later.close();
  });
});

describe('several tabs at once', () => {
  it('loses no write when two connections put and update concurrently', async () => {
    const other = await openAnnotationDb(factory);
    const ids = Array.from({ length: 60 }, (_, i) => `h${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? store : other).putHighlight(highlight(id, i % 3 ? A : B))));
    // Each highlight gets a colour from one tab and a note from the other, interleaved.
    await Promise.all(
      ids.flatMap((id, i) => [
        (i % 2 ? store : other).updateHighlight(id, { color: 'green' }, T(2)),
        (i % 2 ? other : store).updateHighlight(id, { note: `note ${id}` }, T(3)),
      ]),
    );
    const all = await other.allHighlights();
    expect(all).toHaveLength(ids.length);
    for (const h of all) expect(h).toMatchObject({ color: 'green', note: `note ${h.id}` });
    expect((await store.countForPage(A)) + (await store.countForPage(B))).toBe(ids.length);
    other.close();
  });

  it('keeps the first firstSeen when two tabs save the same page at once', async () => {
    const other = await openAnnotationDb(factory);
    await store.savePage(page(A), T(1));
    await Promise.all([store.savePage(page(A), T(2)), other.savePage(page(A), T(3))]);
    const saved = await other.getPage(A);
    expect(saved?.firstSeen).toBe(T(1));
    expect([T(2), T(3)]).toContain(saved?.lastSeen);
    other.close();
  });
});
