/**
 * The anchoring section of `npm run bench`: restoring highlights on a long article, and
 * re-anchoring them after the article was edited, in real Chromium. The article is the demo page's
 * text grown in the page (nothing generated is written to disk), so it runs without the corpus.
 */
import { bundleBenchPage } from './bench-bundle';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { AnchoringBenchApi, MethodCounts } from './bench-anchoring-page';
import { median } from './bench-stats';

const ENTRY = fileURLToPath(new URL('./bench-anchoring-page.ts', import.meta.url));
const DEMO = fileURLToPath(new URL('../../demo/portal-article.html', import.meta.url));

/** The targets, printed beside the numbers. */
export const ANCHORING_TARGETS = { restoreMedianMs: 50, reanchoredShare: 0.95, wrong: 0 };

const SETUP = { articleChars: 100_000, count: 500, minLength: 8, maxLength: 160, seed: 5 };
const EDIT_SHARE = 0.05;
const EDIT_SEEDS = [11, 12, 13];

export interface AnchoringResult {
  articleChars: number;
  pageChars: number;
  highlights: number;
  restore: { runs: number; medianMs: number; placed: number; methods: MethodCounts };
  edited: { share: number; rounds: number; highlights: number; edits: number; anchored: number; wrong: number; medianMs: number; methods: MethodCounts };
}

/** Runs the section in a fresh page of `browser`; `runs` timed restores after one warm-up. */
export async function benchAnchoring(browser: Browser, runs: number): Promise<AnchoringResult> {
  const [bundle, html] = await Promise.all([bundleBenchPage(ENTRY), readFile(DEMO, 'utf8')]);
  // Page scripts off and nothing fetched: only our evaluated code runs, as in the page bench.
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(bundle);
    const setup = await call(page, 'setup', SETUP);
    const restores = [];
    for (let i = 0; i <= runs; i++) restores.push(await call(page, 'restore', undefined));
    const timed = restores.slice(1);
    const edits = [];
    for (const seed of EDIT_SEEDS) edits.push(await call(page, 'edit', { share: EDIT_SHARE, seed }));
    return {
      articleChars: setup.articleChars,
      pageChars: setup.pageChars,
      highlights: setup.made,
      restore: {
        runs,
        medianMs: median(timed.map((r) => r.ms)),
        placed: Math.min(...timed.map((r) => r.placed)),
        methods: timed[0]!.methods,
      },
      edited: {
        share: EDIT_SHARE,
        rounds: edits.length,
        highlights: setup.made * edits.length,
        edits: sum(edits.map((e) => e.edits)),
        anchored: sum(edits.map((e) => e.anchored)),
        wrong: sum(edits.map((e) => e.wrong)),
        medianMs: median(edits.map((e) => e.ms)),
        methods: mergeCounts(edits.map((e) => e.methods)),
      },
    };
  } finally {
    await context.close();
  }
}

type Api = AnchoringBenchApi;

/** Calls one method of the page API by name (page.evaluate serialises the function, not closures). */
function call<K extends keyof Api>(page: Page, name: K, arg: Parameters<Api[K]>[0]): Promise<ReturnType<Api[K]>> {
  return page.evaluate(
    ([n, a]) => {
      const api = (window as unknown as { __smAnchoringBench: Record<string, (x: unknown) => unknown> }).__smAnchoringBench;
      return api[n]!(a);
    },
    [name, arg] as const,
  ) as Promise<ReturnType<Api[K]>>;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

function mergeCounts(all: MethodCounts[]): MethodCounts {
  const merged: MethodCounts = {};
  for (const counts of all) {
    for (const [k, n] of Object.entries(counts) as Array<[keyof MethodCounts, number]>) merged[k] = (merged[k] ?? 0) + n;
  }
  return merged;
}

/** Prints the section in the style of the rest of the bench output. */
export function printAnchoring(r: AnchoringResult): void {
  const t = ANCHORING_TARGETS;
  const methods = (m: MethodCounts): string =>
    Object.entries(m)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
  const share = r.edited.anchored / r.edited.highlights;
  console.log(`Anchoring: ${r.highlights} highlights on a ${r.articleChars}-character article (${r.pageChars} on the page)`);
  console.log(`  restore (fresh index + anchorMany): median ${r.restore.medianMs.toFixed(1)} ms over ${r.restore.runs} runs (target <= ${t.restoreMedianMs} ms); ${r.restore.placed}/${r.highlights} back in place (${methods(r.restore.methods)})`);
  console.log(`  ${pct(r.edited.share)} of characters edited, ${r.edited.rounds} rounds: re-anchored ${r.edited.anchored}/${r.edited.highlights} = ${pct(share)} (target >= ${pct(t.reanchoredShare)}), on wrong text ${r.edited.wrong} (target ${t.wrong}); median ${r.edited.medianMs.toFixed(1)} ms (${methods(r.edited.methods)})`);
}
