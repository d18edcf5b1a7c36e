/**
 * Reads an import file: our JSON export, or W3C Web Annotations from other tools that carry
 * TextQuote/TextPosition selectors (one annotation, an array, an AnnotationPage or an
 * AnnotationCollection with embedded pages), and notes on whole web pages (an annotation whose
 * target is the page with no selector). Returns every record to write plus a preview of what will
 * be added and merged, or one clear error — never part of a file.
 */
import * as v from 'valibot';
import type { HighlightRecord, PageNote, PageRecord, Selector } from '../annotation-types';
import { ColorSchema, HighlightRecordSchema, PageInfoSchema } from '../messages';
import { normalizeUrl } from '../normalize-url';
import { pageStub } from './bundle';
import { stableUuid } from './stable-id';
import { httpUrl } from './safe-url';
import { URN_UUID } from './w3c-json';

/**
 * Bigger files are refused before parsing: about 37,000 highlights of our own export. The file
 * goes to the background in one message, which Chrome refuses over 64 MiB (measured in Chromium
 * 156); the escaping a message adds takes our export 10% over its size, a file indented with tabs
 * up to 38%, so the library also asks {@link fitsOneMessage}.
 */
export const IMPORT_MAX_BYTES = 48 * 1024 * 1024;
/** What one runtime message carries, less room for the rest of the message. */
const MESSAGE_MAX_BYTES = 63 * 1024 * 1024;
export const IMPORT_MAX_ANNOTATIONS = 100_000;

/** UI string keys (public/_locales), filled in with `args`. */
export type ImportErrorKey =
  | 'export_import_too_large'
  | 'export_import_not_json'
  | 'export_import_not_annotations'
  | 'export_import_too_many'
  | 'export_import_invalid'
  | 'export_import_empty';

export interface ImportError {
  key: ImportErrorKey;
  /** Numbers the message names (the limit passed), the same in every language. */
  args: string[];
  /** Where and why the parse stopped, in the parser's English: for tests and bug reports, never shown to the reader. */
  detail: string;
}

export interface ImportPreview {
  newPages: number;
  /** Pages already in the library; their dates are merged, their records kept. */
  existingPages: number;
  newHighlights: number;
  /**
   * Highlights whose id is already in the library: merged by id, the newer edit wins. One the file
   * gives no date of its own (or a date after the import) never wins: it is kept as the library has it.
   */
  mergedHighlights: number;
  /** Pages the file has a note on (the note on a page of the library merges by the later change). */
  pageNotes: number;
  /** Annotations with neither a text quote nor a note on a web page (image regions, PDFs, bare bookmarks): left out. */
  skipped: number;
}

export type ImportResult =
  /** `kept`: highlights the library holds and the file gives no date for, so not among those to write. */
  | { ok: true; pages: PageRecord[]; highlights: HighlightRecord[]; notes: PageNote[]; kept: number; preview: ImportPreview }
  | { ok: false; error: ImportError };

/** What the library holds now, for the preview, and the time to stamp records that have none. */
export interface ImportContext {
  pageUrls: ReadonlySet<string>;
  highlightIds: ReadonlySet<string>;
  /** Pages with a note: one the file gives no date for never replaces theirs. */
  notedPageUrls?: ReadonlySet<string>;
  now: string;
}

const iso = v.pipe(v.string(), v.isoTimestamp());
const PageRecordSchema = v.object({ ...PageInfoSchema.entries, firstSeen: iso, lastSeen: iso }) satisfies v.GenericSchema<
  unknown,
  PageRecord
>;

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const QuoteSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.string(),
  prefix: v.optional(v.string(), ''),
  suffix: v.optional(v.string(), ''),
});
const PositionSchema = v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset });
// A CSS selector may be refined by any selector; only a position makes it our range hint.
const CssSchema = v.object({ type: v.literal('CssSelector'), value: v.string(), refinedBy: v.optional(v.unknown()) });
const KnownSelectorSchema = v.variant('type', [QuoteSchema, PositionSchema, CssSchema]);
const KNOWN_SELECTOR_TYPES = new Set<string>(KnownSelectorSchema.options.map((o) => o.entries.type.literal));

const Typed = v.looseObject({ type: v.union([v.string(), v.array(v.string())]) });
const oneOrMany = <S extends v.GenericSchema>(schema: S) => v.union([schema, v.array(schema)]);
// A source may be written as a resource object with its id; a target with an id and no source is
// the resource itself (a page note on a web page, which quotes nothing).
const Resource = v.looseObject({ id: v.string() });
const SpecificTargetSchema = v.looseObject({
  source: v.union([v.string(), Resource]),
  selector: v.optional(oneOrMany(v.looseObject({ type: v.string() }))),
});
type SpecificTarget = v.InferOutput<typeof SpecificTargetSchema>;
const TargetSchema = v.union([
  SpecificTargetSchema,
  v.pipe(
    v.looseObject({ id: v.string() }),
    v.check((t) => !('source' in t), 'a source that is neither an address nor a resource with one'),
  ),
]);
const AnnotationSchema = v.looseObject({
  id: v.optional(v.string()),
  created: v.optional(v.string()),
  modified: v.optional(v.string()),
  body: v.optional(v.unknown()),
  bodyValue: v.optional(v.string()),
  target: oneOrMany(v.union([v.string(), TargetSchema])),
  'sm:color': v.optional(ColorSchema),
  'sm:quote': v.optional(v.string()),
});
type Annotation = v.InferOutput<typeof AnnotationSchema>;

class ImportFailure extends Error {
  constructor(readonly error: ImportError) {
    super(error.detail);
  }
}
const fail = (key: ImportErrorKey, detail: string, args: string[] = []): never => {
  throw new ImportFailure({ key, args, detail });
};

function checked<S extends v.GenericSchema>(schema: S, value: unknown, where: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return fail('export_import_invalid', `${where}${path ? `.${path}` : ''}: ${issue.message}`);
}

/**
 * UTF-8 size without allocating a copy of a file that may be too large; with `escaped`, the size
 * of the JSON string the browser sends it as (a quote, a backslash or a line break takes two bytes,
 * another control character six).
 */
function utf8Bytes(text: string, escaped = false): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (escaped && (c === 0x22 || c === 0x5c || c < 0x20)) bytes += c === 0x22 || c === 0x5c || (c >= 0x08 && c <= 0x0d && c !== 0x0b) ? 2 : 6;
    else bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/** Whether a file's text fits in the one message that takes it to the background. */
export function fitsOneMessage(text: string): boolean {
  return text.length <= MESSAGE_MAX_BYTES && utf8Bytes(text, true) <= MESSAGE_MAX_BYTES;
}

const hasType = (value: unknown, type: string): boolean => {
  const parsed = v.safeParse(Typed, value);
  if (!parsed.success) return false;
  const t = parsed.output.type;
  return t === type || (Array.isArray(t) && t.includes(type));
};

/** The annotations of a document, following embedded pages (`first`, then each `next`). */
function annotationsOf(doc: unknown): unknown[] {
  // JSON-LD may hold its nodes in a graph: read as a list of them.
  const graph = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as { '@graph'?: unknown })['@graph'] : undefined;
  if (graph !== undefined) return annotationsOf(Array.isArray(graph) ? graph : [graph]);
  if (Array.isArray(doc)) {
    if (doc.every((item) => hasType(item, 'Annotation'))) return doc;
    return fail('export_import_not_annotations', 'an array whose items are not all annotations');
  }
  if (hasType(doc, 'Annotation')) return [doc];
  if (hasType(doc, 'AnnotationPage')) return itemsOf(doc);
  if (hasType(doc, 'AnnotationCollection')) {
    const collection = doc as { first?: unknown; items?: unknown };
    if (collection.first === undefined) return collection.items === undefined ? [] : itemsOf(doc);
    if (typeof collection.first === 'string') {
      return fail('export_import_not_annotations', 'the collection links to its pages instead of including them');
    }
    let items: unknown[] = [];
    for (let page: unknown = collection.first; page !== undefined; page = (page as { next?: unknown }).next) {
      if (typeof page !== 'object' || page === null) fail('export_import_not_annotations', 'a collection page is linked, not included');
      // concat, not push(...): a spread of 100,000 arguments can overflow the stack.
      items = items.concat(itemsOf(page));
      if (items.length > IMPORT_MAX_ANNOTATIONS) break;
    }
    return items;
  }
  return fail('export_import_not_annotations', 'no Annotation, AnnotationPage or AnnotationCollection at the top level');
}

function itemsOf(page: unknown): unknown[] {
  const items = (page as { items?: unknown }).items;
  if (!Array.isArray(items)) return fail('export_import_not_annotations', 'an annotation page without an items list');
  if (!items.every((item) => hasType(item, 'Annotation'))) {
    return fail('export_import_not_annotations', 'an annotation page holding something other than annotations');
  }
  return items;
}

/** Our selectors from a target's: the first of each kind, CSS-plus-position as our range hint. */
function ourSelectors(raw: Array<{ type: string }>, where: string): Selector[] {
  const seen = new Set<string>();
  const out: Selector[] = [];
  raw.forEach((s, i) => {
    if (!KNOWN_SELECTOR_TYPES.has(s.type) || seen.has(s.type)) return;
    const at = `${where}.selector[${i}]`;
    const sel = checked(KnownSelectorSchema, s, at);
    if (sel.type !== 'CssSelector') out.push(sel);
    else if (hasType(sel.refinedBy, 'TextPositionSelector')) {
      const { start, end } = checked(PositionSchema, sel.refinedBy, `${at}.refinedBy`);
      out.push({ type: 'RangeHintSelector', selector: sel.value, start, end });
    } else return;
    seen.add(s.type);
  });
  return out;
}

/** The note: the annotation's commenting text bodies (or untyped ones), in order. */
function noteOf(a: Annotation): string {
  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
  const texts = bodies.flatMap((b) => {
    if (typeof b !== 'object' || b === null) return [];
    const { value, purpose } = b as { value?: unknown; purpose?: unknown };
    const commenting = purpose === undefined || purpose === 'commenting' || purpose === 'describing';
    return commenting && typeof value === 'string' ? [value] : [];
  });
  if (a.bodyValue !== undefined) texts.unshift(a.bodyValue);
  return texts.join('\n\n');
}

/** A time the file states, in the form the library compares, or null when it states none it can have. */
function statedTime(value: string | undefined, ours: boolean, now: string): string | null {
  if (value === undefined) return null;
  // Ours pass as written (the schema checks them); another tool's are written in UTC as the library compares them.
  const time = Date.parse(value);
  if (!ours && Number.isNaN(time)) return null;
  // A date after the import (a skewed clock) would win every later import of the same highlight.
  if (time > Date.parse(now)) return null;
  return ours ? value : new Date(time).toISOString();
}

/**
 * What one annotation brings: a highlight for each passage of a web page it quotes (none when it
 * quotes no text or no web page). `dated` says whether the file gives its edit time, which it
 * must to win over the library's copy.
 */
interface Imported {
  highlight: HighlightRecord;
  dated: boolean;
}

/** A note on a whole page; `updated` null when the file gives it no date. */
interface ImportedNote {
  url: string;
  note: string;
  updated: string | null;
}

/** What one annotation brings: its highlights, or, when it quotes nothing, its note on each web page it targets. */
function toRecords(raw: unknown, index: number, ours: boolean, now: string): { highlights: Imported[]; notes: ImportedNote[] } {
  const a = checked(AnnotationSchema, raw, `annotation ${index + 1}`);
  const highlights = toHighlights(a, index, ours, now);
  return { highlights, notes: highlights.length ? [] : pageNotesOf(a, ours, now) };
}

/**
 * An annotation of a whole page: a target that is the page's address, the page as a resource, or
 * the page with no selector; with a note, on a web page only (as a highlight).
 */
function pageNotesOf(a: Annotation, ours: boolean, now: string): ImportedNote[] {
  const note = noteOf(a);
  if (!note.trim()) return [];
  const updated = statedTime(a.modified, ours, now) ?? statedTime(a.created, ours, now);
  return (Array.isArray(a.target) ? a.target : [a.target]).flatMap((target) => {
    const source = wholePage(target);
    if (source === null || httpUrl(source) === null) return [];
    return [{ url: ours ? source : normalizeUrl(source), note, updated }];
  });
}

/** The address a target names when it is a whole page (no selector), else null. */
function wholePage(target: string | v.InferOutput<typeof TargetSchema>): string | null {
  if (typeof target === 'string') return target;
  if (!isSpecific(target)) return target.id;
  const selectors = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
  if (selectors.length) return null;
  return typeof target.source === 'string' ? target.source : target.source.id;
}

const isSpecific = (t: unknown): t is SpecificTarget => typeof t === 'object' && t !== null && 'source' in t;

/** One note a page: of several in one file (another tool keeps many a page), their words in file order, dated by the latest. */
function notesByPage(notes: ImportedNote[]): ImportedNote[] {
  const byUrl = new Map<string, ImportedNote>();
  for (const n of notes) {
    const seen = byUrl.get(n.url);
    if (!seen) byUrl.set(n.url, n);
    else if (seen.note !== n.note) {
      const updated = seen.updated === null || (n.updated !== null && n.updated > seen.updated) ? n.updated : seen.updated;
      byUrl.set(n.url, { url: n.url, note: `${seen.note}\n\n${n.note}`, updated });
    }
  }
  return [...byUrl.values()];
}

function toHighlights(a: Annotation, index: number, ours: boolean, now: string): Imported[] {
  const where = `annotation ${index + 1}`;
  const out: Imported[] = [];
  const targets = (Array.isArray(a.target) ? a.target : [a.target]).filter(isSpecific);
  targets.forEach((target, t) => {
    const raws = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
    const selectors = ourSelectors(raws, `${where}.target`);
    const quote = a['sm:quote'] ?? selectors.find((s) => s.type === 'TextQuoteSelector')?.exact;
    const source = typeof target.source === 'string' ? target.source : target.source.id;
    // Only a web page can be opened and anchored in again: a PDF's urn, a file: or data: URL (which
    // the library's Open would launch) is skipped like an annotation without a quote.
    if (!quote || httpUrl(source) === null) return;
    const pageUrl = ours ? source : normalizeUrl(source);
    const ownId = a.id?.startsWith(URN_UUID) ? a.id.slice(URN_UUID.length) : null;
    // Another tool's id names the annotation: each further passage it quotes (by its place among the targets) is a highlight of its own.
    const named = a.id ?? JSON.stringify([pageUrl, selectors, a.created ?? null]);
    const foreignKey = out.length ? JSON.stringify([named, t]) : named;
    const created = statedTime(a.created, ours, now);
    const updated = statedTime(a.modified, ours, now) ?? created;
    const highlight = checked(
      HighlightRecordSchema,
      {
        // Ours are kept as they are (a broken one refuses the file); another tool's odd urn:uuid is just a name.
        id: ownId !== null && (ours || v.is(HighlightRecordSchema.entries.id, ownId)) && out.length === 0 ? ownId : stableUuid(foreignKey),
        pageUrl,
        selectors,
        quote,
        color: a['sm:color'] ?? 'yellow',
        note: noteOf(a),
        created: created ?? updated ?? now,
        updated: updated ?? now,
      },
      where,
    );
    out.push({ highlight, dated: updated !== null });
  });
  return out;
}

/** One record per id; of two, the later edit (a dated one before one without a date). */
function dedupeHighlights(list: Imported[]): Imported[] {
  const byId = new Map<string, Imported>();
  for (const item of list) {
    const seen = byId.get(item.highlight.id);
    const later = !seen || (item.dated && (!seen.dated || item.highlight.updated > seen.highlight.updated));
    if (later) byId.set(item.highlight.id, item);
  }
  return [...byId.values()];
}

function parse(text: string, context: ImportContext): Extract<ImportResult, { ok: true }> {
  // Every UTF-16 unit is at least one byte, so a long string is refused without counting.
  const bytes = text.length > IMPORT_MAX_BYTES ? text.length : utf8Bytes(text);
  if (bytes > IMPORT_MAX_BYTES) {
    fail('export_import_too_large', `${(bytes / 1024 / 1024).toFixed(1)} MB or more`, [String(IMPORT_MAX_BYTES / 1024 / 1024)]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail('export_import_not_json', (e as Error).message);
  }
  const items = annotationsOf(doc);
  if (items.length > IMPORT_MAX_ANNOTATIONS) {
    fail('export_import_too_many', `more than ${IMPORT_MAX_ANNOTATIONS} annotations`, [String(IMPORT_MAX_ANNOTATIONS)]);
  }
  const ours = typeof doc === 'object' && doc !== null && 'sm:pages' in doc;
  const filePages = ours ? checked(v.array(PageRecordSchema), (doc as { 'sm:pages': unknown })['sm:pages'], 'sm:pages') : [];

  const perItem = items.map((item, i) => toRecords(item, i, ours, context.now));
  const skipped = perItem.filter((found) => found.highlights.length === 0 && found.notes.length === 0).length;
  const imported = dedupeHighlights(perItem.flatMap((found) => found.highlights));
  const fileNotes = notesByPage(perItem.flatMap((found) => found.notes));
  if (imported.length === 0 && fileNotes.length === 0) {
    fail('export_import_empty', `${items.length} annotations, none quoting text on a page or noting one`);
  }
  // As a highlight's copy, a note without a date of its own never replaces the one in the library.
  const notes: PageNote[] = fileNotes
    .filter((n) => n.updated !== null || !context.notedPageUrls?.has(n.url))
    .map((n) => ({ url: n.url, note: n.note, updated: n.updated ?? context.now }));
  // Without a date of its own, the file's copy cannot be newer than the library's (the reader may
  // have edited it since the last import): that one is left as the library holds it.
  const highlights = imported.filter((i) => i.dated || !context.highlightIds.has(i.highlight.id)).map((i) => i.highlight);

  // The file's pages that its highlights or notes are on: a page record with neither would never show.
  const highlighted = new Set([...highlights.map((h) => h.pageUrl), ...notes.map((n) => n.url)]);
  const pages = new Map(filePages.filter((p) => highlighted.has(p.url)).map((p) => [p.url, p]));
  const orphans = new Map<string, HighlightRecord[]>();
  for (const h of highlights) {
    if (pages.has(h.pageUrl) || context.pageUrls.has(h.pageUrl)) continue;
    const list = orphans.get(h.pageUrl);
    if (list) list.push(h);
    else orphans.set(h.pageUrl, [h]);
  }
  for (const [url, list] of orphans) pages.set(url, pageStub(url, list));
  // A page known by its note alone is named by its address, seen when the note was written.
  for (const { url, updated } of notes) {
    if (!pages.has(url) && !context.pageUrls.has(url)) pages.set(url, { url, title: url, publisher: null, provenance: null, firstSeen: updated, lastSeen: updated });
  }

  const pageList = [...pages.values()];
  const merged = imported.filter((i) => context.highlightIds.has(i.highlight.id)).length;
  const existingPages = pageList.filter((p) => context.pageUrls.has(p.url)).length;
  return {
    ok: true,
    pages: pageList,
    highlights,
    notes,
    kept: imported.length - highlights.length,
    preview: {
      newPages: pageList.length - existingPages,
      existingPages,
      newHighlights: imported.length - merged,
      mergedHighlights: merged,
      pageNotes: fileNotes.length,
      skipped,
    },
  };
}

export function parseImport(text: string, context: ImportContext): ImportResult {
  try {
    return parse(text, context);
  } catch (e) {
    if (e instanceof ImportFailure) return { ok: false, error: e.error };
    throw e;
  }
}
