/**
 * Where `npm run smoke` opens each corpus page, and what its server answers there: the page's
 * recorded address over http (every host name resolving to the server), else its corpus path on
 * 127.0.0.1.
 */
import type { BenchPage } from './bench-pages';
import type { Route } from './server';

/**
 * The addresses to try, in order: the recorded one over http (no port, no fragment; the caller sets
 * the server's port), then the corpus path on 127.0.0.1, for a host the browser only reaches over
 * https (a preloaded HSTS host: bbc.com, msn.com …).
 */
export function pageAddresses(page: Pick<BenchPage, 'path' | 'url'>): URL[] {
  const local = new URL(`http://127.0.0.1${page.path}`);
  const recorded = page.url ? new URL(page.url) : null;
  return recorded ? [new URL(`http://${recorded.hostname}${recorded.pathname}${recorded.search}`), local] : [local];
}

/** How a request is looked up: host name, decoded path and query, as the server reads them. */
export function addressKey(host: string, path: string, search: string): string {
  return `${host}${path}${search}`;
}

/**
 * The pages' routes by address. The query is part of it: two pages of a site may share a path
 * (WeChat serves every article at /s, told apart by ?__biz=…&mid=…).
 */
export function routesByAddress(pages: Pick<BenchPage, 'path' | 'url'>[], routes: Record<string, Route>): Map<string, Route> {
  return new Map(
    pages.flatMap((page) =>
      pageAddresses(page).map((address) => [addressKey(address.hostname, decodeURIComponent(address.pathname), address.search), routes[page.path]!] as const),
    ),
  );
}
