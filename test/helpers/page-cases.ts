/**
 * Loads the data-driven page cases: each folder of `test/fixtures/pages/` holds a saved page
 * (`source.html`, raw bytes, any charset) and what a demanding reader expects of its analysis
 * (`expected.json`). Adding a case is adding a folder; this module knows nothing of any one case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HIDDEN_KINDS, type Analysis, type HiddenKind } from '../../utils/analysis-types';
import { analyzeDocument } from '../../utils/analyze';
import { decodeHtml } from '../../utils/charset';
import { parseHtml } from './dom';

/** Where the case folders live. */
export const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

/**
 * One element the cleanup must hide, with its kind, named by exactly one of: a phrase of its
 * text, or a CSS selector (for image ads and other elements without text).
 */
export type ExpectedHidden =
  | {
      kind: HiddenKind;
      /** A phrase that must occur in the text of some hidden item of this kind. */
      includes: string;
    }
  | {
      kind: HiddenKind;
      /** An element that must be, or be inside, some hidden item of this kind. */
      selector: string;
    };

/** The schema of `expected.json`. Only `url` and `isArticle` are required. */
export interface ExpectedPage {
  /** The fake URL the page is analysed at; URL shape is one of the detection signals. */
  url: string;
  isArticle: boolean;
  title?: string;
  publishedAt?: string;
  /** Phrases of `article.text`: one from each story paragraph. */
  bodyIncludes?: string[];
  /** Phrases that must not be in `article.text` (teasers, captions of ads, boilerplate). */
  bodyExcludes?: string[];
  hidden?: ExpectedHidden[];
  /** Phrases that must not occur in any hidden item's text. */
  visible?: string[];
  /** CSS selectors of elements that must not be hidden, nor be inside a hidden element. */
  visibleElements?: string[];
  /** The whole source chain, nearest to the reader first, each as `role outlet <- via @date` (see provenance-lines.ts). */
  sources?: string[];
  /** Every credit, in the order read, each as `role name`. */
  credits?: string[];
  /**
   * Checks the analysis core is known to fail, by check name (as `pageChecks` names it), with
   * why: they run as `it.fails`, so a fix in the core turns them red until the entry is removed.
   */
  knownFailures?: Record<string, string>;
}

/** A loaded case: its expectations, the parsed page and the analysis of it. */
export interface PageCase {
  name: string;
  expected: ExpectedPage;
  checks: PageCheck[];
  doc: Document;
  analysis: Analysis;
}

const KINDS: ReadonlySet<string> = new Set<HiddenKind>(HIDDEN_KINDS);

type FieldCheck = (value: unknown) => boolean;
const isString: FieldCheck = (v) => typeof v === 'string' && v.length > 0;
const isStringList: FieldCheck = (v) => Array.isArray(v) && v.length > 0 && v.every(isString);
const isHiddenList: FieldCheck = (v) =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every(
    (h: unknown) =>
      typeof h === 'object' &&
      h !== null &&
      ['includes,kind', 'kind,selector'].includes(Object.keys(h).sort().join()) &&
      KINDS.has((h as Record<string, unknown>).kind as string) &&
      isString((h as Record<string, unknown>).includes ?? (h as Record<string, unknown>).selector),
  );
const isReasonMap: FieldCheck = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isString);

/** Every allowed key with what its value must be; an empty list would be a check that cannot fail. */
const FIELDS: Record<keyof ExpectedPage, { check: FieldCheck; describe: string }> = {
  url: { check: (v) => isString(v) && URL.canParse(v as string), describe: 'an absolute URL' },
  isArticle: { check: (v) => typeof v === 'boolean', describe: 'a boolean' },
  title: { check: isString, describe: 'a non-empty string' },
  publishedAt: { check: (v) => isString(v) && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(v as string), describe: 'an ISO 8601 date or date-time' },
  bodyIncludes: { check: isStringList, describe: 'a non-empty list of non-empty strings' },
  bodyExcludes: { check: isStringList, describe: 'a non-empty list of non-empty strings' },
  hidden: { check: isHiddenList, describe: `a non-empty list of { kind: ${[...HIDDEN_KINDS].join('|')}, includes or selector: string }` },
  visible: { check: isStringList, describe: 'a non-empty list of non-empty strings' },
  visibleElements: { check: isStringList, describe: 'a non-empty list of CSS selectors' },
  sources: { check: isStringList, describe: 'a non-empty list of "role outlet <- via @date" strings' },
  credits: { check: isStringList, describe: 'a non-empty list of "role name" strings' },
  knownFailures: { check: isReasonMap, describe: 'an object mapping check names to reasons' },
};

/** Fields that describe the article and cleanup, which only an article page has. */
const ARTICLE_ONLY: ReadonlyArray<keyof ExpectedPage> = ['bodyIncludes', 'bodyExcludes', 'hidden', 'visible', 'visibleElements', 'sources', 'credits'];

/**
 * Validates parsed `expected.json` content, throwing one message naming the case and every
 * problem, so a typo'd key fails loudly instead of silently checking nothing.
 */
export function parseExpected(name: string, raw: unknown): ExpectedPage {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${name}/expected.json: must be a JSON object`);
  const obj = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const field = FIELDS[key as keyof ExpectedPage] as (typeof FIELDS)[keyof ExpectedPage] | undefined;
    if (!field) problems.push(`unknown key "${key}" (allowed: ${Object.keys(FIELDS).join(', ')})`);
    else if (!field.check(value)) problems.push(`"${key}" must be ${field.describe}`);
  }
  for (const key of ['url', 'isArticle'] as const) if (!(key in obj)) problems.push(`missing "${key}"`);
  if (obj.isArticle === false) {
    for (const key of ARTICLE_ONLY) if (key in obj) problems.push(`"${key}" makes no sense when isArticle is false`);
  }
  if (problems.length) throw new Error(`${name}/expected.json: ${problems.join('; ')}`);
  return obj as unknown as ExpectedPage;
}

/** One check a case's expectations imply; `name` is the test's name and the knownFailures key. */
export type PageCheck = { name: string; knownFailure?: string } & (
  | { field: 'isArticle'; want: boolean }
  | { field: 'title' | 'publishedAt'; want: string }
  | { field: 'bodyIncludes' | 'bodyExcludes' | 'visible' | 'visibleElements'; want: string }
  | { field: 'hidden'; want: ExpectedHidden }
  | { field: 'sources' | 'credits'; want: string[] }
);

/**
 * The checks a case's expectations imply, one per scalar field and one per list entry, so a
 * single wrong entry is reported (and, if need be, marked as a known failure) alone.
 */
export function pageChecks(expected: ExpectedPage): PageCheck[] {
  const checks: PageCheck[] = [{ name: 'isArticle', field: 'isArticle', want: expected.isArticle }];
  if (expected.title !== undefined) checks.push({ name: 'title', field: 'title', want: expected.title });
  if (expected.publishedAt !== undefined) checks.push({ name: 'publishedAt', field: 'publishedAt', want: expected.publishedAt });
  for (const p of expected.bodyIncludes ?? []) checks.push({ name: `body includes “${p}”`, field: 'bodyIncludes', want: p });
  for (const p of expected.bodyExcludes ?? []) checks.push({ name: `body excludes “${p}”`, field: 'bodyExcludes', want: p });
  for (const h of expected.hidden ?? []) {
    checks.push({ name: `hidden as ${h.kind}: ${'includes' in h ? `“${h.includes}”` : h.selector}`, field: 'hidden', want: h });
  }
  for (const p of expected.visible ?? []) checks.push({ name: `not hidden: “${p}”`, field: 'visible', want: p });
  for (const s of expected.visibleElements ?? []) checks.push({ name: `element not hidden: ${s}`, field: 'visibleElements', want: s });
  // The chain is one check: its order is what it says.
  if (expected.sources) checks.push({ name: 'sources', field: 'sources', want: expected.sources });
  if (expected.credits) checks.push({ name: 'credits', field: 'credits', want: expected.credits });
  const reasons = expected.knownFailures ?? {};
  return checks.map((c) => (reasons[c.name] ? { ...c, knownFailure: reasons[c.name] } : c));
}

/** Loads one case folder: decodes its bytes as a reader's browser would, parses at the case URL, analyses. */
export function loadPageCase(name: string): PageCase {
  const dir = join(PAGES_DIR, name);
  const expected = parseExpected(name, JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
  const checks = pageChecks(expected);
  const names = new Set(checks.map((c) => c.name));
  const stale = Object.keys(expected.knownFailures ?? {}).filter((k) => !names.has(k));
  if (stale.length) throw new Error(`${name}/expected.json: knownFailures name no check: ${stale.join('; ')}`);
  const { text } = decodeHtml(new Uint8Array(readFileSync(join(dir, 'source.html'))));
  const doc = parseHtml(text, expected.url);
  return { name, expected, checks, doc, analysis: analyzeDocument(doc, { url: expected.url }) };
}

/** The names of all case folders, sorted so the test order is stable. */
export function pageCaseNames(): string[] {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
