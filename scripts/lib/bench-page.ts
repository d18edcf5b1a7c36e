/**
 * The browser side of `npm run bench`: bundled by {@link bundleBenchPage} into an IIFE and evaluated
 * in the page, it exposes the work being compared on `window.__smBench`. Each function times itself
 * so a Playwright round trip never counts. They take the page's recorded URL rather than reading
 * `location` (a 127.0.0.1 address that says nothing about the page), exactly as eval does.
 */
import { Readability } from '@mozilla/readability';
import { analyzeLayout, completeAnalysis, readProvenance } from '../../utils/analyze';
import { Cleanup } from '../../utils/cleanup';
import { liveLayout } from '../../utils/live-layout';
import { quickCheck } from '../../utils/quick-check';
import { findFold, isCutByHeight } from '../../utils/unfold';

/** What `window.__smBench` offers; every time is in milliseconds of `performance.now()`. */
export interface BenchApi {
  /** Adds the cleanup stylesheet, as the manifest has the browser do before the page loads. */
  addStylesheet(css: string): void;
  /**
   * The content script's work on the live document for the page's real `url`, in its two stages:
   * `clean` is detection + cleanup (analyse, mark, unfold a cut story, activate); the second stage, run after it, is
   * `provenance` (source chain, credits) plus `bodyText` (the body's text). Undone afterwards.
   */
  contentScript(url: string | null): { clean: number; provenance: number; bodyText: number };
  /** Readability on a clone of the document, as a reader-mode extension would run it. */
  readability(): number;
  /** `quickCheck` repeated `loops` times (one call is below the clock's resolution); per-call time. */
  quickCheck(url: string | null, loops: number): { ms: number; passed: boolean };
  /**
   * Runs the whole analysis, untimed, on a parsed copy of this page (the live page untouched): the
   * code it takes is then warm, the page not, which tells code warm-up apart from the page's cost.
   */
  warmOnCopy(url: string | null): void;
}

const api: BenchApi = {
  addStylesheet(css) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    void document.documentElement.offsetHeight;
  },
  contentScript(url) {
    const start = performance.now();
    const layout = analyzeLayout(document, { url, ...liveLayout, now: new Date() });
    const cleanup = new Cleanup(document, { root: layout.root, keep: new Set() });
    const fold = findFold(layout.root, isCutByHeight);
    cleanup.mark(layout.hidden);
    if (fold) cleanup.unfold(fold);
    cleanup.setActive(true);
    const cleaned = performance.now();
    const provenance = readProvenance(document, layout);
    const read = performance.now();
    completeAnalysis(document, layout, provenance);
    const done = performance.now();
    // Undo outside the timed span, and flush style now: the next run should start from a page whose
    // style is already computed, as the real content script does at document_idle.
    cleanup.destroy();
    void document.documentElement.offsetHeight;
    return { clean: cleaned - start, provenance: read - cleaned, bodyText: done - read };
  },
  readability() {
    const start = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - start;
  },
  warmOnCopy(url) {
    const copy = new DOMParser().parseFromString(document.documentElement.outerHTML, 'text/html');
    const layout = analyzeLayout(copy, { url });
    completeAnalysis(copy, layout, readProvenance(copy, layout));
  },
  quickCheck(url, loops) {
    let passed = false;
    const start = performance.now();
    for (let i = 0; i < loops; i++) passed = quickCheck(document, url);
    return { ms: (performance.now() - start) / loops, passed };
  },
};

(window as unknown as { __smBench: BenchApi }).__smBench = api;
