/**
 * What a page load pays for the sentinel, the one script every page gets: the built extension
 * loaded in Chromium, each non-article page opened in fresh tabs, the sentinel timed over its whole
 * run (the browser compiling it, its own start-up, the quick check, handing back the ad slots
 * hidden early), from a script the manifest lists just before it.
 * The quick check's times in bench-run are taken in the page's main world with the code already
 * loaded; this is the cold run a reader's browser makes, once per page.
 *
 * Beside it, in a second browser and alternating tab by tab, the floor: the same extension whose
 * sentinel only reads the page's first element, which is what any content script reading the page
 * pays (the browser sets up the script's world and its first DOM objects). Nothing here asserts.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage } from 'playwright-core';
import { fetchOnlyFrom } from './bench-run';
import { median } from './bench-stats';
import { CHROME_BUILD_DIR, launchChromiumWithExtension, type ChromiumWithExtension } from './chromium';

const SENTINEL_FILE = 'sentinel.js';
/** The console line a timed script ends with: the marker, then its time in milliseconds. */
const MARK = 'sourcemark-bench-sentinel-ms ';
const TAB_TIMEOUT_MS = 15_000;

/**
 * The script listed just before the timed one, in the same world: the clock starts before the
 * browser compiles the timed script, so what its compiling costs is counted (a compile hint moves
 * work from its functions' first calls into that). A name of its own: the sentinel's top level
 * declares `var sentinel` in the same world.
 */
export const START_SCRIPT = 'var __smBenchStart = performance.now();\n';
const START_FILE = 'bench-start.js';

/** `script` as timed after {@link START_SCRIPT}, to its last statement, the time logged on the console (see {@link loggedTime}). */
export function timedScript(script: string): string {
  // The script's own first line stays first: V8 reads a compile hint there.
  return `${script}\n;console.debug(${JSON.stringify(MARK)} + (performance.now() - __smBenchStart));\n`;
}

/** Lists {@link START_SCRIPT}'s file just before the sentinel in a build's manifest. */
export function startBeforeSentinel(manifest: { content_scripts?: Array<{ js?: string[] }> }): void {
  for (const script of manifest.content_scripts ?? []) {
    const at = script.js?.indexOf(SENTINEL_FILE) ?? -1;
    if (at >= 0) script.js!.splice(at, 0, START_FILE);
  }
}

/** The floor's script: reads the document and its first element, as any script reading the page must. */
export const FLOOR_SCRIPT = 'void document.body?.firstElementChild;';

/** The time a line logged by a {@link timedScript} holds; null for any other line. */
export function loggedTime(line: string): number | null {
  const rest = line.startsWith(MARK) ? line.slice(MARK.length).trim() : '';
  // Number('') is 0: an empty rest is no time.
  const ms = rest === '' ? Number.NaN : Number(rest);
  return Number.isFinite(ms) ? ms : null;
}

/** A copy of the build at `extensionDir` whose sentinel is `script`, timed. The caller removes the directory. */
async function extensionWithSentinel(extensionDir: string, script: (built: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sourcemark-bench-sentinel-'));
  await cp(extensionDir, dir, { recursive: true });
  const built = await readFile(join(dir, SENTINEL_FILE), 'utf8');
  await writeFile(join(dir, SENTINEL_FILE), timedScript(script(built)));
  await writeFile(join(dir, START_FILE), START_SCRIPT);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Parameters<typeof startBeforeSentinel>[0];
  startBeforeSentinel(manifest);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

export interface SentinelBenchOptions {
  executablePath: string;
  /** The pages, as addresses on the bench's server. */
  pages: Array<{ name: string; href: string }>;
  /** Fresh tabs per page and side (default 5). */
  tabs?: number;
  /** Unpacked Chromium build; defaults to `.output/chrome-mv3`. */
  extensionDir?: string;
  /** The bench server's origin: nothing else is fetched (the pages' trackers and ads are refused). */
  origin: string;
}

export interface SentinelTiming {
  name: string;
  /** Median over the tabs of the sentinel's whole run. */
  ms: number;
  /** The same for the floor script, in the tabs opened alternately with the sentinel's. */
  floorMs: number;
}

export interface SentinelBench {
  tabs: number;
  pages: SentinelTiming[];
  medianMs: number;
  floorMedianMs: number;
}

/** Times the sentinel and the floor on each page; pages where either logged nothing in time are left out. */
export async function benchSentinel(options: SentinelBenchOptions): Promise<SentinelBench> {
  const tabs = options.tabs ?? 5;
  const build = options.extensionDir ?? CHROME_BUILD_DIR;
  const dirs = [await extensionWithSentinel(build, (built) => built), await extensionWithSentinel(build, () => FLOOR_SCRIPT)];
  const browsers: ChromiumWithExtension[] = [];
  try {
    for (const dir of dirs) {
      const ext = await launchChromiumWithExtension({ executablePath: options.executablePath, headless: true, extensionDir: dir });
      browsers.push(ext);
      await fetchOnlyFrom(ext.context, options.origin);
    }
    const [sentinel, floor] = browsers as [ChromiumWithExtension, ChromiumWithExtension];
    const pages: SentinelTiming[] = [];
    for (const page of options.pages) {
      const ours: number[] = [];
      const floors: number[] = [];
      // Alternating which goes first, so neither always meets the machine just after the other.
      for (let i = 0; i < tabs; i++) {
        const pair = i % 2 === 0 ? [sentinel, floor] : [floor, sentinel];
        for (const ext of pair) {
          const ms = await timeInFreshTab(ext, page.href);
          if (ms !== null) (ext === sentinel ? ours : floors).push(ms);
        }
      }
      if (ours.length > 0 && floors.length > 0) pages.push({ name: page.name, ms: median(ours), floorMs: median(floors) });
    }
    return { tabs, pages, medianMs: median(pages.map((p) => p.ms)), floorMedianMs: median(pages.map((p) => p.floorMs)) };
  } finally {
    for (const ext of browsers) await ext.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

/** Opens `href` in a fresh tab with the page's own scripts off and returns what the timed sentinel logged. */
async function timeInFreshTab(ext: ChromiumWithExtension, href: string): Promise<number | null> {
  const tab = await ext.context.newPage();
  try {
    // As in the bench's context: the saved page's scripts would change it under the sentinel.
    await (await ext.context.newCDPSession(tab)).send('Emulation.setScriptExecutionDisabled', { value: true });
    const logged = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), TAB_TIMEOUT_MS);
      tab.on('console', (message: ConsoleMessage) => {
        const ms = loggedTime(message.text());
        if (ms === null) return;
        clearTimeout(timer);
        resolve(ms);
      });
    });
    await tab.goto(href, { waitUntil: 'load', timeout: TAB_TIMEOUT_MS }).catch(() => undefined);
    return await logged;
  } finally {
    await tab.close();
  }
}
