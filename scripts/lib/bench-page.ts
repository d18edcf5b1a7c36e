/**
 * The browser side of `npm run bench`: bundled by {@link bundleBenchPage} into an IIFE and evaluated
 * in the page, it exposes the work being compared on `window.__smBench`. Each function times itself
 * so a Playwright round trip never counts. They take the page's recorded URL rather than reading
 * `location` (a 127.0.0.1 address that says nothing about the page), exactly as eval does.
 */
import { Readability } from '@mozilla/readability';
import { analyzePage } from '../../utils/analyze';
import { Cleanup } from '../../utils/cleanup';
import { quickCheck } from '../../utils/detect';

/** What `window.__smBench` offers; every time is in milliseconds of `performance.now()`. */
export interface BenchApi {
  /** The content script's work on the live document for the page's real `url`: analyse, mark, activate. Undone afterwards. */
  contentScript(url: string | null): number;
  /** Readability on a clone of the document, as a reader-mode extension would run it. */
  readability(): number;
  /** `quickCheck` repeated `loops` times (one call is below the clock's resolution); per-call time. */
  quickCheck(url: string | null, loops: number): { ms: number; passed: boolean };
}

const api: BenchApi = {
  contentScript(url) {
    const start = performance.now();
    const page = analyzePage(document, { url, position: (el) => getComputedStyle(el).position });
    const cleanup = new Cleanup(document, { root: page.root, keep: new Set() });
    cleanup.mark(page.hidden);
    cleanup.setActive(true);
    const elapsed = performance.now() - start;
    // Undo outside the timed span, and flush style now: the next run should start from a page whose
    // style is already computed, as the real content script does at document_idle.
    cleanup.destroy();
    void document.documentElement.offsetHeight;
    return elapsed;
  },
  readability() {
    const start = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - start;
  },
  quickCheck(url, loops) {
    let passed = false;
    const start = performance.now();
    for (let i = 0; i < loops; i++) passed = quickCheck(document, url);
    return { ms: (performance.now() - start) / loops, passed };
  },
};

(window as unknown as { __smBench: BenchApi }).__smBench = api;
