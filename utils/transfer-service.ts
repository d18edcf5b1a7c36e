/**
 * The background's export and import answers: the store read into a bundle for the pure exporters,
 * and an import parsed in full before one all-or-nothing write. Extension pages only (the caller
 * checks the sender).
 */
import { hasPageNote } from './annotation-types';
import type { AnnotationStore } from './db';
import type { ExportBundle } from './export/bundle';
import { exportFile, type ExportedFile } from './export';
import { parseImport } from './export/import';
import { EXPORT_PIECE_CHARS, type ExportPiece, type StorageFailure, type ToBackground } from './messages';
import type { Translate } from './reasons';
import { normalizeUrl } from './normalize-url';

type TransferMessage = Extract<ToBackground, { type: 'export' | 'import-preview' | 'import-apply' }>;

export type PreviewAnswer =
  | { ok: true; newPages: number; newHighlights: number; mergedHighlights: number; pageNotes: number; skipped: number }
  | { ok: false; error: string };
export type ApplyAnswer = { ok: true; added: number; merged: number } | { ok: false; error: string };

export interface TransferDeps {
  now(): string;
  /** The user's language, which exports and import errors are written in. */
  words: Translate;
  changed(pageUrls: string[]): void;
}

export function isTransferMessage(msg: ToBackground): msg is TransferMessage {
  return msg.type === 'export' || msg.type === 'import-preview' || msg.type === 'import-apply';
}

export async function handleTransfer(msg: TransferMessage, store: AnnotationStore, deps: TransferDeps): Promise<ExportedFile | PreviewAnswer | ApplyAnswer> {
  if (msg.type === 'export') return exportFile(msg.format, await bundleOf(store, msg.pageUrls, deps.now()), deps.words);
  const { pages, highlights } = await store.library();
  const parsed = parseImport(msg.text, {
    pageUrls: new Set(pages.map((p) => p.url)),
    highlightIds: new Set(highlights.map((h) => h.id)),
    notedPageUrls: new Set(pages.filter(hasPageNote).map((p) => p.url)),
    now: deps.now(),
  });
  // The reader's language only: the parser's own words (JSON.parse's message, a schema path) stay in the error's detail.
  if (!parsed.ok) return { ok: false, error: deps.words(parsed.error.key, parsed.error.args) };
  if (msg.type === 'import-preview') {
    const { newPages, newHighlights, mergedHighlights, pageNotes, skipped } = parsed.preview;
    return { ok: true, newPages, newHighlights, mergedHighlights, pageNotes, skipped };
  }
  const { added, merged, notes } = await store.importRecords(parsed.pages, parsed.highlights, parsed.notes);
  deps.changed([...new Set(parsed.highlights.map((h) => h.pageUrl))]);
  // A page's note written counts as added: the reader sees it come, a file of page notes alone too.
  return { ok: true, added: added + notes, merged: merged + parsed.kept };
}

/**
 * The export's answer as the messages that carry it over EXPORT_PORT. No piece ends between the
 * halves of a surrogate pair: a lone half would be written as U+FFFD, by a Blob and by a message
 * that passes as UTF-8.
 */
export function exportPieces(answer: ExportedFile | StorageFailure, pieceChars = EXPORT_PIECE_CHARS): ExportPiece[] {
  if ('error' in answer) return [answer];
  const { filename, mime, text } = answer;
  const out: ExportPiece[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + pieceChars, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    out.push({ piece: text.slice(start, end) });
    start = end;
  }
  out.push({ file: { filename, mime } });
  return out;
}

/** The pages asked for (all when null) with their highlights. */
async function bundleOf(store: AnnotationStore, pageUrls: string[] | null, exportedAt: string): Promise<ExportBundle> {
  const wanted = pageUrls ? new Set(pageUrls.map(normalizeUrl)) : null;
  const { pages, highlights } = await store.library();
  return {
    pages: pages.filter((p) => !wanted || wanted.has(p.url)).map(({ highlightCount: _count, ...page }) => page),
    highlights: highlights.filter((h) => !wanted || wanted.has(h.pageUrl)),
    exportedAt,
  };
}
