/**
 * Waiting in a content script. Not setTimeout: where the reader blocks JavaScript on a site, Chrome
 * runs no timer of that page's content scripts either, so a wait on one never ends (tried in
 * Chromium 156 with the site setting: timers stay silent; MessageChannel messages,
 * scheduler.postTask and AbortSignal.timeout still arrive). The waits for what only the page's own
 * scripts do (late ads, a single-page site's redraw) keep their timers: there, nothing comes.
 */

/** Resolves in a later task, after the browser has had the chance to draw. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Calls `fn` once `ms` have passed (the browser's own timer behind AbortSignal.timeout). */
export function later(ms: number, fn: () => void): void {
  AbortSignal.timeout(ms).addEventListener('abort', fn, { once: true });
}
