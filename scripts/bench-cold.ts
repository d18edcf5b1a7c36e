/**
 * `npm run bench:cold [-- --runs N] [--only <substring>]`: where the first run of the analysis on
 * a page spends its time. The analysis script is fresh on every page load, so that first run is
 * the one a reader pays for. Each article is opened in N fresh tabs each way, alternately:
 * - cold: the content script's two stages run once, as on a page load;
 * - warmed: the same, after the whole analysis ran (untimed) on a parsed copy of the page.
 * The difference is code warm-up (first executions, inline caches), not the page's own cost.
 * Medians over the tabs, then over the pages; nothing is asserted.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { BenchApi } from './lib/bench-page';
import { bundleBenchPage } from './lib/bench-bundle';
import { collectBenchPages } from './lib/bench-pages';
import { CLEANUP_CSS, ISOLATION_HEADERS, benchContext } from './lib/bench-run';
import { firstLine } from './lib/bench-results';
import { benchPrerequisites } from './lib/bench-setup';
import { median } from './lib/bench-stats';
import { launchChromium } from './lib/chromium';
import { createStaticServer } from './lib/server';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_TIMEOUT_MS = 10_000;

type Run = { clean: number; provenance: number };

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } });
  const ready = benchPrerequisites(values.runs);
  if (!ready) return 2;
  const site = await collectBenchPages(REPO_ROOT, values.only ?? null);
  const articles = site.pages.filter((p) => p.isArticle === 'yes');
  if (!site.corpus) console.log('Corpus not found (../shared/corpus or $SOURCEMARK_CORPUS): the demo page only.');
  if (articles.length === 0) {
    console.error(`No article matches --only ${values.only}`);
    return 2;
  }
  const bundle = await bundleBenchPage();
  const server = createStaticServer({ root: site.root, routes: site.routes, headers: ISOLATION_HEADERS });
  await server.start();
  const browser = await launchChromium(ready.executablePath);
  const perPage: Array<{ cold: Run; warmed: Run }> = [];
  try {
    const context = await benchContext(browser, server.origin);
    const firstRun = async (path: string, url: string | null, warm: boolean): Promise<Run> => {
      const page = await context.newPage();
      try {
        await page.goto(server.url(path), { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        await page.evaluate(bundle);
        await page.evaluate((css) => (window as unknown as { __smBench: BenchApi }).__smBench.addStylesheet(css), CLEANUP_CSS);
        if (warm) await page.evaluate((u) => (window as unknown as { __smBench: BenchApi }).__smBench.warmOnCopy(u), url);
        const run = await page.evaluate((u) => (window as unknown as { __smBench: BenchApi }).__smBench.contentScript(u), url);
        return { clean: run.clean, provenance: run.provenance };
      } finally {
        await page.close();
      }
    };
    for (const p of articles) {
      const runs: Record<'cold' | 'warmed', Run[]> = { cold: [], warmed: [] };
      try {
        for (let i = 0; i < ready.runs; i++) {
          // Alternated, so both see the same drift of the machine.
          runs.cold.push(await firstRun(p.path, p.url, false));
          runs.warmed.push(await firstRun(p.path, p.url, true));
        }
      } catch (err) {
        console.log(`skipped ${p.name}: ${firstLine(err)}`);
        continue;
      }
      const med = (rs: Run[]): Run => ({ clean: median(rs.map((r) => r.clean)), provenance: median(rs.map((r) => r.provenance)) });
      perPage.push({ cold: med(runs.cold), warmed: med(runs.warmed) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const row = (label: string, pick: (r: { cold: Run; warmed: Run }) => Run): void => {
    const clean = median(perPage.map((r) => pick(r).clean));
    const provenance = median(perPage.map((r) => pick(r).provenance));
    const share = median(perPage.map((r) => pick(r).provenance / pick(r).clean));
    console.log(`  ${label.padEnd(34)} detection + cleanup ${ms(clean).padStart(9)}, provenance ${ms(provenance).padStart(8)}; provenance / detection + cleanup ${(share * 100).toFixed(0)}%`);
  };
  console.log(`First run of the analysis on ${perPage.length} articles (${ready.runs} fresh tabs each way, medians per page, then over pages):`);
  row('cold, as on a page load', (r) => r.cold);
  row('code warmed on a copy of the page', (r) => r.warmed);
  return 0;
}

process.exitCode = await main();
