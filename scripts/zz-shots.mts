// scratch (never committed): screenshots of cleaned corpus pages
import { collectBenchPages } from './lib/bench-pages';
import { disablePageScripts, findChromium, launchChromiumWithExtension } from './lib/chromium';
import { createStaticServer } from './lib/server';
import { addressKey, pageAddresses, routesByAddress } from './lib/smoke-addresses';
import { ROOT_ATTR } from '../utils/cleanup-style';
const root = new URL('..', import.meta.url).pathname;
const site = await collectBenchPages(root, process.env.ONLY ?? null);
const byAddress = routesByAddress(site.pages, site.routes);
const server = createStaticServer({ root: site.root, route: (host, path, search) => byAddress.get(addressKey(host, path, search)) });
const { port } = new URL(await server.start());
const ext = await launchChromiumWithExtension({ executablePath: findChromium()!, headless: true, args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
const out = process.env.OUT ?? '/tmp/zz/shots';
(await import('node:fs')).mkdirSync(out, { recursive: true });
for (const p of site.pages.filter((p) => p.isArticle === 'yes')) {
  const a = pageAddresses(p)[0]!; a.port = port;
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  try {
    await disablePageScripts(ext.context, page);
    await page.goto(a.href, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(`html[${ROOT_ATTR}]`, { state: 'attached', timeout: 15000 }).catch(() => undefined);
    await page.waitForSelector('sourcemark-provenance', { state: 'attached', timeout: 3000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const name = p.name.replace(/[\/]/g, '__').slice(0, 80);
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: `${out}/${name}-top.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(h, 1700) }, timeout: 20000 }).catch((e) => console.error('shot', p.name, String(e).slice(0, 80)));
    if (h > 1700) await page.screenshot({ path: `${out}/${name}-end.png`, fullPage: true, clip: { x: 0, y: Math.max(1700, h - 1700), width: 1280, height: Math.min(1700, h - 1700) }, timeout: 20000 }).catch((e) => console.error('shot', p.name, String(e).slice(0, 80)));
    console.log('h', h, p.name);
    console.log('ok', p.name);
  } catch (e) { console.error('fail', p.name, String(e).slice(0, 100)); } finally { await page.close(); }
}
await ext.close(); await server.close();
