/**
 * Every message that crosses an extension boundary, named by direction, with a valibot schema.
 * Receivers call `parseMessage` and drop anything that does not match: a page can't forge a
 * message to the background, but a compromised or buggy sender must not corrupt data either.
 */
import * as v from 'valibot';

const HiddenKindSchema = v.picklist(['ad', 'teaser', 'widget', 'boilerplate', 'navigation', 'comments']);

const SourceSchema = v.object({
  outlet: v.string(),
  role: v.picklist(['publisher', 'reprinted-from', 'reported-by', 'cited']),
  via: v.nullable(v.string()),
  date: v.nullable(v.string()),
  evidence: v.string(),
});

const CreditSchema = v.object({
  role: v.picklist(['author', 'reporter', 'translator', 'compiler', 'editor', 'proofreader', 'photographer']),
  name: v.string(),
  evidence: v.string(),
});

/** What the content script knows about its page: the verdict, what it hid, the provenance. */
export const PageStateSchema = v.object({
  url: v.string(),
  isArticle: v.boolean(),
  confidence: v.number(),
  reasons: v.array(v.string()),
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
      reason: v.string(),
      /** True when a per-site "Never hide this" rule keeps it visible. */
      kept: v.boolean(),
    }),
  ),
  sources: v.array(SourceSchema),
  credits: v.array(CreditSchema),
});
export type PageState = v.InferOutput<typeof PageStateSchema>;

export const SettingsSchema = v.object({
  /** Global switch: clean pages at all. */
  enabled: v.boolean(),
  /** Hosts where cleanup is off. */
  disabledSites: v.array(v.string()),
  /** Per-host rules: text fingerprints of items the user chose to keep. */
  keepRules: v.record(v.string(), v.array(v.string())),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [], keepRules: {} };

/** Messages extension pages and the content script send to the background. */
export const ToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('ping') }),
]);
export type ToBackground = v.InferOutput<typeof ToBackgroundSchema>;

/** Messages the popup sends to the content script of a tab. */
export const PopupToContentSchema = v.variant('type', [
  v.object({ type: v.literal('get-page-state') }),
  v.object({ type: v.literal('set-cleanup'), active: v.boolean() }),
]);
export type PopupToContent = v.InferOutput<typeof PopupToContentSchema>;

/** The parsed message, or null when it does not match the schema. */
export function parseMessage<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : null;
}
