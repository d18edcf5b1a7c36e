/**
 * Hiding ad-network slots before the page is analysed, so they don't flash while it loads. Only
 * markup that is an ad wherever it appears is listed; the document_start script applies it on
 * article-shaped URLs, and the content script lifts it once the real cleanup (which finds the
 * same slots) has decided. The script runs only where the settings would hide ads (see
 * early-hide-registration); the lift covers pages loaded before a change of settings reached it.
 */
export const EARLY_HIDE_ATTR = 'data-sourcemark-early';

export const EARLY_AD_SELECTORS = [
  'ins.adsbygoogle',
  '[id^="div-gpt-ad"]',
  '[id^="google_ads_iframe"]',
  'iframe[src*="googlesyndication.com"]',
  'iframe[src*="doubleclick.net"]',
  'iframe[src*="pos.baidu.com"]',
  'iframe[src*="cpro.baidu.com"]',
  'iframe[src*="tanx.com"]',
  'iframe[src*="alimama.com"]',
];

/** The one rule: active only while the root carries {@link EARLY_HIDE_ATTR}. */
export function earlyStylesheet(): string {
  return `html[${EARLY_HIDE_ATTR}] :is(${EARLY_AD_SELECTORS.join(', ')}) { display: none !important; }`;
}

/** Applies the early rule to a document (at document_start the root exists, maybe not <head>). */
export function applyEarlyHide(doc: Document): void {
  const root = doc.documentElement;
  if (!root || root.hasAttribute(EARLY_HIDE_ATTR)) return;
  const style = doc.createElement('style');
  style.dataset.sourcemarkUi = 'early';
  style.textContent = earlyStylesheet();
  root.append(style);
  root.setAttribute(EARLY_HIDE_ATTR, '');
}

/**
 * Lifts the early rule; the analysed cleanup (or nothing) governs from here on. Asked on every
 * page the quick check turns away, most of which never had the rule: those cost one attribute read.
 */
export function liftEarlyHide(doc: Document): void {
  const root = doc.documentElement;
  if (!root?.hasAttribute(EARLY_HIDE_ATTR)) return;
  root.removeAttribute(EARLY_HIDE_ATTR);
  doc.querySelector('style[data-sourcemark-ui="early"]')?.remove();
}
