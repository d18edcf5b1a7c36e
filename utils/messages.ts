/**
 * Every message that crosses an extension boundary, named by direction, with a valibot schema.
 * Receivers call `parseMessage` and drop anything that does not match: a page can't forge a
 * message to the background, but a compromised or buggy sender must not corrupt data either.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS, type HighlightRecord, type HighlightRow, type ProvenanceSnapshot } from './annotation-types';
import { HIDDEN_KINDS, type HiddenKind } from './analysis-types';
import { REASON_KEYS } from './reasons';

const HiddenKindSchema = v.picklist(HIDDEN_KINDS);

const ReasonKeySchema = v.picklist(REASON_KEYS);
const ReasonArgSchema = v.pipe(v.string(), v.maxLength(200));
/** A rule's reason or a verdict's signal as a message (see reasons.ts): its key and words. */
const CauseSchema = v.object({ key: ReasonKeySchema, args: v.pipe(v.array(ReasonArgSchema), v.maxLength(4)) });
/** A hidden item's reason: one level of nesting, as a late ad wraps the rule's reason. */
const WhySchema = v.object({ key: ReasonKeySchema, args: v.pipe(v.array(v.union([ReasonArgSchema, CauseSchema])), v.maxLength(4)) });

// Bounds keep a buggy or hostile sender from filling the database with junk.
const MAX_TEXT = 20_000;
/** Longer than any selector the analysis writes for a real page; the popup's keep key must get it whole. */
export const MAX_SELECTOR = 10_000;
/**
 * A passage's text (the quote, and the selector's exact words). A whole long story selected at once
 * runs past 20,000 characters, and a whole page of 10,000 paragraphs to some 530,000: both are kept.
 */
export const MAX_QUOTE = 2_000_000;
export const MAX_NOTE = 50_000;
const MAX_IDS = 20_000;
const MAX_READER_HTML = 20_000_000;
const boundedString = (max: number) => v.pipe(v.string(), v.maxLength(max));
const isoString = v.pipe(v.string(), v.isoTimestamp());
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Far more outlets or credits than a page names. */
const MAX_CHAIN = 100;
/** A language tag is short (zh-Hans-CN); what a page writes there beyond this is no language. */
export const MAX_LANG_TAG = 35;

const SourceSchema = v.object({
  outlet: boundedString(MAX_TEXT),
  role: v.picklist(['publisher', 'reprinted-from', 'reported-by', 'cited']),
  via: v.nullable(boundedString(MAX_TEXT)),
  date: v.nullable(boundedString(MAX_TEXT)),
  evidence: boundedString(MAX_TEXT),
});

const CreditSchema = v.object({
  role: v.picklist(['author', 'reporter', 'translator', 'compiler', 'editor', 'proofreader', 'photographer']),
  name: boundedString(MAX_TEXT),
  evidence: boundedString(MAX_TEXT),
});

/** What the content script knows about its page: the verdict, what it hid, the provenance. */
export const PageStateSchema = v.object({
  url: v.string(),
  isArticle: v.boolean(),
  confidence: v.number(),
  /** The signals behind the verdict, as messages the popup shows in the reader's language. */
  reasons: v.array(CauseSchema),
  title: v.nullable(v.string()),
  publisher: v.nullable(v.string()),
  publishedAt: v.nullable(v.string()),
  /** Whether hiding is in force on the tab right now ("Show original" turns it off). */
  cleanupActive: v.boolean(),
  hidden: v.array(
    v.object({
      id: v.number(),
      kind: HiddenKindSchema,
      text: v.string(),
      /** Where it is on the page: what tells apart the items without text for "Never hide this". */
      selector: v.pipe(v.string(), v.maxLength(MAX_SELECTOR)),
      /** Why it was hidden, as a message the popup shows in the reader's language. */
      why: WhySchema,
      /** True when a per-site "Never hide this" rule keeps it visible. */
      kept: v.boolean(),
    }),
  ),
  sources: v.array(SourceSchema),
  credits: v.array(CreditSchema),
  /** The page's declared language (its `<html lang>`), which the chain's outlets and names are written in. */
  lang: v.optional(boundedString(MAX_LANG_TAG)),
});
export type PageState = v.InferOutput<typeof PageStateSchema>;

export const SettingsSchema = v.object({
  /** Global switch: clean pages at all. */
  enabled: v.boolean(),
  /** Hosts where cleanup is off. */
  disabledSites: v.array(v.string()),
  /** Per-host rules: text fingerprints of items the user chose to keep. */
  keepRules: v.record(v.string(), v.array(v.string())),
  /**
   * Kinds left on every page (comments, say): marked as ever, so the popup still lists them, but
   * not hidden. Optional, so settings saved before it existed keep their sites and rules; a kind
   * this version does not know (saved by a later one) is dropped, not a reason to refuse them all.
   */
  shownKinds: v.optional(
    v.pipe(
      v.array(v.string()),
      v.transform((kinds) => kinds.filter((k): k is HiddenKind => (HIDDEN_KINDS as readonly string[]).includes(k))),
    ),
    [],
  ),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [], keepRules: {}, shownKinds: [] };

export const SelectorSchema = v.variant('type', [
  v.object({ type: v.literal('TextQuoteSelector'), exact: v.pipe(boundedString(MAX_QUOTE), v.minLength(1)), prefix: boundedString(MAX_TEXT), suffix: boundedString(MAX_TEXT) }),
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.object({ type: v.literal('RangeHintSelector'), selector: boundedString(MAX_TEXT), start: offset, end: offset }),
]);

export const ColorSchema = v.picklist(HIGHLIGHT_COLORS);

export const HighlightRecordSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  pageUrl: boundedString(MAX_TEXT),
  selectors: v.pipe(v.array(SelectorSchema), v.minLength(1), v.maxLength(5)),
  quote: v.pipe(boundedString(MAX_QUOTE), v.minLength(1)),
  color: ColorSchema,
  note: boundedString(MAX_NOTE),
  created: isoString,
  updated: isoString,
}) satisfies v.GenericSchema<unknown, HighlightRecord>;

export const ProvenanceSnapshotSchema = v.object({
  publisher: v.nullable(boundedString(MAX_TEXT)),
  sources: v.pipe(v.array(SourceSchema), v.maxLength(MAX_CHAIN)),
  credits: v.pipe(v.array(CreditSchema), v.maxLength(MAX_CHAIN)),
  originalTitle: v.nullable(boundedString(MAX_TEXT)),
  publishedAt: v.nullable(boundedString(MAX_TEXT)),
}) satisfies v.GenericSchema<unknown, ProvenanceSnapshot>;

/** What a content script knows of its page when it saves a highlight there. */
export const PageInfoSchema = v.object({
  url: boundedString(MAX_TEXT),
  title: boundedString(MAX_TEXT),
  publisher: v.nullable(boundedString(MAX_TEXT)),
  provenance: v.nullable(ProvenanceSnapshotSchema),
});
export type PageInfo = v.InferOutput<typeof PageInfoSchema>;

const idList = v.pipe(v.array(v.pipe(v.string(), v.uuid())), v.maxLength(MAX_IDS));
const HighlightPatchSchema = v.object({ color: v.optional(ColorSchema), note: v.optional(boundedString(MAX_NOTE)) });
export const ExportFormatSchema = v.picklist(['markdown', 'json', 'html', 'csv']);
export type ExportFormat = v.InferOutput<typeof ExportFormatSchema>;

/**
 * Messages to the background, which alone opens the database. Content scripts may only send the
 * `page-highlights` and `highlight*` messages about their own page (the background checks);
 * everything else is for extension pages.
 */
export const ToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('ping') }),
  /**
   * The sentinel on a page without the analysis script asks for it: the page passed the quick
   * article check, or the reader selected text to highlight.
   */
  v.object({ type: v.literal('analysis-wanted') }),
  v.object({ type: v.literal('page-highlights'), url: boundedString(MAX_TEXT) }),
  v.object({ type: v.literal('highlight-create'), page: PageInfoSchema, highlight: HighlightRecordSchema }),
  v.object({ type: v.literal('highlight-update'), id: v.pipe(v.string(), v.uuid()), patch: HighlightPatchSchema }),
  v.object({ type: v.literal('highlights-delete'), ids: idList }),
  v.object({ type: v.literal('highlights-restore'), records: v.pipe(v.array(HighlightRecordSchema), v.maxLength(MAX_IDS)) }),
  /** The note on a whole page, read and set by the popup and the library only (the background checks). */
  v.object({ type: v.literal('page-note'), url: boundedString(MAX_TEXT) }),
  /** `page`: the record to make when the page has none, as a highlight's first save makes it. */
  v.object({ type: v.literal('page-note-set'), page: PageInfoSchema, note: boundedString(MAX_NOTE) }),
  v.object({ type: v.literal('export'), format: ExportFormatSchema, pageUrls: v.nullable(v.pipe(v.array(boundedString(MAX_TEXT)), v.maxLength(MAX_IDS))) }),
  v.object({ type: v.literal('import-preview'), text: v.string() }),
  v.object({ type: v.literal('import-apply'), text: v.string() }),
  /** A content script hands its page to a new reader-view tab. */
  v.object({ type: v.literal('reader-open'), url: boundedString(MAX_TEXT), html: boundedString(MAX_READER_HTML) }),
  /** The reader-view tab fetches the page it was opened for. */
  v.object({ type: v.literal('reader-article'), token: v.pipe(v.string(), v.uuid()) }),
]);
export type ToBackground = v.InferOutput<typeof ToBackgroundSchema>;

/** The background's answer when the database failed; the UI shows `message` as it is. */
export interface StorageFailure {
  error: { code: string; message: string };
}

/**
 * An export comes over a port of this name, not as one answer: the page sends the `export` message
 * on it, the background answers the file's text in pieces of EXPORT_PIECE_CHARS, then its name and
 * type (or a storage failure). Chrome refuses a message over 64 MiB, which a library of 70,000
 * highlights as JSON was; and 20,000 (17 million characters) took 1.7 s to arrive as one answer,
 * 1.2 s in pieces, of which the page makes the Blob as they come, never in one long task.
 */
export const EXPORT_PORT = 'sourcemark-export';
export const EXPORT_PIECE_CHARS = 1 << 18;
export type ExportPiece = { piece: string } | { file: { filename: string; mime: string } } | StorageFailure;

/** What a content script reports of the page's highlights: document order and the unplaced ones. */
export const AnchorStatusSchema = v.object({
  /** Ids of the highlights drawn on the page, in document order. */
  placed: v.array(v.string()),
  /** Ids that could not be placed on the page as it is now. */
  orphaned: v.array(v.string()),
});
export type AnchorStatus = v.InferOutput<typeof AnchorStatusSchema>;

export const HighlightRowSchema = v.pick(HighlightRecordSchema, ['id', 'quote', 'color', 'note', 'created']) satisfies v.GenericSchema<unknown, HighlightRow>;

/**
 * A page's highlights as its content script holds them (the rows of the store's records it
 * restored, kept in step by `highlights-changed`) and where it placed them: the popup's first list
 * needs no second round trip to the database.
 */
export const HeldHighlightsSchema = v.object({
  highlights: v.pipe(v.array(HighlightRowSchema), v.maxLength(MAX_IDS)),
  status: AnchorStatusSchema,
});
export type HeldHighlights = v.InferOutput<typeof HeldHighlightsSchema>;

/** Messages extension pages (popup, background) send to the content script of a tab. */
export const PopupToContentSchema = v.variant('type', [
  /**
   * The popup changed the settings: apply the stored ones now, then answer the page state. The
   * storage event that tells the page too may come after this message, and the popup must not show
   * the state from before its own change.
   */
  v.object({ type: v.literal('apply-settings') }),
  /**
   * The page state plus the held highlights (null until the page has loaded them) and what a record
   * of the page is made from (its PageInfo): the popup's first question.
   */
  v.object({ type: v.literal('get-page-view') }),
  v.object({ type: v.literal('set-cleanup'), active: v.boolean() }),
  v.object({ type: v.literal('get-anchor-status') }),
  v.object({ type: v.literal('scroll-to-highlight'), id: v.string() }),
  /** A source chain entry picked in the popup: the page scrolls to the line it was read from. */
  v.object({ type: v.literal('show-evidence'), evidence: boundedString(MAX_TEXT) }),
  /** The stored highlights of this page changed elsewhere (popup, library, another tab). */
  v.object({ type: v.literal('highlights-changed'), pageUrls: v.array(v.string()) }),
  /**
   * Context menu or keyboard shortcut: highlight the current selection. `inFrame`: the menu was
   * clicked in a frame the page embeds, where no script of ours runs (see highlight-menu.ts).
   */
  v.object({ type: v.literal('highlight-selection'), inFrame: v.optional(v.boolean()) }),
  v.object({ type: v.literal('open-reader') }),
  /** Keyboard shortcut: show the original page, or hide the clutter again (as "Show original" does). */
  v.object({ type: v.literal('toggle-cleanup') }),
]);
export type PopupToContent = v.InferOutput<typeof PopupToContentSchema>;

/**
 * The content script to its tab's open popup, over the port the popup opens (PAGE_CHANGES_PORT):
 * the page changed on its own (cleanup hid an ad that came after load), so the state the popup
 * shows is out of date. A port, not a broadcast: nobody is told while no popup is open, and an
 * ad that rotates every few seconds does not wake the background each time.
 */
export const PAGE_CHANGES_PORT = 'sourcemark-page-changes';
export const PageChangedSchema = v.object({ type: v.literal('page-changed') });
export type PageChanged = v.InferOutput<typeof PageChangedSchema>;

/** The parsed message, or null when it does not match the schema. */
export function parseMessage<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : null;
}
