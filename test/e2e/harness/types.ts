/**
 * The browser-neutral page objects every e2e test is written against, so one test body runs in
 * Chromium (Playwright) and Firefox (Puppeteer over WebDriver BiDi) alike.
 */
import type { ColorScheme, ExtensionTab } from '../../../scripts/lib/extension-tabs';

/** A point in the viewport, in CSS pixels. */
export interface Point {
  x: number;
  y: number;
}

/** One tab. */
export interface TestPage extends ExtensionTab {
  /** The URL of the document in the tab now. */
  url(): string;
  waitForSelector(selector: string, options?: { timeoutMs?: number }): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** Clicks the element like a user (real input events); in Firefox its tab is brought to front first, where a user clicks. */
  click(selector: string): Promise<void>;
  /** Focuses the element and types `text` key by key, like a user. */
  type(selector: string, text: string): Promise<void>;
  /**
   * Real mouse and keyboard input at viewport points, for our in-page UI: it answers only input
   * the browser makes, and selectors do not reach into its shadow roots in every driver.
   */
  clickAt(point: Point): Promise<void>;
  /** Moves the mouse to `point` without pressing it: what lies under it is hovered (in front, in Firefox). */
  hoverAt(point: Point): Promise<void>;
  /** Presses the mouse at `from`, moves to `to` and releases it: a reader selecting text. */
  dragMouse(from: Point, to: Point): Promise<void>;
  /** Types `text` into whatever has focus. */
  typeKeys(text: string): Promise<void>;
  /** Presses a key with modifiers held, as `Control+Enter`. */
  press(keys: string): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Clicks the element and resolves to the file it downloads (its name and text). */
  download(selector: string): Promise<{ filename: string; text: string }>;
  /** Gives the file input `selector` the file at `path`, as picking it in the file dialog does. */
  upload(selector: string, path: string): Promise<void>;
  /**
   * Runs `fn` in the page with the shadow root of the first `host` (null when there is none), open
   * or closed: our in-page UI's closed roots are out of the page's reach, not of the browser's
   * tools. `arg` is JSON data and so is the answer.
   */
  inShadow<R, A = undefined>(host: string, fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs a script's source in the page as the driver's own evaluation, which the page's CSP does not
   * govern (extension pages forbid inline and eval'd code): for tools such as axe-core.
   */
  runScript(source: string): Promise<void>;
  close(): Promise<void>;
}

/** A launched browser with the built extension in it. */
export interface E2EBrowser {
  /** Opens a new tab on `url` and resolves once it has loaded. */
  openPage(url: string): Promise<TestPage>;
  /**
   * Opens a new tab on `url` with the page's own scripts switched off as the browser's site setting
   * does (extension scripts still run); in Firefox, which has none, the page's server must send a
   * CSP that forbids them.
   */
  openPageWithoutScripts(url: string): Promise<TestPage>;
  /** Opens a new tab on the extension's own page `path` (e.g. `popup.html`). */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The tab the browser or extension opened whose URL contains `part`, once it is there; never one an earlier call returned. */
  waitForTab(part: string, options?: { timeoutMs?: number }): Promise<TestPage>;
  /** Opens a new tab holding the popup for the tab `page` (see `openPopupForTab`). */
  openPopupFor(page: TestPage): Promise<TestPage>;
  close(): Promise<void>;
}

/** How a browser is launched for a describe block. */
export interface LaunchOptions {
  /** The `prefers-color-scheme` pages see, extension pages included; the browser's own by default. */
  colorScheme?: ColorScheme;
  /**
   * The browser's interface language, which picks the extension's locale. Chromium only: Firefox
   * ESR as Debian packages it speaks en-US alone (another language needs a language pack).
   */
  lang?: string;
  /**
   * Every host name resolves to 127.0.0.1, so the test's server can serve a page under a portal's
   * name: over plain http such a page is no secure context, where 127.0.0.1 is one.
   */
  namedHosts?: boolean;
}

/** A browser the suite runs in; `describe.each` over a list of these. */
export interface BrowserTarget {
  name: 'chromium' | 'firefox';
  launch(options?: LaunchOptions): Promise<E2EBrowser>;
}
