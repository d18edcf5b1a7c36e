/** Per-page eval results and their aggregation into the table `npm run eval` prints. */
import { type MatchCounts, type ProvenanceScore, type Score, scoreCounts } from './metrics';

/** Our score and Readability's on the same page. */
export interface Versus {
  ours: number;
  readability: number;
}

/** Everything eval measured on one page. */
export interface PageResult {
  file: string;
  folder: string;
  /** MANIFEST is_article: 'yes' | 'no' | other (left out of detection). */
  expectedArticle: string;
  /** The labellers' reason when labels/README.md lists the page as impaired or doubtful, else null. */
  impaired: string | null;
  /** Set when the page could not be analysed; the other measurements are then null. */
  error: string | null;
  encoding: string | null;
  predictedArticle: boolean | null;
  /** Body-text F1 where the corpus has full body text. */
  bodyF1: Versus | null;
  /** Trafilatura-style snippet score where the corpus has with/without snippets. */
  snippets: Versus | null;
  provenance: ProvenanceScore | null;
  /** Sources whose evidence lies only in hidden teasers, sidebars, navigation, comments or ads. */
  clutterSources: Array<{ outlet: string; evidence: string }>;
}

/** Aggregates of one group of pages (all, one folder, all but impaired). */
export interface Summary {
  pages: number;
  errors: number;
  detection: Score & { pages: number };
  body: { pages: number; ours: number | null; readability: number | null };
  snippets: { pages: number; ours: number | null; readability: number | null };
  labels: { pages: number; sources: Score; via: number | null; credits: Score; title: number | null };
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

const pool = (counts: MatchCounts[]): Score =>
  scoreCounts(
    counts.reduce((n, c) => n + c.tp, 0),
    counts.reduce((n, c) => n + c.predicted, 0),
    counts.reduce((n, c) => n + c.expected, 0),
  );

function versus(results: Array<Versus | null>): { pages: number; ours: number | null; readability: number | null } {
  const scored = results.filter((v): v is Versus => v !== null);
  return { pages: scored.length, ours: mean(scored.map((v) => v.ours)), readability: mean(scored.map((v) => v.readability)) };
}

/**
 * Summarises pages. Body and snippet scores are means over pages (each page weighs the same);
 * provenance counts are pooled over pages (micro F1), since most pages carry only a few sources.
 * Pages that failed to load count as predicted non-articles with empty output, so errors lower scores.
 */
export function summarize(pages: readonly PageResult[]): Summary {
  const judged = pages.filter((p) => p.expectedArticle === 'yes' || p.expectedArticle === 'no');
  const tp = judged.filter((p) => p.predictedArticle && p.expectedArticle === 'yes').length;
  const labelled = pages.map((p) => p.provenance).filter((s): s is ProvenanceScore => s !== null);
  const titled = labelled.filter((s) => s.titleCorrect !== null);
  const viaTotal = labelled.reduce((n, s) => n + s.via.total, 0);
  return {
    pages: pages.length,
    errors: pages.filter((p) => p.error !== null).length,
    detection: {
      pages: judged.length,
      ...scoreCounts(tp, judged.filter((p) => p.predictedArticle).length, judged.filter((p) => p.expectedArticle === 'yes').length),
    },
    body: versus(pages.map((p) => p.bodyF1)),
    snippets: versus(pages.map((p) => p.snippets)),
    labels: {
      pages: labelled.length,
      sources: pool(labelled.map((s) => s.sources)),
      via: viaTotal ? labelled.reduce((n, s) => n + s.via.correct, 0) / viaTotal : null,
      credits: pool(labelled.map((s) => s.credits)),
      title: titled.length ? titled.filter((s) => s.titleCorrect).length / titled.length : null,
    },
  };
}

/** The groups eval reports: all pages, all but the impaired ones, then each corpus folder. */
export function summarizeGroups(pages: readonly PageResult[]): Array<[string, Summary]> {
  const folders = [...new Set(pages.map((p) => p.folder))].sort();
  return [
    ['ALL', summarize(pages)],
    ['ALL but impaired', summarize(pages.filter((p) => p.impaired === null))],
    ...folders.map((folder): [string, Summary] => [`${folder}/`, summarize(pages.filter((p) => p.folder === folder))]),
  ];
}

const fmt = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

const COLUMNS = ['group', 'pages', 'det P', 'det R', 'body n', 'body F1', 'Rdb F1', 'snip n', 'snip', 'Rdb snip', 'lab n', 'src F1', 'via', 'cred F1', 'title'];

/** The summaries as an aligned text table, one row per named group. */
export function formatTable(groups: ReadonlyArray<[string, Summary]>): string {
  const rows = groups.map(([name, s]) => [
    name,
    String(s.pages) + (s.errors ? ` (${s.errors} err)` : ''),
    fmt(s.detection.precision),
    fmt(s.detection.recall),
    String(s.body.pages),
    fmt(s.body.ours),
    fmt(s.body.readability),
    String(s.snippets.pages),
    fmt(s.snippets.ours),
    fmt(s.snippets.readability),
    String(s.labels.pages),
    fmt(s.labels.sources.f1),
    fmt(s.labels.via),
    fmt(s.labels.credits.f1),
    fmt(s.labels.title),
  ]);
  const table = [COLUMNS, ...rows];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** The n pages with the lowest body F1 (ours), worst first, each with Readability's score beside it. */
export function worstPages(pages: readonly PageResult[], n: number): PageResult[] {
  return pages
    .filter((p) => p.bodyF1 !== null)
    .sort((a, b) => a.bodyF1!.ours - b.bodyF1!.ours || a.file.localeCompare(b.file))
    .slice(0, n);
}
