/**
 * The background's answer to every database message: who may ask what, and what the store does.
 * Browser APIs are passed in (the sender as plain data, notifications as callbacks), so the rules
 * run in Node tests against fake-indexeddb exactly as they run in the service worker.
 */
import type { HighlightRecord } from './annotation-types';
import { StorageError, type AnnotationStore } from './db';
import type { StorageFailure, ToBackground } from './messages';
import { normalizeUrl, sameOrigin } from './normalize-url';

/** The parts of `runtime.MessageSender` the rules look at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
  /** The tab's address now, and the sending frame (0: the top one). */
  tabUrl?: string;
  frameId?: number;
}

/** Who sent a message: one of our extension pages, a content script on a page, or a stranger. */
export type SenderKind = { kind: 'extension' } | { kind: 'content'; pageUrl: string; tabId: number };

export function classifySender(sender: SenderInfo, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== runtimeId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return { kind: 'extension' };
  if (sender.tabId === undefined || !/^https?:/.test(sender.url)) return null;
  return { kind: 'content', pageUrl: normalizeUrl(pageOf(sender, sender.url)), tabId: sender.tabId };
}

/**
 * The page a content script speaks for. A single-page site moves to another page by pushing its
 * URL; the browser then reports the tab's new address, but a message's `url` stays the one the
 * document was loaded with. The tab's address counts for the top frame, on the same origin only:
 * a message sent just before the tab went to another site must not speak for that site.
 */
function pageOf(sender: SenderInfo, url: string): string {
  if (sender.frameId !== 0 || !sender.tabUrl) return url;
  try {
    return new URL(sender.tabUrl).origin === new URL(url).origin ? sender.tabUrl : url;
  } catch {
    return url;
  }
}

export interface HighlightServiceDeps {
  /** Opened lazily and once; a rejection is reported to the caller as a storage failure. */
  store: () => Promise<AnnotationStore>;
  /** The highlights of these pages changed: redraw them in open tabs, refresh badges. */
  changed: (pageUrls: string[]) => void;
  /** Everything else the background answers (export, import): added by their own modules. */
  extra?: (msg: ToBackground, store: AnnotationStore) => Promise<unknown> | undefined;
}

/** Thrown for a message the sender is not allowed to send; the background drops it. */
export class ForbiddenMessage extends Error {}

/** The message's answer; storage errors come back as {@link StorageFailure}, never as a lost write. */
export async function handleMessage(msg: ToBackground, from: SenderKind, deps: HighlightServiceDeps): Promise<unknown> {
  if (msg.type === 'ping') return { type: 'pong' };
  try {
    const store = await deps.store();
    return await dispatch(msg, from, store, deps);
  } catch (err) {
    if (err instanceof ForbiddenMessage) throw err;
    return storageFailure(err);
  }
}

/**
 * The toolbar badge a content script's answer sets: the count of highlights of the page its tab
 * shows. A continuous-reading page also asks for the stories read before; those set none.
 */
export function badgeOf(msg: ToBackground, from: SenderKind, answer: unknown): { tabId: number; count: number } | null {
  if (msg.type !== 'page-highlights' || from.kind !== 'content' || normalizeUrl(msg.url) !== from.pageUrl) return null;
  return { tabId: from.tabId, count: (answer as { highlights?: unknown[] }).highlights?.length ?? 0 };
}

function storageFailure(err: unknown): StorageFailure {
  if (err instanceof StorageError) return { error: { code: err.code, message: err.message } };
  return { error: { code: 'unknown', message: err instanceof Error ? err.message : String(err) } };
}

async function dispatch(msg: ToBackground, from: SenderKind, store: AnnotationStore, deps: HighlightServiceDeps): Promise<unknown> {
  const own = (url: string) => from.kind === 'extension' || sameOrigin(url, from.pageUrl);
  const ownRecords = (records: HighlightRecord[]) => records.every((r) => own(r.pageUrl));
  switch (msg.type) {
    case 'page-highlights': {
      if (!own(msg.url)) throw new ForbiddenMessage('page-highlights for another page');
      return { highlights: await store.highlightsForPage(normalizeUrl(msg.url)) };
    }
    case 'highlight-create': {
      const url = normalizeUrl(msg.page.url);
      if (!own(url) || normalizeUrl(msg.highlight.pageUrl) !== url) throw new ForbiddenMessage('highlight for another page');
      if (from.kind === 'content') await assertNotTheirs(store, [msg.highlight.id], own);
      // The page record first: a highlight is never stored without the page (and provenance) it cites.
      await store.savePage({ ...msg.page, url });
      const record = { ...msg.highlight, pageUrl: url };
      await store.putHighlight(record);
      deps.changed([url]);
      return { highlight: record };
    }
    case 'highlight-update': {
      if (from.kind === 'content') await assertOwn(store, [msg.id], own);
      const record = await store.updateHighlight(msg.id, msg.patch);
      if (record) deps.changed([record.pageUrl]);
      return { highlight: record ?? null };
    }
    case 'highlights-delete': {
      if (from.kind === 'content') await assertOwn(store, msg.ids, own);
      const deleted = await store.deleteHighlights(msg.ids);
      deps.changed(unique(deleted.map((r) => r.pageUrl)));
      return { deleted };
    }
    // A page's note is the reader's word on it, written where no page can reach (the popup, the
    // library): a content script may neither read nor set one.
    case 'page-note': {
      if (from.kind !== 'extension') throw new ForbiddenMessage('page-note from a content script');
      return { note: (await store.getPage(msg.url))?.note ?? '' };
    }
    case 'page-note-set': {
      if (from.kind !== 'extension') throw new ForbiddenMessage('page-note-set from a content script');
      return { page: (await store.setPageNote(msg.page, msg.note)) ?? null };
    }
    case 'highlights-restore': {
      if (!ownRecords(msg.records)) throw new ForbiddenMessage('restore on another page');
      if (from.kind === 'content') await assertNotTheirs(store, msg.records.map((r) => r.id), own);
      await store.restoreHighlights(msg.records);
      deps.changed(unique(msg.records.map((r) => r.pageUrl)));
      return { restored: msg.records.length };
    }
    default: {
      if (from.kind !== 'extension') throw new ForbiddenMessage(`${msg.type} from a content script`);
      const answer = deps.extra?.(msg, store);
      if (!answer) throw new ForbiddenMessage(`no handler for ${msg.type}`);
      return answer;
    }
  }
}

/** A content script may only touch existing highlights of its own pages. */
async function assertOwn(store: AnnotationStore, ids: string[], own: (url: string) => boolean): Promise<void> {
  const found = await assertNotTheirs(store, ids, own);
  if (found.length !== new Set(ids).size) throw new ForbiddenMessage('highlight that does not exist');
}

/** Writing a record replaces the one with its id: a content script may not replace another site's. Returns those that exist. */
async function assertNotTheirs(store: AnnotationStore, ids: string[], own: (url: string) => boolean): Promise<HighlightRecord[]> {
  const found = await store.highlightsById(ids);
  if (!found.every((h) => own(h.pageUrl))) throw new ForbiddenMessage('highlight of another page');
  return found;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
