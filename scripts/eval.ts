/**
 * `npm run eval [-- --json] [--worst N] [--only SUBSTRING]`: scores the analysis core on the shared
 * corpus (shared/corpus) — detection, body text (beside Readability on the same decoded pages) and
 * provenance — overall and per folder. Skips with one line when the corpus is absent, so it never
 * breaks a checkout that lacks it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { analyzePage, loadPage } from './lib/analyze-file';
import { type BodyTruth, type ManifestEntry, locateCorpus, pageKey, readBodyTruth, readImpairedPages, readLabel, readManifest } from './lib/corpus';
import { type PageResult, formatTable, summarizeGroups, worstPages } from './lib/eval-summary';
import { type ProvenanceFields, scoreProvenance, snippetScore, sourcesFromClutter, textF1 } from './lib/metrics';
import { visibleText } from '../utils/text';

const USAGE = 'usage: npm run eval -- [--json] [--worst N] [--only SUBSTRING]';

function parseCommandLine(argv: string[]): { json: boolean; worst: number; only: string | null } {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, worst: { type: 'string' }, only: { type: 'string' } },
    strict: true,
  });
  const worst = values.worst === undefined ? 0 : Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0) throw new Error(`--worst needs a whole number, got ${values.worst}`);
  return { json: values.json ?? false, worst, only: values.only ?? null };
}

/** Scores a body text against the page's truth: F1 for full text, the snippet score for snippets. */
function scoreBody(text: string, truth: BodyTruth): number {
  return truth.kind === 'text' ? (textF1(text, truth.text).f1 ?? 0) : (snippetScore(text, truth.with, truth.without) ?? 0);
}

/** Loads one page, runs Readability and our analysis on it, and scores both against the corpus truth. */
async function evaluatePage(corpus: string, entry: ManifestEntry, impaired: string | null): Promise<PageResult> {
  const result: PageResult = {
    file: entry.file,
    folder: entry.folder,
    expectedArticle: entry.isArticle,
    impaired,
    error: null,
    encoding: null,
    predictedArticle: null,
    bodyF1: null,
    snippets: null,
    provenance: null,
    clutterSources: [],
  };
  const [truth, label] = await Promise.all([readBodyTruth(corpus, entry.file), readLabel(corpus, entry.file)]);
  // A page that fails to load is scored as an empty prediction, so failures lower the numbers.
  let ours: ProvenanceFields & { text: string } = { text: '', title: null, sources: [], credits: [] };
  let readabilityText = '';
  try {
    // The page URL (when the dataset kept it) is passed as the extension would know it: the CLI's --url.
    const page = await loadPage(resolve(corpus, entry.file), entry.url);
    result.encoding = page.encoding;
    // Readability mutates what it parses, so it gets a clone, taken before our analysis runs.
    readabilityText = new Readability(page.doc.cloneNode(true) as Document).parse()?.textContent ?? '';
    const analysis = analyzePage(page, entry.url);
    result.predictedArticle = analysis.isArticle;
    ours = { text: analysis.article?.text ?? '', title: analysis.title, sources: analysis.sources, credits: analysis.credits };
    const hiddenEls = new Set(analysis.hidden.map((h) => page.doc.querySelector(h.selector)));
    const shownText = page.doc.body ? visibleText(page.doc.body, (el) => hiddenEls.has(el)) : '';
    result.clutterSources = sourcesFromClutter({ articleText: ours.text, shownText, sources: analysis.sources, hidden: analysis.hidden }).map(({ outlet, evidence }) => ({ outlet, evidence }));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  // Body text is scored on article pages only: the extension cleans articles, and the forum/Q&A truth of
  // non-article pages describes text it rightly leaves alone (Readability's ~0.93 is measured this way too).
  if (truth && entry.isArticle === 'yes') {
    const scores = { ours: scoreBody(ours.text, truth), readability: scoreBody(readabilityText, truth) };
    if (truth.kind === 'text') result.bodyF1 = scores;
    else result.snippets = scores;
  }
  if (label) result.provenance = scoreProvenance(ours, label);
  return result;
}

function printReport(pages: PageResult[], worst: number): void {
  console.log(formatTable(summarizeGroups(pages)));
  console.log(
    '\ndet: precision/recall of isArticle vs MANIFEST (is_article other than yes/no left out). body: mean char-bigram (CJK) /' +
      ' word F1 vs ground-truth text on is_article=yes pages, ours vs Readability. snip: share of trafilatura with/without snippets right.' +
      ' src/cred: F1 pooled over labelled pages; via: over matched sources; title: exact (whitespace-insensitive).',
  );
  const impaired = pages.filter((p) => p.impaired !== null);
  if (impaired.length) {
    console.log('\nImpaired or doubtful pages (labels/README.md), included in ALL, marked * below:');
    for (const p of impaired) console.log(`  * ${p.file}: ${p.impaired}${scoreNote(p)}`);
  }
  const fromClutter = pages.filter((p) => p.clutterSources.length > 0);
  console.log(`\nSources taken from hidden teasers, sidebars, navigation, comments or ads: ${fromClutter.reduce((n, p) => n + p.clutterSources.length, 0)}`);
  for (const p of fromClutter) for (const s of p.clutterSources) console.log(`  ${p.file}: ${s.outlet} (“${s.evidence.slice(0, 40)}”)`);
  const failed = pages.filter((p) => p.error !== null);
  if (failed.length) {
    console.log('\nPages that failed to load or analyse (scored as empty predictions):');
    for (const p of failed) console.log(`  ${p.file}: ${p.error}`);
  }
  if (worst > 0) {
    console.log(`\nWorst ${worst} pages by body F1 (ours vs Readability):`);
    for (const p of worstPages(pages, worst)) console.log(`  ${p.impaired ? '*' : ' '} ${p.file}${scoreNote(p)}`);
  }
}

/** The page's body numbers and detection, for the lists under the table. */
function scoreNote(p: PageResult): string {
  const parts = [`isArticle ${p.predictedArticle ?? '—'} (expected ${p.expectedArticle})`];
  if (p.bodyF1) parts.unshift(`body F1 ${p.bodyF1.ours.toFixed(2)} vs Readability ${p.bodyF1.readability.toFixed(2)}`);
  if (p.snippets) parts.unshift(`snippets ${p.snippets.ours.toFixed(2)} vs Readability ${p.snippets.readability.toFixed(2)}`);
  return ` — ${parts.join(', ')}`;
}

async function main(): Promise<void> {
  const { json, worst, only } = parseCommandLine(process.argv.slice(2));
  const corpus = locateCorpus(resolve(import.meta.dirname, '..'));
  if (!corpus) {
    console.log('eval: skipped, no corpus at ../shared/corpus (set SOURCEMARK_CORPUS to point at one)');
    return;
  }
  const impaired = await readImpairedPages(corpus);
  const entries = (await readManifest(corpus)).filter((e) => only === null || e.file.includes(only));
  if (entries.length === 0) throw new Error(`no page of ${corpus}/MANIFEST.tsv matches --only ${only}`);
  const pages: PageResult[] = [];
  // One page at a time: jsdom documents are large and the run is short enough sequentially.
  for (const entry of entries) pages.push(await evaluatePage(corpus, entry, impaired.get(pageKey(entry.file)) ?? null));

  if (json) {
    const summary = Object.fromEntries(summarizeGroups(pages));
    console.log(JSON.stringify({ corpus, summary, worst: worstPages(pages, worst).map((p) => p.file), pages }, null, 2));
  } else {
    printReport(pages, worst);
  }
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)} (${USAGE})`);
  process.exitCode = 1;
});
