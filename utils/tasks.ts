/**
 * Waiting, and work in turn. The waits are for the content script, and not setTimeout: where the
 * reader blocks JavaScript on a site, Chrome runs no timer of that page's content scripts either,
 * so a wait on one never ends (tried in Chromium 156 with the site setting: timers stay silent;
 * MessageChannel messages, scheduler.postTask and AbortSignal.timeout still arrive). The waits for
 * what only the page's own scripts do (late ads, a single-page site's redraw) keep their timers:
 * there, nothing comes.
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

/**
 * Runs tasks one after another, each once the one asked before it has settled (failed or not):
 * for work whose order matters, such as two quick changes of the same settings.
 */
export function oneAtATime(): <T>(task: () => T | Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const done = last.then(task, task);
    last = done.catch(() => undefined);
    return done;
  };
}
