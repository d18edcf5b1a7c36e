/**
 * Reads an import file: our JSON export, or W3C Web Annotations from other tools that carry
 * TextQuote/TextPosition selectors (one annotation, an array, an AnnotationPage or an
 * AnnotationCollection with embedded pages). Returns every record to write plus a preview of what
 * will be added and merged, or one clear error — never part of a file.
 */
import * as v from 'valibot';
import type { HighlightRecord, PageRecord, Selector } from '../annotation-types';
import { ColorSchema, HighlightRecordSchema, PageInfoSchema } from '../messages';
import { normalizeUrl } from '../normalize-url';
import { pageStub } from './bundle';
import { stableUuid } from './stable-id';
import { httpUrl } from './safe-url';
import { URN_UUID } from './w3c-json';

/** Larger than any real export of a personal library; bigger files are refused before parsing. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
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
  /** Highlights whose id is already in the library: merged by id, the newer edit wins. */
  mergedHighlights: number;
  /** Annotations without a text quote (page notes, image regions): not highlights, left out. */
  skipped: number;
}

export type ImportResult =
  | { ok: true; pages: PageRecord[]; highlights: HighlightRecord[]; preview: ImportPreview }
  | { ok: false; error: ImportError };

/** What the library holds now, for the preview, and the time to stamp records that have none. */
export interface ImportContext {
  pageUrls: ReadonlySet<string>;
  highlightIds: ReadonlySet<string>;
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
const CssSchema = v.object({ type: v.literal('CssSelector'), value: v.string(), refinedBy: v.optional(PositionSchema) });
const KnownSelectorSchema = v.variant('type', [QuoteSchema, PositionSchema, CssSchema]);
const KNOWN_SELECTOR_TYPES = new Set<string>(KnownSelectorSchema.options.map((o) => o.entries.type.literal));

const Typed = v.looseObject({ type: v.union([v.string(), v.array(v.string())]) });
const oneOrMany = <S extends v.GenericSchema>(schema: S) => v.union([schema, v.array(schema)]);
const TargetSchema = v.looseObject({ source: v.string(), selector: v.optional(oneOrMany(v.looseObject({ type: v.string() }))) });
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

/** UTF-8 size without allocating a copy of a file that may be too large. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

const hasType = (value: unknown, type: string): boolean => {
  const parsed = v.safeParse(Typed, value);
  if (!parsed.success) return false;
  const t = parsed.output.type;
  return t === type || (Array.isArray(t) && t.includes(type));
};

/** The annotations of a document, following embedded pages (`first`, then each `next`). */
function annotationsOf(doc: unknown): unknown[] {
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
    const sel = checked(KnownSelectorSchema, s, `${where}.selector[${i}]`);
    if (sel.type !== 'CssSelector') out.push(sel);
    else if (sel.refinedBy) out.push({ type: 'RangeHintSelector', selector: sel.value, start: sel.refinedBy.start, end: sel.refinedBy.end });
    else return;
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

/**
 * Our timestamps pass unchanged (the schema checks them). Other tools' are re-written in UTC as
 * toISOString does, since the library compares and filters them as strings.
 */
function timestamp(value: string | undefined, fallback: string, ours: boolean): string {
  if (value === undefined) return fallback;
  if (ours) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

function notAfter(time: string, now: string): string {
  return Date.parse(time) > Date.parse(now) ? now : time;
}

/** A highlight from one annotation, or null when it quotes no text or no web page. */
function toHighlight(raw: unknown, index: number, ours: boolean, now: string): HighlightRecord | null {
  const where = `annotation ${index + 1}`;
  const a = checked(AnnotationSchema, raw, where);
  const targets = (Array.isArray(a.target) ? a.target : [a.target]).filter((t) => typeof t !== 'string');
  for (const target of targets) {
    const raws = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
    const selectors = ourSelectors(raws, `${where}.target`);
    const quote = a['sm:quote'] ?? selectors.find((s) => s.type === 'TextQuoteSelector')?.exact;
    // Only a web page can be opened and anchored in again: a PDF's urn, a file: or data: URL (which
    // the library's Open would launch) is skipped like an annotation without a quote.
    if (!quote || httpUrl(target.source) === null) continue;
    const pageUrl = ours ? target.source : normalizeUrl(target.source);
    const foreignKey = a.id ?? JSON.stringify([pageUrl, selectors, a.created ?? null]);
    // A date after the import (a skewed clock) would win every later import of the same highlight,
    // newer copies from other devices included (the newer edit wins): it counts as the import's time.
    const created = notAfter(timestamp(a.created, now, ours), now);
    return checked(
      HighlightRecordSchema,
      {
        id: a.id?.startsWith(URN_UUID) ? a.id.slice(URN_UUID.length) : stableUuid(foreignKey),
        pageUrl,
        selectors,
        quote,
        color: a['sm:color'] ?? 'yellow',
        note: noteOf(a),
        created,
        updated: notAfter(timestamp(a.modified, created, ours), now),
      },
      where,
    );
  }
  return null;
}

/** One record per id; of two, the later edit. */
function dedupeHighlights(list: HighlightRecord[]): HighlightRecord[] {
  const byId = new Map<string, HighlightRecord>();
  for (const h of list) {
    const seen = byId.get(h.id);
    if (!seen || h.updated > seen.updated) byId.set(h.id, h);
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

  const found = items.map((item, i) => toHighlight(item, i, ours, context.now)).filter((h) => h !== null);
  const skipped = items.length - found.length;
  const highlights = dedupeHighlights(found);
  if (highlights.length === 0) {
    fail('export_import_empty', `${items.length} annotations, none quoting text on a page`);
  }

  // The file's pages that its highlights are on: a page record with none would never show.
  const highlighted = new Set(highlights.map((h) => h.pageUrl));
  const pages = new Map(filePages.filter((p) => highlighted.has(p.url)).map((p) => [p.url, p]));
  const orphans = new Map<string, HighlightRecord[]>();
  for (const h of highlights) {
    if (pages.has(h.pageUrl) || context.pageUrls.has(h.pageUrl)) continue;
    const list = orphans.get(h.pageUrl);
    if (list) list.push(h);
    else orphans.set(h.pageUrl, [h]);
  }
  for (const [url, list] of orphans) pages.set(url, pageStub(url, list));

  const pageList = [...pages.values()];
  const merged = highlights.filter((h) => context.highlightIds.has(h.id)).length;
  const existingPages = pageList.filter((p) => context.pageUrls.has(p.url)).length;
  return {
    ok: true,
    pages: pageList,
    highlights,
    preview: {
      newPages: pageList.length - existingPages,
      existingPages,
      newHighlights: highlights.length - merged,
      mergedHighlights: merged,
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
