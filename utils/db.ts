/**
 * The annotation database: pages and highlights in IndexedDB through idb. The IDBFactory is passed
 * in (the extension passes `indexedDB`, tests a fresh fake-indexeddb factory), and every failure
 * reaches the caller as a {@link StorageError} with a code the UI can explain.
 *
 * URLs are normalised at this boundary as well as by callers: normalising twice is harmless, and a
 * caller that forgot would otherwise split one page's highlights over two keys.
 *
 * idb recognises requests by the global IDB* classes, so in Node load `fake-indexeddb/auto` once
 * (for the globals) and still pass a fresh `new IDBFactory()` per test.
 */
import { unwrap, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { hasPageNote, type HighlightColor, type HighlightRecord, type PageNote, type PageRecord } from './annotation-types';
import { normalizeUrl } from './normalize-url';

export type StorageErrorCode = 'quota' | 'blocked' | 'version' | 'unavailable' | 'unknown';

const MESSAGES: Record<StorageErrorCode, string> = {
  quota: 'The browser refused to store more data (storage quota exceeded).',
  blocked: 'The annotation database is held open by an older Sourcemark tab or window; close it and retry.',
  version: 'The annotation database was upgraded by a newer Sourcemark; reload this page.',
  unavailable: 'IndexedDB is not available here, so annotations cannot be stored.',
  unknown: 'The annotation database failed.',
};

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, options?: { cause?: unknown }) {
    const detail = options?.cause instanceof Error ? ` (${options.cause.name}: ${options.cause.message})` : '';
    super(MESSAGES[code] + detail, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

/** Maps a DOMException (or anything thrown) to a StorageError; `fallback` for names with no code. */
function toStorageError(e: unknown, fallback: StorageErrorCode = 'unknown'): StorageError {
  if (e instanceof StorageError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  const code: StorageErrorCode = name === 'QuotaExceededError' ? 'quota' : name === 'VersionError' ? 'version' : fallback;
  return new StorageError(code, { cause: e });
}

interface SourcemarkDb extends DBSchema {
  pages: { key: string; value: PageRecord; indexes: { lastSeen: string } };
  highlights: { key: string; value: HighlightRecord; indexes: { pageUrl: string; updated: string; created: string } };
}

/**
 * One schema step. Steps see the untyped database because each runs against the shape the previous
 * steps left, not the current one.
 */
export type Migration = (db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>) => void;

/** Step i upgrades version i to i + 1; the schema version is the number of steps. Append, never edit. */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    db.createObjectStore('pages', { keyPath: 'url' }).createIndex('lastSeen', 'lastSeen');
    const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
    highlights.createIndex('pageUrl', 'pageUrl');
    highlights.createIndex('updated', 'updated');
    highlights.createIndex('created', 'created');
  },
];

export interface Library {
  pages: Array<PageRecord & { highlightCount: number }>;
  highlights: HighlightRecord[];
}

export interface AnnotationStore {
  /** Upsert; keeps firstSeen and the note, sets lastSeen to `now`. */
  savePage(page: Pick<PageRecord, 'url' | 'title' | 'publisher' | 'provenance'>, now?: string): Promise<PageRecord>;
  getPage(url: string): Promise<PageRecord | undefined>;
  /**
   * Sets the page's note (read-modify-write in one transaction, as updateHighlight), making its
   * record from `page` when there is none; a note cleared on a page without a record stores nothing.
   */
  setPageNote(page: Pick<PageRecord, 'url' | 'title' | 'publisher' | 'provenance'>, note: string, now?: string): Promise<PageRecord | undefined>;
  /** Insert or replace. */
  putHighlight(h: HighlightRecord): Promise<void>;
  /** Read-modify-write in one transaction, so concurrent edits of different fields both survive. */
  updateHighlight(id: string, patch: { color?: HighlightColor; note?: string }, now?: string): Promise<HighlightRecord | undefined>;
  /** Returns what was deleted (ids not found are skipped), for undo. */
  deleteHighlights(ids: string[]): Promise<HighlightRecord[]>;
  /** Undo of a delete. */
  restoreHighlights(records: HighlightRecord[]): Promise<void>;
  /** In stored order (the UI sorts by document position); read through the pageUrl index. */
  highlightsForPage(url: string): Promise<HighlightRecord[]>;
  /** The highlights with these ids that exist. */
  highlightsById(ids: string[]): Promise<HighlightRecord[]>;
  countForPage(url: string): Promise<number>;
  /** Pages with at least one highlight or a note, the one whose highlights or note changed last first. */
  listPages(): Promise<Array<PageRecord & { highlightCount: number }>>;
  allHighlights(): Promise<HighlightRecord[]>;
  /** listPages and allHighlights from one read of each store, for the library and exports. */
  library(): Promise<Library>;
  /**
   * One transaction, all or nothing. Highlights merge by id (the later `updated` wins), pages by url
   * (earliest firstSeen, latest lastSeen), notes by page (the later `updated` wins; a page without a
   * record gets one from `pages`). `added`/`merged` count highlights, `notes` the notes written.
   */
  importRecords(pages: PageRecord[], highlights: HighlightRecord[], notes?: PageNote[]): Promise<{ added: number; merged: number; notes: number }>;
  close(): void;
}

type Db = IDBPDatabase<SourcemarkDb>;

/**
 * Opens (creating or upgrading) the database. `migrations` defaults to the app's steps; tests pass
 * a prefix or an extension of it to exercise upgrades. A missing factory is 'unavailable'.
 */
export async function openAnnotationDb(
  factory: IDBFactory | null | undefined,
  name = 'sourcemark',
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<AnnotationStore> {
  const store = new IdbAnnotationStore(() => openConnection(factory, name, migrations));
  await store.connect();
  return store;
}

function openConnection(factory: IDBFactory | null | undefined, name: string, migrations: readonly Migration[]): Promise<Db> {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(new StorageError('unavailable'));
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, migrations.length);
    } catch (e) {
      // Firefox and Safari throw here in contexts without storage (some private modes, sandboxed frames).
      return reject(toStorageError(e, 'unavailable'));
    }
    let gaveUp = false;
    let migrationError: unknown;
    request.onupgradeneeded = (event) => {
      const tx = wrap(request.transaction!) as unknown as IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;
      // The open request reports a failed upgrade; this promise would only repeat it, unhandled.
      tx.done.catch(() => undefined);
      try {
        for (let v = event.oldVersion; v < migrations.length; v++) migrations[v]!(wrap(request.result), tx);
      } catch (e) {
        migrationError = e;
        tx.abort();
      }
    };
    // Another connection did not close on our versionchange (an old build without the handler below).
    // Waiting would hang the UI, so report it; if the upgrade goes through later, drop that connection.
    request.onblocked = () => {
      gaveUp = true;
      reject(new StorageError('blocked'));
    };
    request.onsuccess = () => {
      if (gaveUp) request.result.close();
      else resolve(wrap(request.result) as Db);
    };
    request.onerror = () => {
      reject(migrationError !== undefined ? toStorageError(migrationError) : toStorageError(request.error, 'unavailable'));
    };
  });
}

function isLater(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isFinite(ta) && Number.isFinite(tb) ? ta > tb : a > b;
}

function pageFields(page: Pick<PageRecord, 'url' | 'title' | 'publisher' | 'provenance'>) {
  return { url: normalizeUrl(page.url), title: page.title, publisher: page.publisher, provenance: page.provenance };
}

function mergePage(old: PageRecord | undefined, incoming: PageRecord): PageRecord {
  if (!old) return incoming;
  const newer = isLater(incoming.lastSeen, old.lastSeen) ? incoming : old;
  return withNote(
    {
      ...pageFields(newer),
      firstSeen: isLater(old.firstSeen, incoming.firstSeen) ? incoming.firstSeen : old.firstSeen,
      lastSeen: newer.lastSeen,
    },
    laterNote(old, incoming),
  );
}

/** The note of the two set later; one set at no known time never wins over one that was. */
function laterNote(a: PageRecord, b: PageRecord): PageRecord {
  if (b.noteUpdated === undefined) return a;
  return a.noteUpdated === undefined || isLater(b.noteUpdated, a.noteUpdated) ? b : a;
}

/** `page` with the note of `from` (none when `from` has none). */
function withNote(page: PageRecord, from: Pick<PageRecord, 'note' | 'noteUpdated'>): PageRecord {
  const { note: _note, noteUpdated: _updated, ...rest } = page;
  return from.noteUpdated === undefined ? rest : { ...rest, note: from.note ?? '', noteUpdated: from.noteUpdated };
}

class IdbAnnotationStore implements AnnotationStore {
  private current: Promise<Db> | null = null;
  private closed = false;

  constructor(private readonly open: () => Promise<Db>) {}

  /**
   * The live connection, reopened after another context upgraded or deleted the database (we close
   * ours then so it is not blocked); a reopen that finds a newer schema fails as 'version'.
   */
  connect(): Promise<Db> {
    if (this.closed) return Promise.reject(new StorageError('unavailable'));
    if (!this.current) {
      const attempt = this.open().then((db) => {
        const drop = () => {
          if (this.current === attempt) this.current = null;
        };
        db.addEventListener('versionchange', () => {
          db.close();
          drop();
        });
        // The browser closed it (storage cleared, disk error): open afresh next time.
        db.addEventListener('close', drop);
        return db;
      });
      attempt.catch(() => {
        if (this.current === attempt) this.current = null;
      });
      this.current = attempt;
    }
    return this.current;
  }

  /**
   * Runs `body` in one transaction and waits for it to commit. Any failure aborts the transaction:
   * a throw between requests would not abort by itself, and IndexedDB would commit the writes
   * already queued.
   */
  private async run<S extends StoreNames<SourcemarkDb>[], M extends IDBTransactionMode, T>(
    stores: S,
    mode: M,
    body: (tx: IDBPTransaction<SourcemarkDb, S, M>) => Promise<T>,
  ): Promise<T> {
    const db = await this.connect();
    let tx: IDBPTransaction<SourcemarkDb, S, M>;
    try {
      tx = db.transaction(stores, mode);
    } catch (e) {
      throw toStorageError(e);
    }
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // Already committed or aborted.
      }
      await tx.done.catch(() => undefined);
      // A commit-time failure (quota) shows as AbortError on requests; the reason is on the transaction.
      throw toStorageError((e as Error)?.name === 'AbortError' && tx.error ? tx.error : e);
    }
  }

  savePage(page: Pick<PageRecord, 'url' | 'title' | 'publisher' | 'provenance'>, now = new Date().toISOString()): Promise<PageRecord> {
    const fields = pageFields(page);
    return this.run(['pages'], 'readwrite', async (tx) => {
      const old = await tx.objectStore('pages').get(fields.url);
      // The note stays: a highlight saved on the page is no edit of it.
      const record: PageRecord = { ...old, ...fields, firstSeen: old?.firstSeen ?? now, lastSeen: now };
      await tx.objectStore('pages').put(record);
      return record;
    });
  }

  setPageNote(page: Pick<PageRecord, 'url' | 'title' | 'publisher' | 'provenance'>, note: string, now = new Date().toISOString()) {
    const fields = pageFields(page);
    return this.run(['pages'], 'readwrite', async (tx) => {
      const old = await tx.objectStore('pages').get(fields.url);
      if (!old && !note.trim()) return undefined;
      // A page first kept for its note is seen now; an existing one keeps its visits (the library's order).
      const record: PageRecord = { ...(old ?? { ...fields, firstSeen: now, lastSeen: now }), note, noteUpdated: now };
      await tx.objectStore('pages').put(record);
      return record;
    });
  }

  getPage(url: string): Promise<PageRecord | undefined> {
    return this.run(['pages'], 'readonly', (tx) => tx.objectStore('pages').get(normalizeUrl(url)));
  }

  putHighlight(h: HighlightRecord): Promise<void> {
    return this.run(['highlights'], 'readwrite', async (tx) => {
      await tx.objectStore('highlights').put({ ...h, pageUrl: normalizeUrl(h.pageUrl) });
    });
  }

  updateHighlight(id: string, patch: { color?: HighlightColor; note?: string }, now = new Date().toISOString()) {
    return this.run(['highlights'], 'readwrite', async (tx) => {
      const old = await tx.objectStore('highlights').get(id);
      if (!old) return undefined;
      const record: HighlightRecord = { ...old, updated: now };
      if (patch.color !== undefined) record.color = patch.color;
      if (patch.note !== undefined) record.note = patch.note;
      await tx.objectStore('highlights').put(record);
      return record;
    });
  }

  deleteHighlights(ids: string[]): Promise<HighlightRecord[]> {
    const wanted = new Set(ids);
    if (!wanted.size) return Promise.resolve([]);
    return this.run(['highlights'], 'readwrite', async (tx) => {
      const store = tx.objectStore('highlights');
      // Each request costs a round trip to the browser's database: 10,000 records got and deleted one
      // by one took seconds. Neighbouring keys all deleted are read and deleted as one range instead.
      const runs = await storedRuns(store, wanted);
      const found = await Promise.all(runs.map((range) => store.getAll(range)));
      await Promise.all(runs.map((range) => store.delete(range)));
      return found.flat();
    });
  }

  restoreHighlights(records: HighlightRecord[]): Promise<void> {
    return this.run(['highlights'], 'readwrite', async (tx) => {
      // The requests themselves, unwatched: a failed one aborts the transaction, which run() reports,
      // and a promise with its listeners for each of 10,000 records was garbage to collect.
      const store = unwrap(tx.objectStore('highlights'));
      for (const h of records) store.put({ ...h, pageUrl: normalizeUrl(h.pageUrl) });
    });
  }

  highlightsForPage(url: string): Promise<HighlightRecord[]> {
    return this.run(['highlights'], 'readonly', (tx) => tx.objectStore('highlights').index('pageUrl').getAll(normalizeUrl(url)));
  }

  highlightsById(ids: string[]): Promise<HighlightRecord[]> {
    return this.run(['highlights'], 'readonly', async (tx) =>
      (await Promise.all([...new Set(ids)].map((id) => tx.objectStore('highlights').get(id)))).filter((h) => h !== undefined),
    );
  }

  countForPage(url: string): Promise<number> {
    return this.run(['highlights'], 'readonly', (tx) => tx.objectStore('highlights').index('pageUrl').count(normalizeUrl(url)));
  }

  async listPages(): Promise<Array<PageRecord & { highlightCount: number }>> {
    return (await this.library()).pages;
  }

  library(): Promise<Library> {
    return this.run(['pages', 'highlights'], 'readonly', async (tx) => {
      const [pages, highlights] = await Promise.all([tx.objectStore('pages').getAll(), tx.objectStore('highlights').getAll()]);
      return { pages: listedPages(pages, highlights), highlights };
    });
  }

  allHighlights(): Promise<HighlightRecord[]> {
    return this.run(['highlights'], 'readonly', (tx) => tx.objectStore('highlights').getAll());
  }

  importRecords(pages: PageRecord[], highlights: HighlightRecord[], notes: PageNote[] = []): Promise<{ added: number; merged: number; notes: number }> {
    // Collapse duplicates within the batch first, so one file cannot count or write a record twice.
    const incomingPages = new Map<string, PageRecord>();
    for (const p of pages) {
      // A page's note comes in `notes` only, so one file cannot bring two notes for one page.
      const page = { ...pageFields(p), firstSeen: p.firstSeen, lastSeen: p.lastSeen };
      incomingPages.set(page.url, mergePage(incomingPages.get(page.url), page));
    }
    const incomingNotes = new Map<string, PageNote>();
    for (const n of notes) {
      const note = { ...n, url: normalizeUrl(n.url) };
      const prev = incomingNotes.get(note.url);
      if (!prev || isLater(note.updated, prev.updated)) incomingNotes.set(note.url, note);
    }
    const incomingHighlights = new Map<string, HighlightRecord>();
    for (const h of highlights) {
      const prev = incomingHighlights.get(h.id);
      if (!prev || isLater(h.updated, prev.updated)) incomingHighlights.set(h.id, { ...h, pageUrl: normalizeUrl(h.pageUrl) });
    }
    return this.run(['pages', 'highlights'], 'readwrite', async (tx) => {
      const pageStore = tx.objectStore('pages');
      const highlightStore = tx.objectStore('highlights');
      // A get per record was a round trip each (10,000 highlights: seconds): the records already
      // stored are read as ranges of neighbouring keys, as a bulk delete reads them.
      const stored = async <T>(store: typeof pageStore | typeof highlightStore, keys: Iterable<string>, key: (r: T) => string) => {
        const runs = await storedRuns(store, new Set(keys));
        return new Map(((await Promise.all(runs.map((range) => store.getAll(range)))).flat() as T[]).map((r) => [key(r), r]));
      };
      const [oldPages, oldHighlights] = await Promise.all([
        stored<PageRecord>(pageStore, [...incomingPages.keys(), ...incomingNotes.keys()], (p) => p.url),
        stored<HighlightRecord>(highlightStore, incomingHighlights.keys(), (h) => h.id),
      ]);
      // The puts unwatched, as in restoreHighlights: a failed one aborts the whole import.
      const pagePuts = unwrap(pageStore);
      const highlightPuts = unwrap(highlightStore);
      const merged = new Map([...incomingPages.values()].map((page) => [page.url, mergePage(oldPages.get(page.url), page)]));
      let notesWritten = 0;
      for (const { url, note, updated } of incomingNotes.values()) {
        const page = merged.get(url) ?? oldPages.get(url);
        // The importer gives every page it brings a note for a record; one missing anyway is named by its address.
        const base = page ?? { url, title: url, publisher: null, provenance: null, firstSeen: updated, lastSeen: updated };
        if (laterNote(base, { ...base, note, noteUpdated: updated }) === base) continue;
        merged.set(url, withNote(base, { note, noteUpdated: updated }));
        notesWritten++;
      }
      for (const page of merged.values()) pagePuts.put(page);
      for (const h of incomingHighlights.values()) {
        const old = oldHighlights.get(h.id);
        // An undated copy is never later: the one stored (maybe edited since) stays.
        if (!old || isLater(h.updated, old.updated)) highlightPuts.put(h);
      }
      return { added: incomingHighlights.size - oldHighlights.size, merged: oldHighlights.size, notes: notesWritten };
    });
  }

  close(): void {
    this.closed = true;
    void this.current?.then((db) => db.close(), () => undefined);
    this.current = null;
  }
}

/**
 * The `wanted` keys stored in `store`, as ranges of neighbouring stored keys all wanted: one
 * getAllKeys over the span of `wanted`, then a request per range instead of one per key.
 */
async function storedRuns(store: { getAllKeys(query: IDBKeyRange): Promise<string[]> }, wanted: ReadonlySet<string>): Promise<IDBKeyRange[]> {
  // IndexedDB orders string keys by UTF-16 code unit, as sort() does.
  const sorted = [...wanted].sort();
  if (!sorted.length) return [];
  return keyRuns(await store.getAllKeys(IDBKeyRange.bound(sorted[0]!, sorted.at(-1)!)), wanted);
}

/** The runs of consecutive keys (`keys` in order) that are all `wanted`, each as one key range. */
function keyRuns(keys: readonly string[], wanted: ReadonlySet<string>): IDBKeyRange[] {
  const runs: IDBKeyRange[] = [];
  let first: string | null = null;
  keys.forEach((key, i) => {
    if (!wanted.has(key)) return;
    first ??= key;
    const next = keys[i + 1];
    if (next !== undefined && wanted.has(next)) return;
    runs.push(IDBKeyRange.bound(first, key));
    first = null;
  });
  return runs;
}

/**
 * Pages with at least one highlight or a note, with their counts, the one whose highlights or note
 * changed last first. A page left with neither (its last highlight deleted, its note cleared) is kept
 * but not listed. Pure: the library page lists what it holds by it too, between reads of the store.
 */
export function listedPages(pages: PageRecord[], highlights: HighlightRecord[]): Array<PageRecord & { highlightCount: number }> {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const listed = new Map<string, PageRecord & { highlightCount: number; lastChange: string }>();
  for (const p of pages) if (hasPageNote(p)) listed.set(p.url, { ...p, highlightCount: 0, lastChange: p.noteUpdated ?? p.lastSeen });
  for (const h of highlights) {
    let entry = listed.get(h.pageUrl);
    if (!entry) {
      // A highlight whose page record is missing still gets listed, so it can be found and managed.
      const page = byUrl.get(h.pageUrl) ?? { url: h.pageUrl, title: h.pageUrl, publisher: null, provenance: null, firstSeen: h.created, lastSeen: h.updated };
      entry = { ...page, highlightCount: 0, lastChange: h.updated };
      listed.set(h.pageUrl, entry);
    }
    entry.highlightCount++;
    if (isLater(h.updated, entry.lastChange)) entry.lastChange = h.updated;
  }
  return [...listed.values()]
    .sort((a, b) => (isLater(a.lastChange, b.lastChange) ? -1 : isLater(b.lastChange, a.lastChange) ? 1 : 0))
    .map(({ lastChange: _, ...page }) => page);
}
