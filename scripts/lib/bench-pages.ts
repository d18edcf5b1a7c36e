/**
 * The pages `npm run bench` measures and how they are served: the demo page always, plus every
 * corpus page when the corpus is present.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeHtml } from '../../utils/charset';
import { locateCorpus, readManifest } from './corpus';
import type { Route } from './server';

/** One page to measure. */
export interface BenchPage {
  /** Shown in reports: the corpus path, or `demo/portal-article.html`. */
  name: string;
  /** URL path on the bench server. */
  path: string;
  /** MANIFEST's is_article ('yes' | 'no' | other); the demo page is an article. */
  isArticle: string;
  /** The page's original URL when the corpus recorded one (MARKERS.tsv), else null. */
  url: string | null;
}

/** The pages plus what the static server needs to serve them. */
export interface BenchSite {
  pages: BenchPage[];
  /** The corpus directory, or null when it is absent (then only the demo page is measured). */
  corpus: string | null;
  /** Static root: the corpus, so pages' relative assets resolve; the demo dir without one. */
  root: string;
  /** Every page's HTML, decoded in Node and served as UTF-8. */
  routes: Record<string, Route>;
}

const DEMO = 'demo/portal-article.html';
// Outside any corpus folder name, so it can never shadow a corpus file.
const DEMO_PATH = '/__sourcemark-demo/portal-article.html';

/**
 * Collects the pages whose name contains `only` (all when null). Pages are decoded with the same
 * charset logic as eval and served with `charset=utf-8`: the header outranks a page's stale
 * `<meta charset=gb2312>`, so GBK pages and re-saved UTF-8 pages both read right.
 */
export async function collectBenchPages(repoRoot: string, only: string | null): Promise<BenchSite> {
  const corpus = locateCorpus(repoRoot);
  const wanted = (name: string): boolean => only === null || name.includes(only);
  const sources: Array<BenchPage & { file: string }> = [{ name: DEMO, path: DEMO_PATH, isArticle: 'yes', url: null, file: join(repoRoot, DEMO) }];
  if (corpus) {
    for (const entry of await readManifest(corpus)) {
      sources.push({ name: entry.file, path: `/${entry.file}`, isArticle: entry.isArticle, url: entry.url, file: join(corpus, entry.file) });
    }
  }
  const selected = sources.filter((s) => wanted(s.name));
  const routes: Record<string, Route> = {};
  for (const s of selected) {
    routes[s.path] = { body: decodeHtml(new Uint8Array(await readFile(s.file))).text, contentType: 'text/html; charset=utf-8' };
  }
  return {
    pages: selected.map(({ file: _file, ...page }) => page),
    corpus,
    root: corpus ?? join(repoRoot, 'demo'),
    routes,
  };
}
