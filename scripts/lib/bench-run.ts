/**
 * Measuring one page in the browser: our content script's work against Readability's, run side by
 * side in the same page so both see the same machine load.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchApi } from './bench-page';
import { median } from './bench-stats';

/** Per-page medians in milliseconds. */
export interface PageTiming {
  /** Detection + cleanup: the content script's first stage, after which the page is clean. */
  ours: number;
  /** The second stage, run after the page is clean: provenance (source chain, credits) ... */
  provenance: number;
  /** ... and the body's text. */
  bodyText: number;
  readability: number;
  /** ours / readability. */
  ratio: number;
  /** Both stages / readability. */
  fullRatio: number;
  /**
   * ours / readability on the untimed first run of each: cold code, as the content script meets
   * a page (it analyses each page once). The timed runs after it measure code the JIT is still
   * compiling (see settledRatio).
   */
  firstRatio: number;
  /** What provenance adds to the rest of the analysis (detection, cleanup, body text) in the timed runs. */
  provenanceShare: number;
  /** The same on the first run: cold code, as each page meets it (the analysis script is fresh on every page load). */
  firstProvenanceShare: number;
  /**
   * ours / readability again after SETTLE_RUNS more untimed runs of each: once the JIT has
   * compiled both. The timed runs above come after one warm-up, while it is still at work (our
   * code, spread over more functions than Readability's, keeps getting faster for some 15 runs).
   */
  settledRatio: number;
  /** What provenance adds to the rest of the analysis in those settled runs. */
  settledProvenanceShare: number;
  /** Whether the page was cross-origin isolated, so timed with the fine clock (see ISOLATION_HEADERS). */
  isolated: boolean;
  /**
   * Only measured for non-article pages: per-call quickCheck time once warm, its verdict, and its
   * first call in a fresh tab (`coldMs`, median of COLD_TABS tabs: cold code, as the sentinel meets each page once).
   */
  quick?: { ms: number; coldMs: number; dismissed: boolean };
}

/** Options for {@link measurePage}. */
export interface MeasureOptions {
  /** Interleaved runs of each contender after one warm-up run. */
  runs: number;
  /** Whether to also time quickCheck (done for non-article pages). */
  withQuickCheck: boolean;
  /** The page's recorded URL, handed to our code as the content script would know it. */
  url: string | null;
  /** Limit for loading the page and for any single run; beyond it the page is skipped. */
  timeoutMs: number;
}

/**
 * A browser context for measuring saved pages: their own scripts off (they would mutate the DOM
 * mid-measurement; page.evaluate still runs), and nothing fetched but from `origin` (pages
 * reference trackers, CDNs and ads: keep them off the network and off the clock).
 */
export async function benchContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await fetchOnlyFrom(context, origin);
  return context;
}

/** Refuses every request of `context` but those to `origin`'s host: the saved pages' trackers, CDNs and ads. */
export async function fetchOnlyFrom(context: BrowserContext, origin: string): Promise<void> {
  const local = new URL(origin).hostname;
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === local ? route.continue() : route.abort()));
}

/**
 * Headers every bench page is served with. A cross-origin-isolated page reads performance.now()
 * to 5 µs instead of 100 µs: provenance takes about a millisecond a page, so the coarse clock
 * alone moved each of its runs by up to a tenth. The pages' cross-origin resources are refused
 * anyway (see benchContext), so isolation takes nothing from them.
 */
export const ISOLATION_HEADERS: Record<string, string> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** The stylesheet the manifest injects into every page before it loads (so outside the timed work). */
export const CLEANUP_CSS = readFileSync(new URL('../../entrypoints/cleanup.content.css', import.meta.url), 'utf8');

/** Untimed runs of each after the timed ones, before timing them again settled (see settledRatio). */
export const SETTLE_RUNS = 15;

// One quickCheck is below performance.now()'s coarsened resolution (~0.1 ms), so it runs in a loop.
const QUICK_LOOPS = 20;

/** Loads `url` in a fresh tab and measures it. Throws (after closing the tab) on errors and timeouts. */
export async function measurePage(context: BrowserContext, href: string, bundle: string, options: MeasureOptions): Promise<PageTiming> {
  const timing = await inFreshTab(context, options, (page) => measureIn(page, href, bundle, options));
  if (timing.quick) {
    const firsts: number[] = [];
    for (let i = 0; i < COLD_TABS; i++) firsts.push(await inFreshTab(context, options, (page) => firstQuickCheck(page, href, bundle, options)));
    timing.quick.coldMs = median(firsts);
  }
  return timing;
}

/** Fresh tabs a non-article page is opened in for its cold quick check: one cold call each, and their median. */
export const COLD_TABS = 5;

async function inFreshTab<T>(context: BrowserContext, options: MeasureOptions, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    return await work(page);
  } finally {
    // A page stuck in a long synchronous run may not close promptly; don't let it stall the bench.
    await limit(page.close(), options.timeoutMs, null).catch(() => undefined);
  }
}

/** The quick check's first call in a fresh tab, before anything else runs there: its code as cold as in the sentinel. */
async function firstQuickCheck(page: Page, href: string, bundle: string, options: MeasureOptions): Promise<number> {
  const step = <T>(work: Promise<T>): Promise<T> => limit(work, options.timeoutMs, page);
  await step(page.goto(href, { waitUntil: 'load', timeout: options.timeoutMs }));
  await step(page.evaluate(bundle));
  const first = await step(page.evaluate((u) => (window as unknown as { __smBench: BenchApi }).__smBench.quickCheck(u, 1), options.url));
  return first.ms;
}

async function measureIn(page: Page, href: string, bundle: string, options: MeasureOptions): Promise<PageTiming> {
  const { url } = options;
  const step = <T>(work: Promise<T>): Promise<T> => limit(work, options.timeoutMs, page);
  await step(page.goto(href, { waitUntil: 'load', timeout: options.timeoutMs }));
  await step(page.evaluate(bundle));
  await step(page.evaluate((css) => (window as unknown as { __smBench: BenchApi }).__smBench.addStylesheet(css), CLEANUP_CSS));
  // Evaluated functions are serialized into the page, so each one reaches __smBench on its own.
  type OurRun = { clean: number; provenance: number; bodyText: number };
  const ourRun = (): Promise<OurRun> =>
    step(page.evaluate((u) => (window as unknown as { __smBench: BenchApi }).__smBench.contentScript(u), url));
  const theirRun = (): Promise<number> => step(page.evaluate(() => (window as unknown as { __smBench: BenchApi }).__smBench.readability()));

  // One warm-up run compiles both to bytecode; interleaving spreads drift over both equally.
  const firstOurs = await ourRun();
  const firstTheirs = await theirRun();
  const timedRuns = async (): Promise<{ ours: OurRun[]; theirs: number[] }> => {
    const ours: OurRun[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      ours.push(await ourRun());
      theirs.push(await theirRun());
    }
    return { ours, theirs };
  };
  const { ours, theirs } = await timedRuns();
  for (let i = 0; i < SETTLE_RUNS; i++) {
    await ourRun();
    await theirRun();
  }
  const settled = await timedRuns();
  const settledClean = median(settled.ours.map((o) => o.clean));
  const clean = median(ours.map((o) => o.clean));
  const readability = median(theirs);
  const share = (runs: OurRun[], cleanMedian: number): number =>
    median(runs.map((o) => o.provenance)) / (cleanMedian + median(runs.map((o) => o.bodyText)));
  const timing: PageTiming = {
    ours: clean,
    provenance: median(ours.map((o) => o.provenance)),
    bodyText: median(ours.map((o) => o.bodyText)),
    readability,
    ratio: clean / readability,
    fullRatio: median(ours.map((o) => o.clean + o.provenance + o.bodyText)) / readability,
    firstRatio: firstOurs.clean / firstTheirs,
    provenanceShare: share(ours, clean),
    firstProvenanceShare: firstOurs.provenance / (firstOurs.clean + firstOurs.bodyText),
    settledRatio: settledClean / median(settled.theirs),
    settledProvenanceShare: share(settled.ours, settledClean),
    isolated: await step(page.evaluate(() => crossOriginIsolated)),
  };
  if (options.withQuickCheck) {
    const quicks: Array<{ ms: number; passed: boolean }> = [];
    for (let i = 0; i <= options.runs; i++) {
      quicks.push(
        await step(page.evaluate(([u, loops]) => (window as unknown as { __smBench: BenchApi }).__smBench.quickCheck(u, loops), [url, QUICK_LOOPS] as const)),
      );
    }
    // The first loop is the warm-up.
    // coldMs is measured in tabs of its own (see measurePage).
    timing.quick = { ms: median(quicks.slice(1).map((q) => q.ms)), coldMs: Number.NaN, dismissed: !quicks[0]!.passed };
  }
  return timing;
}

/** Rejects when `work` outlives `ms`; the tab, if given, is closed so its runaway script stops. */
export async function limit<T>(work: Promise<T>, ms: number, page: { close(): Promise<unknown> } | null): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page?.close().catch(() => undefined);
      reject(new Error(`took over ${ms / 1000} s`));
    }, ms);
  });
  // The abandoned work rejects later when its tab closes; nobody awaits it any more.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
