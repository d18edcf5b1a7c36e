/**
 * `npm run bench:firefox [-- --runs N] [--only <substring>] [--json]`: what the content script's
 * work costs a Firefox reader, next to Readability's, on the article pages `npm run bench` measures.
 * A Firefox content script reads the page through Xray wrappers, and each DOM read through one
 * costs several times what it does in the page's own realm; so each page is timed twice, side by
 * side in one tab: in the page's realm (as `npm run bench` times Chromium) and in a WebDriver BiDi
 * sandbox, which sees the page through Xrays as a content script does. Nothing is asserted.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Frame } from 'puppeteer-core';
import { bundleBenchPage } from './lib/bench-bundle';
import type { BenchApi } from './lib/bench-page';
import { collectBenchPages } from './lib/bench-pages';
import { CLEANUP_CSS, ISOLATION_HEADERS, limit } from './lib/bench-run';
import { firstLine, outcomeCounts } from './lib/bench-results';
import { benchPrerequisites } from './lib/bench-setup';
import { median, quantile } from './lib/bench-stats';
import { firefoxPath, launchFirefox } from './lib/firefox';
import { createStaticServer } from './lib/server';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_TIMEOUT_MS = 20_000;
const WORST_SHOWN = 5;
// Page scripts off (BiDi still evaluates in both realms), and every host name resolved to this
// machine, where a saved page's trackers and CDNs find nothing at once.
const PREFS = { 'javascript.enabled': false, 'network.dns.forceResolve': '127.0.0.1' };
const REALMS = ['page', 'sandbox'] as const;
type RealmName = (typeof REALMS)[number];
type OurRun = ReturnType<BenchApi['contentScript']>;

/** One page's medians in milliseconds, per realm. */
interface Timing {
  /** Detection + cleanup, then both stages (plus provenance and the body's text). */
  ours: Record<RealmName, { clean: number; full: number }>;
  readability: Record<RealmName, number>;
  /** Each realm's first, untimed run of each: cold code, as a page load meets it. */
  firstRatio: Record<RealmName, number>;
  isolated: boolean;
}

interface PageResult {
  name: string;
  timing?: Timing;
  error?: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, only: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const firefox = firefoxPath();
  const ready = benchPrerequisites(values.runs, { executablePath: existsSync(firefox) ? firefox : null, missing: `No Firefox at ${firefox}; set FIREFOX_PATH.` });
  if (!ready) return 2;
  const { runs, executablePath } = ready;
  const site = await collectBenchPages(REPO_ROOT, values.only ?? null);
  if (!site.corpus && !values.json) console.log('Corpus not found (../shared/corpus or $SOURCEMARK_CORPUS): benching the demo page only.');
  const pages = site.pages.filter((p) => p.isArticle === 'yes');
  if (pages.length === 0) {
    console.error(`No article page matches --only ${values.only}`);
    return 2;
  }
  const bundle = await bundleBenchPage();
  const server = createStaticServer({ root: site.root, routes: site.routes, headers: ISOLATION_HEADERS });
  await server.start();
  const browser = await launchFirefox({ headless: true, executablePath, prefs: PREFS });
  const results: PageResult[] = [];
  try {
    for (const page of pages) {
      const tab = await browser.newPage();
      const step = <T>(work: Promise<T>): Promise<T> => limit(work, PAGE_TIMEOUT_MS, tab);
      try {
        await step(tab.goto(server.url(page.path), { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS }));
        results.push({ name: page.name, timing: await measure(tab.mainFrame(), bundle, page.url, runs, step) });
      } catch (err) {
        const error = firstLine(err);
        if (!values.json) console.log(`skipped ${page.name}: ${error}`);
        results.push({ name: page.name, error });
      } finally {
        await limit(tab.close(), PAGE_TIMEOUT_MS, null).catch(() => undefined);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const summary = summarize(results, runs);
  if (values.json) console.log(JSON.stringify({ ...summary, perPage: results }, null, 2));
  else printSummary(summary);
  return 0;
}

type Evaluator = Pick<Frame, 'evaluate'>;

/**
 * A WebDriver BiDi sandbox in the frame: its own globals, the page's window and DOM seen through
 * Xrays, as a content script sees them. Puppeteer keeps one for its own queries and marks it
 * internal; its public API offers no other.
 */
function sandboxOf(frame: Frame): Evaluator {
  return (frame as unknown as { isolatedRealm(): Evaluator }).isolatedRealm();
}

/** Times our work and Readability's in both realms of one loaded page, runs interleaved. */
async function measure(frame: Frame, bundle: string, url: string | null, runs: number, step: <T>(work: Promise<T>) => Promise<T>): Promise<Timing> {
  const realms: Record<RealmName, Evaluator> = { page: frame, sandbox: sandboxOf(frame) };
  // Each realm gets its own window.__smBench: a sandbox's expandos on the page's window are its own.
  for (const name of REALMS) await step(realms[name].evaluate(bundle));
  await step(realms.page.evaluate((css) => (window as unknown as { __smBench: BenchApi }).__smBench.addStylesheet(css), CLEANUP_CSS));
  const ours = (name: RealmName): Promise<OurRun> =>
    step(realms[name].evaluate((u) => (window as unknown as { __smBench: BenchApi }).__smBench.contentScript(u), url));
  const theirs = (name: RealmName): Promise<number> => step(realms[name].evaluate(() => (window as unknown as { __smBench: BenchApi }).__smBench.readability()));
  const full = (r: OurRun): number => r.clean + r.provenance + r.bodyText;

  const firstRatio = {} as Record<RealmName, number>;
  for (const name of REALMS) firstRatio[name] = (await ours(name)).clean / (await theirs(name));
  const timed = { ours: { page: [] as OurRun[], sandbox: [] as OurRun[] }, theirs: { page: [] as number[], sandbox: [] as number[] } };
  for (let i = 0; i < runs; i++) {
    for (const name of REALMS) timed.ours[name].push(await ours(name));
    for (const name of REALMS) timed.theirs[name].push(await theirs(name));
  }
  const per = <T>(pick: (name: RealmName) => T): Record<RealmName, T> => ({ page: pick('page'), sandbox: pick('sandbox') });
  return {
    ours: per((name) => ({ clean: median(timed.ours[name].map((r) => r.clean)), full: median(timed.ours[name].map(full)) })),
    readability: per((name) => median(timed.theirs[name])),
    firstRatio,
    isolated: await step(realms.page.evaluate(() => crossOriginIsolated)),
  };
}

/** The ratios reported, all from per-page medians. */
function summarize(results: PageResult[], runs: number) {
  const measured = results.filter((r): r is PageResult & { timing: Timing } => r.timing !== undefined);
  const ratios = (pick: (t: Timing) => number) => {
    const xs = measured.map((r) => pick(r.timing));
    return { median: median(xs), p90: quantile(xs, 0.9) };
  };
  const realm = (name: RealmName) => ({
    cleanRatio: ratios((t) => t.ours[name].clean / t.readability[name]),
    fullRatio: ratios((t) => t.ours[name].full / t.readability[name]),
    firstRatio: ratios((t) => t.firstRatio[name]),
  });
  return {
    ...outcomeCounts(results, runs),
    page: realm('page'),
    sandbox: realm('sandbox'),
    // What reading the page through Xrays costs each, sandbox time over page-realm time.
    xrayCost: {
      oursClean: ratios((t) => t.ours.sandbox.clean / t.ours.page.clean),
      oursFull: ratios((t) => t.ours.sandbox.full / t.ours.page.full),
      readability: ratios((t) => t.readability.sandbox / t.readability.page),
    },
    worst: [...measured]
      .sort((a, b) => b.timing.ours.sandbox.clean / b.timing.readability.sandbox - a.timing.ours.sandbox.clean / a.timing.readability.sandbox)
      .slice(0, WORST_SHOWN)
      .map((r) => ({ name: r.name, oursMs: r.timing.ours.sandbox.clean, readabilityMs: r.timing.readability.sandbox })),
  };
}

function printSummary(s: ReturnType<typeof summarize>): void {
  const x = (n: number): string => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(2)}×`);
  const mp = (r: { median: number; p90: number }): string => `median ${x(r.median)}, p90 ${x(r.p90)}`;
  console.log(`Firefox, article pages: ${s.measured} measured of ${s.pages} (${s.runs} interleaved runs each, medians); ratio = ours / Readability`);
  for (const k of s.skipped) console.log(`  skipped ${k.name}: ${k.error}`);
  console.log(`  clock: ${s.isolated} of ${s.measured} pages cross-origin isolated (the others' clock is coarser)`);
  const realms: Array<[RealmName, string]> = [
    ['sandbox', 'as a content script (a sandbox reading the page through Xrays)'],
    ['page', "in the page's own realm (as npm run bench times Chromium)"],
  ];
  for (const [name, what] of realms) {
    const r = s[name];
    console.log(`${what}:`);
    console.log(`  detection + cleanup ${mp(r.cleanRatio)}; with the second stage (provenance, body text) ${mp(r.fullRatio)}; first runs (cold code) ${mp(r.firstRatio)}`);
  }
  const c = s.xrayCost;
  console.log(`Reading through Xrays, sandbox time / page-realm time: ours ${mp(c.oursClean)} (both stages ${mp(c.oursFull)}), Readability ${mp(c.readability)}`);
  console.log(`Worst ${s.worst.length} by ratio in the sandbox:`);
  for (const w of s.worst) console.log(`  ${x(w.oursMs / w.readabilityMs).padStart(7)}  ours ${w.oursMs.toFixed(1)} ms, Readability ${w.readabilityMs.toFixed(1)} ms  ${w.name}`);
}

process.exitCode = await main();
