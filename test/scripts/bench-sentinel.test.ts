import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FLOOR_SCRIPT, START_SCRIPT, loggedTime, startBeforeSentinel, timedScript } from '../../scripts/lib/bench-sentinel';

/**
 * Runs START_SCRIPT and then `script` as classic scripts in one fresh global with a clock and a
 * console, as the manifest lists them in one world, returning what they logged.
 */
function run(script: string, globals: Record<string, unknown> = {}): string[] {
  const logged: string[] = [];
  let now = 100;
  const clock = { now: () => (now += 2.5) };
  const world = createContext({ performance: clock, console: { debug: (line: string) => logged.push(line) }, ...globals });
  runInContext(START_SCRIPT, world);
  runInContext(script, world);
  return logged;
}

describe('timedScript', () => {
  it('runs the script and logs the time from the start script to its last statement', () => {
    const logged = run(timedScript('var sentinel = (function () { globalThis.ran = true; return 1; })();\nsentinel;'));
    expect(logged).toHaveLength(1);
    // The fake clock advances 2.5 ms a reading: one reading in the start script, one after the script.
    expect(loggedTime(logged[0]!)).toBe(2.5);
  });

  it('still logs after a script whose last line is a comment', () => {
    expect(run(timedScript('var x = 1;\n//# sourceMappingURL=sentinel.js.map')).map(loggedTime)).toEqual([2.5]);
  });

  it('keeps its own start apart from a `sentinel` the script declares', () => {
    expect(timedScript('var sentinel = 1;')).not.toMatch(/var sentinel\b.*var sentinel\b/s);
    expect(run(timedScript('var __x = 1; var sentinel = 2;')).map(loggedTime)).toEqual([2.5]);
  });

  // V8 reads a compile hint on the script's first line; the clock is read before the browser compiles it.
  it('leaves the script’s first line first', () => {
    const hinted = '//# allFunctionsCalledOnLoad\nvar sentinel = 1;';
    expect(timedScript(hinted).startsWith(hinted)).toBe(true);
  });

  it('times the floor script, which reads the page\'s first element', () => {
    let read = 0;
    const document = { get body() { read++; return { firstElementChild: null }; } };
    expect(run(timedScript(FLOOR_SCRIPT), { document }).map(loggedTime)).toEqual([2.5]);
    expect(read).toBe(1);
  });
});

describe('startBeforeSentinel', () => {
  it('lists the start script just before the sentinel, in its world, and leaves other scripts alone', () => {
    const manifest = { content_scripts: [{ css: ['cleanup.css'] }, { js: ['sentinel.js'] }, { js: ['other.js'] }] };
    startBeforeSentinel(manifest);
    expect(manifest.content_scripts).toEqual([{ css: ['cleanup.css'] }, { js: ['bench-start.js', 'sentinel.js'] }, { js: ['other.js'] }]);
  });
});

describe('loggedTime', () => {
  it.each([
    ['sourcemark-bench-sentinel-ms 3.25', 3.25],
    ['sourcemark-bench-sentinel-ms 0', 0],
    ['a page\'s own line', null],
    ['sourcemark-bench-sentinel-ms NaN', null],
    ['sourcemark-bench-sentinel-ms ', null],
  ])('reads %j as %s', (line, ms) => {
    expect(loggedTime(line)).toBe(ms);
  });
});
