/**
 * `npm run bench:compare -- --base <checkout> [--runs N] [--only <substring>]`: this checkout's
 * content-script work against another checkout's (say `git worktree add ../base main`, with a
 * node_modules there or a symlink to this one's) on the same article pages, in the same tab, runs
 * interleaved. Both see the same machine load, so "did this change make it faster" gets an answer
 * on a busy machine, where bench's ratios against Readability drift with the load.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { bundleBenchPage } from './lib/bench-bundle';
import type { BenchApi } from './lib/bench-page';
import { collectBenchPages } from './lib/bench-pages';
import { CLEANUP_CSS, ISOLATION_HEADERS, benchContext } from './lib/bench-run';
import { median, quantile } from './lib/bench-stats';
import { launchChromium } from './lib/chromium';
import { firstLine } from './lib/bench-results';
import { benchPrerequisites } from './lib/bench-setup';
import { createStaticServer } from './lib/server';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_PAGE = 'scripts/lib/bench-page.ts';
const STAGES = ['clean', 'provenance', 'bodyText'] as const;
type Stage = (typeof STAGES)[number];
type Run = Record<Stage, number>;
// Each bundle installs window.__smBench; it is moved aside under one of these names.
const SIDES = { base: '__smBase', ours: '__smOurs' } as const;

/** Per page, side and stage: the median run, and the fastest (the run least disturbed by the machine). */
interface PageTimes {
  name: string;
  median: Record<keyof typeof SIDES, Run>;
  minimum: Record<keyof typeof SIDES, Run>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, runs: { type: 'string', default: '9' }, only: { type: 'string' } } });
  const base = values.base ? resolve(values.base) : null;
  if (!base || !existsSync(join(base, BENCH_PAGE))) {
    console.error(`--base wants another checkout of Sourcemark (one with ${BENCH_PAGE}), got ${values.base ?? 'nothing'}`);
    return 2;
  }
  const ready = benchPrerequisites(values.runs);
  if (!ready) return 2;
  const { runs, executablePath } = ready;
  const site = await collectBenchPages(REPO_ROOT, values.only ?? null);
  const pages = site.pages.filter((p) => p.isArticle === 'yes');
  const bundles = { base: await bundleBenchPage(join(base, BENCH_PAGE)), ours: await bundleBenchPage() };
  const server = createStaticServer({ root: site.root, routes: site.routes, headers: ISOLATION_HEADERS });
  await server.start();
  const browser = await launchChromium(executablePath);
  const results: PageTimes[] = [];
  try {
    const context = await benchContext(browser, server.origin);
    for (const page of pages) {
      const tab = await context.newPage();
      try {
        await tab.goto(server.url(page.path), { waitUntil: 'load', timeout: 15_000 });
        results.push({ name: page.name, ...(await compareIn(tab, bundles, page.url, runs)) });
      } catch (err) {
        console.log(`skipped ${page.name}: ${firstLine(err)}`);
      } finally {
        await tab.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  print(results, base, runs);
  return 0;
}

async function compareIn(tab: Page, bundles: Record<keyof typeof SIDES, string>, url: string | null, runs: number): Promise<Omit<PageTimes, 'name'>> {
  for (const side of ['base', 'ours'] as const) {
    await tab.evaluate(bundles[side]);
    await tab.evaluate((name) => {
      const w = window as unknown as Record<string, unknown>;
      w[name] = w.__smBench;
    }, SIDES[side]);
  }
  await tab.evaluate((css) => (window as unknown as { __smOurs: BenchApi }).__smOurs.addStylesheet(css), CLEANUP_CSS);
  const run = (side: keyof typeof SIDES): Promise<Run> =>
    tab.evaluate(([name, u]) => (window as unknown as Record<string, BenchApi>)[name]!.contentScript(u), [SIDES[side], url] as const);
  // One untimed run each for the JIT; then the order alternates so neither side always goes first.
  await run('base');
  await run('ours');
  const timed: Record<keyof typeof SIDES, Run[]> = { base: [], ours: [] };
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 ? (['ours', 'base'] as const) : (['base', 'ours'] as const)) timed[side].push(await run(side));
  }
  const per = (side: keyof typeof SIDES, pick: (xs: number[]) => number): Run =>
    Object.fromEntries(STAGES.map((s) => [s, pick(timed[side].map((r) => r[s]))])) as Run;
  const fastest = (xs: number[]) => Math.min(...xs);
  return { median: { base: per('base', median), ours: per('ours', median) }, minimum: { base: per('base', fastest), ours: per('ours', fastest) } };
}

function print(results: PageTimes[], base: string, runs: number): void {
  console.log(`${results.length} article pages, ${runs} interleaved runs each; ratio = this checkout / ${base} (below 1: faster)`);
  const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(3)}×` : 'n/a (below the 0.1 ms clock)');
  const sum = (times: Array<Record<keyof typeof SIDES, Run>>, side: keyof typeof SIDES, stage: Stage) => times.reduce((s, t) => s + t[side][stage], 0);
  const total = (times: Array<Record<keyof typeof SIDES, Run>>, stage: Stage) => sum(times, 'ours', stage) / sum(times, 'base', stage);
  for (const stage of STAGES) {
    // A stage below the clock's resolution (0.1 ms) on a page has no ratio there; the totals still count it.
    const ratios = results.filter((r) => r.median.base[stage] > 0).map((r) => r.median.ours[stage] / r.median.base[stage]);
    console.log(
      `  ${stage.padEnd(10)} per page: median ${x(median(ratios))}, p10 ${x(quantile(ratios, 0.1))}, p90 ${x(quantile(ratios, 0.9))}; ` +
        `all pages' medians summed ${x(total(results.map((r) => r.median), stage))} ` +
        `(${sum(results.map((r) => r.median), 'ours', stage).toFixed(1)} / ${sum(results.map((r) => r.median), 'base', stage).toFixed(1)} ms), ` +
        `fastest runs summed ${x(total(results.map((r) => r.minimum), stage))}`,
    );
  }
}

process.exitCode = await main();
