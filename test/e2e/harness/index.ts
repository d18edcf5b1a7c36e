/** Entry point of the e2e harness: the browsers every test runs in, and the page objects. */
import { chromiumTarget } from './chromium';
import { firefoxTarget } from './firefox';
import type { BrowserTarget } from './types';

export type { BrowserTarget, E2EBrowser, LaunchOptions, Point, TestPage } from './types';

/** Every browser the extension ships for; use as `describe.each(browsers)('… in $name', …)`. */
export const browsers: BrowserTarget[] = [chromiumTarget, firefoxTarget];
export { demoVisibility, openDemo } from './demo';
export { serveSite, type Site } from './site';
export { clickHighlight, clickInAnnotator, clickInCard, inAnnotator, drawnYellow, highlightYellow, selectText, yellowOnVisit, type TextSpan } from './annotator';
