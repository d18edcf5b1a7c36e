/**
 * `npx tsx scripts/bench-library.ts [--n 10000] [--runs 21] [--seed 1]`: library search and the
 * popup's first read over a generated library, in Node. Search is plain JS, so Node's time is close
 * to the browser's; the store runs on fake-indexeddb, which only shows that the pageUrl index keeps
 * the read proportional to one page (real Chromium numbers come from `npm run bench`).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { parseArgs } from 'node:util';
import { openAnnotationDb } from '../utils/db';
import { buildLibraryIndex, searchLibrary, type LibraryQuery } from '../utils/library-search';
import { median } from './lib/bench-stats';
import { makeLibraryFixture } from './lib/library-fixture';

const SEARCH_TARGET_MS = 50;
const POPUP_TARGET_MS = 100;

const ANY: LibraryQuery = { text: '', site: null, color: null, from: null, to: null };
const QUERIES: Array<[string, LibraryQuery]> = [
  ['CJK term', { ...ANY, text: '经济' }],
  ['two CJK terms', { ...ANY, text: '增长 人工智能' }],
  ['Latin term', { ...ANY, text: 'Climate' }],
  ['three Latin terms', { ...ANY, text: 'bank inflation friday' }],
  ['no match', { ...ANY, text: '不存在的词 nothing' }],
  ['note text', { ...ANY, text: '待核实' }],
  ['site only', { ...ANY, site: 'news.cn' }],
  ['colour only', { ...ANY, color: 'pink' }],
  ['date range', { ...ANY, from: '2024-03-01', to: '2024-03-31' }],
  ['everything', { text: '发展', site: 'thepaper.cn', color: 'yellow', from: '2024-01-01', to: '2024-12-31' }],
  ['empty (list all)', ANY],
];

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '10000' }, runs: { type: 'string', default: '21' }, seed: { type: 'string', default: '1' } },
  });
  const [n, runs, seed] = [Number(values.n), Number(values.runs), Number(values.seed)];
  const { pages, highlights } = makeLibraryFixture(n, seed);
  console.log(`${highlights.length} highlights over ${pages.length} pages (seed ${seed}), ${runs} runs each\n`);

  const builds: number[] = [];
  let index = buildLibraryIndex(pages, highlights);
  for (let i = 0; i < 5; i++) {
    const [ms, built] = await time(() => buildLibraryIndex(pages, highlights));
    builds.push(ms);
    index = built;
  }
  console.log(`buildLibraryIndex            ${median(builds).toFixed(2).padStart(8)} ms median (once per library load)`);

  const all: number[] = [];
  for (const [label, q] of QUERIES) {
    const samples: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs; i++) {
      const [ms, found] = await time(() => searchLibrary(index, q));
      samples.push(ms);
      hits = found.length;
    }
    all.push(...samples);
    console.log(`search: ${label.padEnd(21)} ${median(samples).toFixed(2).padStart(8)} ms median, ${hits} hits`);
  }
  const searchMedian = median(all);
  console.log(`search, all queries          ${searchMedian.toFixed(2).padStart(8)} ms median   target <= ${SEARCH_TARGET_MS} ms  ${searchMedian <= SEARCH_TARGET_MS ? 'ok' : 'MISSED'}\n`);

  const store = await openAnnotationDb(new IDBFactory(), 'bench');
  const [importMs] = await time(() => store.importRecords(pages, highlights));
  console.log(`importRecords (one transaction) ${importMs.toFixed(0).padStart(5)} ms, once`);
  const popup: number[] = [];
  for (let i = 0; i < runs; i++) {
    const url = pages[(i * 7919) % pages.length]!.url;
    // What the popup reads first: the page record and its highlights.
    const [ms] = await time(() => Promise.all([store.getPage(url), store.highlightsForPage(url)]));
    popup.push(ms);
  }
  const scans: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) scans.push((await time(() => store.allHighlights()))[0]);
  store.close();
  const popupMedian = median(popup);
  console.log(`popup first read (fake IDB)  ${popupMedian.toFixed(2).padStart(8)} ms median   target <= ${POPUP_TARGET_MS} ms  ${popupMedian <= POPUP_TARGET_MS ? 'ok' : 'MISSED'}`);
  console.log(`  for scale, a full scan      ${median(scans).toFixed(2).padStart(8)} ms median (what the pageUrl index avoids)`);
}

await main();
