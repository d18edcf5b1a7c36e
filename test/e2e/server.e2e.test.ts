/**
 * The static server the e2e tests, `npm start` and benchmarks serve pages with: content types
 * (including GBK pages served without a charset), extra routes (by path, or by host and path), and
 * no way out of its root.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaticServer, type StaticServer } from '../../scripts/lib/server';

// "新闻" in GBK: bytes a browser must decode from the page's own <meta charset>.
const GBK_PAGE = Buffer.concat([
  Buffer.from('<meta charset="gbk"><title>'),
  Buffer.from([0xd0, 0xc2, 0xce, 0xc5]),
  Buffer.from('</title>'),
]);

describe('static server', () => {
  let dir: string;
  let server: StaticServer | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sourcemark-server-'));
    await writeFile(join(dir, 'page.html'), '<p>页</p>');
    await writeFile(join(dir, 'gbk.html'), GBK_PAGE);
    await writeFile(join(dir, 'app.js'), 'void 0');
  });

  afterEach(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function get(path: string): Promise<{ status: number; type: string | null; body: Buffer }> {
    const res = await fetch(server!.url(path));
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  }

  it('serves files from 127.0.0.1 with their content types, html as utf-8 by default', async () => {
    server = createStaticServer({ root: dir });
    expect(await server.start()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await get('/page.html');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body.toString('utf8')).toBe('<p>页</p>');
    expect((await get('/app.js')).type).toBe('text/javascript; charset=utf-8');
  });

  it('adds the headers it is given to every response, a 404 included, and none by default', async () => {
    const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    server = createStaticServer({ root: dir, headers: isolation });
    await server.start();
    for (const path of ['/page.html', '/missing.html']) {
      const res = await fetch(server.url(path));
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
    await server.close();

    server = createStaticServer({ root: dir });
    await server.start();
    expect((await fetch(server.url('/page.html'))).headers.get('cross-origin-embedder-policy')).toBeNull();
  });

  it('serves html bytes untouched with no charset, or the one asked for', async () => {
    server = createStaticServer({ root: dir, htmlCharset: null });
    await server.start();
    const bare = await get('/gbk.html');
    expect(bare.type).toBe('text/html');
    expect(bare.body.equals(GBK_PAGE)).toBe(true);
    await server.close();

    server = createStaticServer({ root: dir, htmlCharset: 'gbk' });
    await server.start();
    expect((await get('/gbk.html')).type).toBe('text/html; charset=gbk');
  });

  it('answers extra routes before files, 404s unknown paths and refuses to leave its root', async () => {
    server = createStaticServer({ root: dir, routes: { '/page.html': { body: 'route', contentType: 'text/plain' } } });
    await server.start();
    expect((await get('/page.html')).body.toString()).toBe('route');
    expect((await get('/missing.html')).status).toBe(404);
    // %2f keeps the URL parser from folding the "..", so the server itself must catch it.
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(403);
  });

  it('answers by the host name a request was sent to and its query, before routes by path', async () => {
    const routeFor = (host: string, path: string, search: string) =>
      host === 'news.example.com' && path === '/a/1.html' ? { body: `by host, query ${search || 'none'}`, contentType: 'text/plain' } : undefined;
    server = createStaticServer({ root: dir, routes: { '/a/1.html': { body: 'by path', contentType: 'text/plain' } }, route: routeFor });
    await server.start();
    // A browser whose every host name resolves to 127.0.0.1 sends the site's name in Host.
    const viaHost = (host: string, query = ''): Promise<string> =>
      new Promise((resolve, reject) => {
        const { port } = new URL(server!.origin);
        request({ host: '127.0.0.1', port, path: `/a/1.html${query}`, headers: { host: `${host}:${port}` } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
        })
          .on('error', reject)
          .end();
      });
    expect(await viaHost('news.example.com')).toBe('by host, query none');
    // Two pages of one site may share a path and differ by query (WeChat's /s?__biz=…).
    expect(await viaHost('news.example.com', '?id=2')).toBe('by host, query ?id=2');
    expect(await viaHost('other.example.com')).toBe('by path');
  });

  it('frees its port on close', async () => {
    server = createStaticServer({ root: dir });
    const origin = await server.start();
    await server.close();
    await expect(fetch(`${origin}/page.html`)).rejects.toThrow();
  });
});
