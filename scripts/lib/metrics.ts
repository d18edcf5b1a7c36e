/**
 * Pure scoring functions for `npm run eval`, following the team's conventions
 * (shared/corpus/README.md): multiset F1 over character bigrams for CJK text and lower-cased words
 * otherwise; outlets match after dropping 《》 and quotes and when one name contains the other;
 * 编译 may be labelled translator or compiler, 作者/记者 author or reporter.
 */
import type { Credit, Source } from '../../utils/analysis-types';

/** Precision, recall and F1; null where the denominator is zero (nothing predicted / nothing expected). */
export interface Score {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/**
 * Score from counts. F1 is written as 2·tp / (predicted + expected) so that "predicted nothing"
 * scores 0 against a non-empty truth instead of being undefined.
 */
export function scoreCounts(tp: number, predicted: number, expected: number): Score {
  return {
    precision: predicted ? tp / predicted : null,
    recall: expected ? tp / expected : null,
    f1: predicted + expected ? (2 * tp) / (predicted + expected) : null,
  };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;

/** True when at least 30% of the letters are Han, kana or Hangul: such text has no spaces to split words on. */
export function isCjkText(text: string): boolean {
  let letters = 0;
  let cjk = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (CJK.test(ch)) cjk++;
  }
  return letters > 0 && cjk / letters >= 0.3;
}

/** Character bigrams of the text with all whitespace removed (layout whitespace is not content). */
export function charBigrams(text: string): string[] {
  const chars = Array.from(text.replace(/\s+/gu, ''));
  return chars.slice(1).map((ch, i) => chars[i]! + ch);
}

/** Lower-cased runs of letters and digits. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** F1 of two token multisets: a token counts as many times as it occurs in both. */
export function multisetF1(predicted: readonly string[], expected: readonly string[]): Score {
  const remaining = new Map<string, number>();
  for (const token of expected) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of predicted) {
    const left = remaining.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      remaining.set(token, left - 1);
    }
  }
  return scoreCounts(overlap, predicted.length, expected.length);
}

/** Body-text F1, tokenised by the nature of the expected text (bigrams for CJK, words otherwise). */
export function textF1(predicted: string, expected: string): Score {
  const tokenize = isCjkText(expected) ? charBigrams : wordTokens;
  return multisetF1(tokenize(predicted), tokenize(expected));
}

const squash = (s: string): string => s.replace(/\s+/gu, '');

/**
 * Snippet check (trafilatura's ground truth): the share of `with` snippets present plus `without`
 * snippets absent, over all snippets; whitespace is ignored because extractors lay text out differently.
 */
export function snippetScore(text: string, withSnippets: readonly string[], withoutSnippets: readonly string[]): number | null {
  const total = withSnippets.length + withoutSnippets.length;
  if (total === 0) return null;
  const haystack = squash(text);
  const found = withSnippets.filter((s) => haystack.includes(squash(s))).length;
  const absent = withoutSnippets.filter((s) => !haystack.includes(squash(s))).length;
  return (found + absent) / total;
}

const OUTLET_NOISE = /[《》〈〉「」『』"'“”‘’\s]/gu;

/** An outlet name reduced for comparison: no title marks, quotes or spaces; case-folded for Latin names. */
export function normalizeOutlet(name: string): string {
  return name.replace(OUTLET_NOISE, '').toLowerCase();
}

/** Same outlet when, once normalised, one name contains the other (新加坡《联合早报》网站 ~ 联合早报). */
export function outletsMatch(a: string, b: string): boolean {
  const x = normalizeOutlet(a);
  const y = normalizeOutlet(b);
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
}

/** Roles a labeller could assign to the same credit line, so they count as equal. */
const ROLE_CLASSES: ReadonlyArray<ReadonlySet<Credit['role']>> = [
  new Set(['translator', 'compiler']), // 编译
  new Set(['author', 'reporter']), // 作者 / 记者 / bare bylines
];

/** True when two credit roles are the same or interchangeable by the team's convention. */
export function creditRolesMatch(a: Credit['role'], b: Credit['role']): boolean {
  return a === b || ROLE_CLASSES.some((roles) => roles.has(a) && roles.has(b));
}

/** Text equality ignoring whitespace and Latin case: titles and names are laid out differently by pages. */
export function sameText(a: string, b: string): boolean {
  return squash(a).toLowerCase() === squash(b).toLowerCase();
}

/** Greedy one-to-one pairing of predicted and expected items under `matches`, in predicted order. */
export function pairUp<P, E>(predicted: readonly P[], expected: readonly E[], matches: (p: P, e: E) => boolean): Array<[P, E]> {
  const used = new Set<number>();
  const pairs: Array<[P, E]> = [];
  for (const p of predicted) {
    const index = expected.findIndex((e, i) => !used.has(i) && matches(p, e));
    if (index >= 0) {
      used.add(index);
      pairs.push([p, expected[index]!]);
    }
  }
  return pairs;
}

/** Counts for pooling over pages: matched, predicted and expected items. */
export interface MatchCounts {
  tp: number;
  predicted: number;
  expected: number;
}

/** The provenance fields the labels carry. */
export interface ProvenanceFields {
  title: string | null;
  sources: ReadonlyArray<Pick<Source, 'outlet' | 'role' | 'via'>>;
  credits: ReadonlyArray<Pick<Credit, 'name' | 'role'>>;
}

/** One page's provenance score against its label, as counts so pages can be pooled. */
export interface ProvenanceScore {
  sources: MatchCounts;
  /** `via` agreement over matched sources. */
  via: { correct: number; total: number };
  credits: MatchCounts;
  /** Null when the label has no title. */
  titleCorrect: boolean | null;
}

const viaMatches = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : outletsMatch(a, b);

/** Scores predicted provenance against a label: sources match on outlet + role, credits on name + role. */
export function scoreProvenance(predicted: ProvenanceFields, label: ProvenanceFields): ProvenanceScore {
  const sourcePairs = pairUp(predicted.sources, label.sources, (p, e) => p.role === e.role && outletsMatch(p.outlet, e.outlet));
  const creditPairs = pairUp(
    predicted.credits,
    label.credits,
    (p, e) => creditRolesMatch(p.role, e.role) && sameText(p.name, e.name),
  );
  return {
    sources: { tp: sourcePairs.length, predicted: predicted.sources.length, expected: label.sources.length },
    via: { correct: sourcePairs.filter(([p, e]) => viaMatches(p.via, e.via)).length, total: sourcePairs.length },
    credits: { tp: creditPairs.length, predicted: predicted.credits.length, expected: label.credits.length },
    titleCorrect: label.title === null ? null : predicted.title !== null && sameText(predicted.title, label.title),
  };
}

/** What `sourcesFromClutter` reads of an analysis. */
export interface ClutterCheckInput {
  articleText: string;
  /**
   * The page's text a reader still sees once cleanup is done (the article, its meta line, an
   * account card): evidence shown there may have been read there, whatever clutter repeats it.
   */
  shownText: string;
  sources: readonly Source[];
  hidden: ReadonlyArray<{ kind: string; text: string }>;
}

/** Hidden kinds that hold other stories or site furniture, never this article's provenance. */
const CLUTTER_KINDS = new Set(['teaser', 'navigation', 'comments', 'ad']);

/**
 * Sources (the publisher aside) whose evidence appears in a hidden teaser, sidebar, navigation,
 * comment or ad block and nowhere in the article's text or the rest of what the page still
 * shows: an outlet taken from another story.
 */
export function sourcesFromClutter({ articleText, shownText, sources, hidden }: ClutterCheckInput): Source[] {
  const article = squash(articleText);
  const shown = squash(shownText);
  const clutter = hidden.filter((h) => CLUTTER_KINDS.has(h.kind)).map((h) => squash(h.text));
  return sources.filter((s) => {
    if (s.role === 'publisher') return false;
    const evidence = squash(s.evidence);
    return !article.includes(evidence) && !shown.includes(evidence) && clutter.some((text) => text.includes(evidence));
  });
}
