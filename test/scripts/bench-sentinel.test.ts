import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FLOOR_SCRIPT, loggedTime, timedScript } from '../../scripts/lib/bench-sentinel';

/** Runs `script` as a classic script in a fresh global with a clock and a console, returning what it logged. */
function run(script: string, globals: Record<string, unknown> = {}): string[] {
  const logged: string[] = [];
  let now = 100;
  const clock = { now: () => (now += 2.5) };
  runInNewContext(script, { performance: clock, console: { debug: (line: string) => logged.push(line) }, ...globals });
  return logged;
}

describe('timedScript', () => {
  it('runs the script and logs the time from its first statement to its last', () => {
    const logged = run(timedScript('var sentinel = (function () { globalThis.ran = true; return 1; })();\nsentinel;'));
    expect(logged).toHaveLength(1);
    // The fake clock advances 2.5 ms a reading: one reading before the script, one after.
    expect(loggedTime(logged[0]!)).toBe(2.5);
  });

  it('still logs after a script whose last line is a comment', () => {
    expect(run(timedScript('var x = 1;\n//# sourceMappingURL=sentinel.js.map')).map(loggedTime)).toEqual([2.5]);
  });

  it('keeps its own start apart from a `sentinel` the script declares', () => {
    expect(timedScript('var sentinel = 1;')).not.toMatch(/var sentinel\b.*var sentinel\b/s);
    expect(run(timedScript('var __x = 1; var sentinel = 2;')).map(loggedTime)).toEqual([2.5]);
  });

  it('times the floor script, which reads the page\'s first element', () => {
    let read = 0;
    const document = { get body() { read++; return { firstElementChild: null }; } };
    expect(run(timedScript(FLOOR_SCRIPT), { document }).map(loggedTime)).toEqual([2.5]);
    expect(read).toBe(1);
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
