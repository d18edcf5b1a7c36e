/**
 * Reaching a closed shadow root from a test, as the browser's tools can: the driver's protocol
 * names the root (Chromium's DevTools protocol, Firefox's WebDriver BiDi), and the test's function
 * runs in the page with it. Kept apart from the drivers' wrappers: both build the same call.
 */

/** The function's source, called with the root and `arg`, its answer as JSON (BiDi and CDP hand back plain values alike). */
export function shadowCall(fn: (root: ShadowRoot | null, arg: never) => unknown, arg: unknown): string {
  return `async function (root) { return JSON.stringify(await (${fn.toString()})(root, ${JSON.stringify(arg) ?? 'undefined'})) ?? 'null'; }`;
}
