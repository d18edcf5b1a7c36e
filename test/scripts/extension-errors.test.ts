import { describe, expect, it } from 'vitest';
import { ErrorLog, isExtensionConsoleError, isExtensionThrow, firefoxUncaught, workerThrow } from '../../scripts/lib/extension-errors';
import { liveErrorLogs, retireErrorLog } from '../e2e/harness/error-logs';

const EXT = 'chrome-extension://abc/';

describe('what the e2e harness counts as the extension\'s error', () => {
  it.each([
    ['a content script logs an error on a web page', { type: 'error', url: `${EXT}content-scripts/content.js`, pageUrl: 'http://127.0.0.1/a.html' }, true],
    ['the popup logs an error from its chunk', { type: 'error', url: `${EXT}chunks/popup.js`, pageUrl: `${EXT}popup.html` }, true],
    ['the service worker logs an error (no page)', { type: 'error', url: `${EXT}background.js`, pageUrl: undefined }, true],
    ['an error logged inline in the popup', { type: 'error', url: undefined, pageUrl: `${EXT}popup.html` }, true],
    ['the extension logs, not an error', { type: 'log', url: `${EXT}content-scripts/content.js`, pageUrl: 'http://127.0.0.1/a.html' }, false],
    ['the extension warns', { type: 'warning', url: `${EXT}background.js`, pageUrl: undefined }, false],
    ["the page's own script logs an error", { type: 'error', url: 'http://127.0.0.1/a.html', pageUrl: 'http://127.0.0.1/a.html' }, false],
    ['another extension logs an error', { type: 'error', url: 'chrome-extension://xyz/c.js', pageUrl: 'http://127.0.0.1/a.html' }, false],
  ])('%s', (_, seen, expected) => {
    expect(isExtensionConsoleError({ text: 'x', ...seen }, EXT)).toBe(expected);
  });

  it.each([
    ['thrown by a content script on a web page', { stack: `Error: x\n    at ${EXT}content-scripts/content.js:1:2`, pageUrl: 'http://127.0.0.1/a.html' }, true],
    ['thrown in an extension page, with no stack', { stack: undefined, pageUrl: `${EXT}library.html` }, true],
    ["thrown by the page's own script", { stack: 'Error: x\n    at http://127.0.0.1/a.js:1:2', pageUrl: 'http://127.0.0.1/a.html' }, false],
    ['a rejection on a web page with no stack to say whose', { stack: undefined, pageUrl: 'http://127.0.0.1/a.html' }, false],
  ])('%s', (_, seen, expected) => {
    expect(isExtensionThrow({ message: 'x', ...seen }, EXT)).toBe(expected);
  });

  it("counts what the service worker throws, read from CDP's report, with its stack", () => {
    const thrown = workerThrow({ text: 'Uncaught', exception: { description: `Error: gone\n    at ${EXT}background.js:3:9` } }, `${EXT}background.js`);
    expect(thrown).toEqual({ message: 'Error: gone', stack: `Error: gone\n    at ${EXT}background.js:3:9`, pageUrl: `${EXT}background.js` });
    expect(isExtensionThrow(thrown, EXT)).toBe(true);
  });

  it('says what a worker rejected with when it is a plain value, not an Error', () => {
    const rejected = workerThrow({ text: 'Uncaught (in promise)', exception: { value: 'no tab' } }, `${EXT}background.js`);
    expect(rejected.message).toBe('Uncaught (in promise) "no tab"');
    expect(isExtensionThrow(rejected, EXT)).toBe(true);
    expect(workerThrow({ text: 'Uncaught (in promise)', exception: { value: undefined } }, `${EXT}background.js`).message).toBe('Uncaught (in promise) undefined');
  });

  describe("Firefox's output", () => {
    const MOZ = 'moz-extension://1a2b/';

    it.each([
      ['a content script throws', `JavaScript error: ${MOZ}content-scripts/content.js, line 2: Error: gone`, true],
      ['the library leaves a rejection', `JavaScript error: ${MOZ}chunks/library-x1.js, line 40: TypeError: t is undefined`, true],
      ['the background throws', `JavaScript error: ${MOZ}background.js, line 1: Error: no store`, true],
      ["the page's own script throws", 'JavaScript error: http://127.0.0.1:4000/a.js, line 7: ReferenceError: $ is not defined', false],
      ["a data: page's script, commas and all", 'JavaScript error: data:text/html,<p>a, b</p>, line 1: Error: x', false],
      ["the browser's own module", 'JavaScript error: resource://gre/modules/PrivateBrowsingUtils.sys.mjs, line 50: TypeError: docShell is null', false],
    ])('%s', (_, line, expected) => {
      const thrown = firefoxUncaught(line);
      expect(thrown).not.toBeNull();
      expect(isExtensionThrow(thrown!, MOZ)).toBe(expected);
    });

    it('reads the message and the place', () => {
      expect(firefoxUncaught(`JavaScript error: ${MOZ}background.js, line 3: Error: no store`)).toEqual({
        message: 'Error: no store',
        stack: `Error: no store\n    at ${MOZ}background.js:3`,
        pageUrl: undefined,
      });
    });

    it.each([
      `JavaScript warning: ${MOZ}content-scripts/content.js, line 2: unreachable code after return statement`,
      'console.error: "ext-page-error"',
      'WebDriver BiDi listening on ws://127.0.0.1:9222',
      `  at ${MOZ}background.js:3`,
    ])('passes over any other line: %s', (line) => {
      expect(firefoxUncaught(line)).toBeNull();
    });
  });

  it('keeps what it counts until taken, once', () => {
    const log = new ErrorLog(EXT);
    log.console({ type: 'error', text: 'boom', url: `${EXT}background.js`, pageUrl: undefined });
    log.console({ type: 'error', text: 'theirs', url: 'http://127.0.0.1/a.js', pageUrl: 'http://127.0.0.1/a.html' });
    log.thrown({ message: 'bad', stack: `Error: bad\n    at ${EXT}c.js:1:1`, pageUrl: 'http://127.0.0.1/a.html' });
    const taken = log.take();
    expect(taken).toHaveLength(2);
    expect(taken[0]).toContain('boom');
    expect(taken[1]).toContain('Error: bad');
    expect(log.take()).toEqual([]);
  });
});

describe('a closing e2e browser', () => {
  it('stops being read, and fails with the errors raised after the last test', () => {
    const log = new ErrorLog(EXT);
    liveErrorLogs.add(log);
    log.thrown({ message: 'late', stack: `Error: late\n    at ${EXT}c.js:1:1`, pageUrl: 'http://127.0.0.1/a.html' });
    expect(() => retireErrorLog(log)).toThrow(/after the last test:\nuncaught in http:\/\/127\.0\.0\.1\/a\.html: Error: late/);
    expect(liveErrorLogs.has(log)).toBe(false);
  });

  it('closes quietly when nothing was raised', () => {
    const log = new ErrorLog(EXT);
    liveErrorLogs.add(log);
    expect(() => retireErrorLog(log)).not.toThrow();
    expect(liveErrorLogs.has(log)).toBe(false);
  });
});
