/**
 * `npm run bench [-- --runs N] [--only <substring>] [--json]`: how long the content script's work
 * takes next to Readability's on the same pages, in the same headless Chromium, as ratios. Absolute
 * times depend on the machine, so nothing here asserts them; tests are elsewhere.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAnchoring, printAnchoring, type AnchoringResult } from './lib/bench-anchoring';
import { benchSentinel, type SentinelBench } from './lib/bench-sentinel';
import { bundleBenchPage } from './lib/bench-bundle';
import { benchUi, printUiBench } from './lib/bench-ui';
import { collectBenchPages, type BenchPage } from './lib/bench-pages';
import { COLD_TABS, ISOLATION_HEADERS, SETTLE_RUNS, benchContext, measurePage, type PageTiming } from './lib/bench-run';
import { firstLine, outcomeCounts } from './lib/bench-results';
import { median, quantile } from './lib/bench-stats';
import { CHROME_BUILD_DIR, launchChromium } from './lib/chromium';
import { benchPrerequisites } from './lib/bench-setup';
import { createStaticServer } from './lib/server';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_TIMEOUT_MS = 10_000;
const WORST_SHOWN = 5;

interface PageResult extends BenchPage {
  timing?: PageTiming;
  error?: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '7' }, only: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const ready = benchPrerequisites(values.runs);
  if (!ready) return 2;
  const { runs, executablePath } = ready;
  const site = await collectBenchPages(REPO_ROOT, values.only ?? null);
  if (!site.corpus && !values.json) console.log('Corpus not found (../shared/corpus or $SOURCEMARK_CORPUS): benching the demo page only.');
  if (site.pages.length === 0) {
    console.error(`No page matches --only ${values.only}`);
    return 2;
  }

  const bundle = await bundleBenchPage();
  const server = createStaticServer({ root: site.root, routes: site.routes, headers: ISOLATION_HEADERS });
  await server.start();
  const browser = await launchChromium(executablePath);
  const results: PageResult[] = [];
  let anchoring: AnchoringResult;
  // The popup, the library and the sentinel as loaded run in the built extension; without a build they are skipped.
  const built = existsSync(join(CHROME_BUILD_DIR, 'manifest.json'));
  let sentinel: SentinelBench | null = null;
  try {
    const context = await benchContext(browser, server.origin);
    for (const page of site.pages) {
      const options = { runs, url: page.url, withQuickCheck: page.isArticle === 'no', timeoutMs: PAGE_TIMEOUT_MS };
      const result: PageResult = await measurePage(context, server.url(page.path), bundle, options).then(
        (timing) => ({ ...page, timing }),
        (err: unknown) => ({ ...page, error: firstLine(err) }),
      );
      if (result.error && !values.json) console.log(`skipped ${page.name}: ${result.error}`);
      results.push(result);
    }
    anchoring = await benchAnchoring(browser, runs);
    const nonArticles = site.pages.filter((p) => p.isArticle === 'no').map((p) => ({ name: p.name, href: server.url(p.path) }));
    if (built && nonArticles.length > 0) sentinel = await benchSentinel({ executablePath, origin: server.origin, pages: nonArticles, tabs: COLD_TABS });
  } finally {
    await browser.close();
    await server.close();
  }

  const ui = built ? await benchUi({ executablePath }) : null;

  const summary = summarize(results, runs, sentinel);
  if (values.json) console.log(JSON.stringify({ ...summary, anchoring, ui, perPage: results }, null, 2));
  else {
    printSummary(summary);
    printAnchoring(anchoring);
    if (ui) printUiBench(ui);
    else console.log('UI (popup, library): skipped, no build in .output/chrome-mv3 (npm run build)');
  }
  return 0;
}

const CONTENT_JS = join(CHROME_BUILD_DIR, 'content-scripts', 'content.js');

/** Size of the reader page's script chunk in the build, or null when not built. */
function readerChunkBytes(): number | null {
  const chunks = join(CHROME_BUILD_DIR, 'chunks');
  if (!existsSync(chunks)) return null;
  const file = readdirSync(chunks).find((f) => f.startsWith('reader-') && f.endsWith('.js'));
  return file ? statSync(join(chunks, file)).size : null;
}

/** The numbers the bench reports, all derived from per-page medians. */
function summarize(results: PageResult[], runs: number, sentinel: SentinelBench | null) {
  const measured = results.filter((r): r is PageResult & { timing: PageTiming } => r.timing !== undefined);
  const articles = measured.filter((r) => r.isArticle === 'yes');
  const articleRatios = articles.map((r) => r.timing.ratio);
  const fullRatios = articles.map((r) => r.timing.fullRatio);
  const nonArticles = measured.filter((r) => r.timing.quick !== undefined);
  const dismissed = nonArticles.filter((r) => r.timing.quick!.dismissed);
  const fullPass = nonArticles.filter((r) => !r.timing.quick!.dismissed);
  const demo = measured.find((r) => r.name.startsWith('demo/'));
  return {
    ...outcomeCounts(results, runs),
    articles: {
      count: articleRatios.length,
      medianRatio: median(articleRatios),
      p90Ratio: quantile(articleRatios, 0.9),
      fullMedianRatio: median(fullRatios),
      fullP90Ratio: quantile(fullRatios, 0.9),
      firstMedianRatio: median(articles.map((r) => r.timing.firstRatio)),
      firstP90Ratio: quantile(articles.map((r) => r.timing.firstRatio), 0.9),
      settledMedianRatio: median(articles.map((r) => r.timing.settledRatio)),
      settledProvenanceShareMedian: median(articles.map((r) => r.timing.settledProvenanceShare)),
      // What provenance adds to the rest of the analysis, per page (issue 4's "extraction adds <= 20%").
      provenanceShareMedian: median(articles.map((r) => r.timing.provenanceShare)),
      provenanceShareP90: quantile(articles.map((r) => r.timing.provenanceShare), 0.9),
      firstProvenanceShareMedian: median(articles.map((r) => r.timing.firstProvenanceShare)),
    },
    demoRatio: demo?.timing.ratio ?? null,
    nonArticles: {
      count: nonArticles.length,
      quickCheckMedianMs: median(nonArticles.map((r) => r.timing.quick!.ms)),
      quickCheckColdMedianMs: median(nonArticles.map((r) => r.timing.quick!.coldMs)),
      dismissedByQuickCheck: dismissed.length,
      neededFullPass: fullPass.map((r) => ({ name: r.name, oursMs: r.timing.ours })),
      sentinel,
    },
    worst: [...measured]
      .sort((a, b) => b.timing.ratio - a.timing.ratio)
      .slice(0, WORST_SHOWN)
      .map((r) => ({ name: r.name, ratio: r.timing.ratio, oursMs: r.timing.ours, readabilityMs: r.timing.readability })),
    contentScriptBytes: existsSync(CONTENT_JS) ? statSync(CONTENT_JS).size : null,
    // Readability's parser method names survive minification; their absence proves it is not bundled.
    contentScriptHasReadability: existsSync(CONTENT_JS) ? readFileSync(CONTENT_JS, 'utf8').includes('_grabArticle') : null,
    readerChunkBytes: readerChunkBytes(),
  };
}

function printSummary(s: ReturnType<typeof summarize>): void {
  const x = (n: number | null): string => (n === null || Number.isNaN(n) ? 'n/a' : `${n.toFixed(2)}×`);
  const ms = (n: number): string => (Number.isNaN(n) ? 'n/a' : `${n < 1 ? n.toFixed(3) : n.toFixed(1)} ms`);
  console.log(`Pages: ${s.measured} measured of ${s.pages} (${s.runs} interleaved runs each, medians); ratio = ours / Readability`);
  for (const k of s.skipped) console.log(`  skipped ${k.name}: ${k.error}`);
  // Isolation gives the 5 µs clock; without it (a page that refused it) times are rounded to 100 µs.
  console.log(`  clock: ${s.isolated} of ${s.measured} pages cross-origin isolated, timed to 5 µs (the others to 100 µs)`);
  const a = s.articles;
  console.log(`Articles (${a.count}): detection + cleanup median ratio ${x(a.medianRatio)}, p90 ${x(a.p90Ratio)}`);
  console.log(`  with the second stage (provenance, body text): median ratio ${x(a.fullMedianRatio)}, p90 ${x(a.fullP90Ratio)}`);
  const pct = (n: number): string => `${(n * 100).toFixed(0)}%`;
  console.log(
    `  first runs only (cold code, as the content script meets each page once): median ratio ${x(a.firstMedianRatio)}, p90 ${x(a.firstP90Ratio)}; provenance adds ${pct(a.firstProvenanceShareMedian)} there`,
  );
  console.log(`  provenance adds ${pct(a.provenanceShareMedian)} (median), ${pct(a.provenanceShareP90)} (p90) to the rest of the analysis (detection, cleanup, body text)`);
  console.log(
    `  settled (${s.runs} more runs after ${SETTLE_RUNS} untimed ones, once the JIT has compiled both): median ratio ${x(a.settledMedianRatio)}; provenance adds ${pct(a.settledProvenanceShareMedian)}`,
  );
  console.log(`Demo page: ${x(s.demoRatio)}`);
  const n = s.nonArticles;
  if (n.count > 0) {
    console.log(`Non-articles (${n.count}): quickCheck median ${ms(n.quickCheckMedianMs)}; dismissed by quickCheck alone ${n.dismissedByQuickCheck}, needed the full pass ${n.neededFullPass.length}`);
    console.log(`  its first call in a fresh tab (cold code, as the sentinel script meets each page; ${COLD_TABS} tabs a page): median ${ms(n.quickCheckColdMedianMs)}`);
    for (const f of n.neededFullPass) console.log(`  full pass ${ms(f.oursMs)}  ${f.name}`);
    if (n.sentinel) {
      const { medianMs, floorMedianMs, tabs, pages } = n.sentinel;
      console.log(
        `  the sentinel as a page load runs it (built extension, ${tabs} fresh tabs a page, its whole script from before the browser compiles it to the verdict): median ${ms(medianMs)} over ${pages.length} pages; ` +
          `an empty content script reading the page's first element, alternating with it: ${ms(floorMedianMs)}`,
      );
    } else console.log('  the sentinel as loaded: skipped, no build in .output/chrome-mv3 (npm run build)');
  }
  console.log(`Worst ${s.worst.length} by ratio:`);
  for (const w of s.worst) console.log(`  ${x(w.ratio).padStart(7)}  ours ${ms(w.oursMs)}, Readability ${ms(w.readabilityMs)}  ${w.name}`);
  console.log(`Content script: ${s.contentScriptBytes === null ? 'not built' : `${s.contentScriptBytes} bytes (${CONTENT_JS})`}`);
  if (s.contentScriptBytes !== null) {
    console.log(
      `  Readability in it: ${s.contentScriptHasReadability ? 'yes' : 'no'}; the reader's own chunk (Readability + DOMPurify + view) is ${s.readerChunkBytes ?? 'n/a'} bytes, loaded only in the reader tab`,
    );
  }
}

process.exitCode = await main();
