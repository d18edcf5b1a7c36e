/**
 * The README's first command, `npm start`, run headless as on a machine without a display: it must
 * get through the demo page, the popup and the reader view opened from the card, and save a
 * screenshot of each. Nothing else runs the script, and it once timed out silently on the reader
 * step after the card began to drop scripted clicks.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SHOTS = ['demo-page.png', 'popup.png', 'reader.png'];

describe('npm start --headless', () => {
  let out = '';
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('saves screenshots of the cleaned demo page, its popup and the reader view', async () => {
    out = await mkdtemp(join(tmpdir(), 'sourcemark-start-'));
    // The suite has built the extension already: building again would only take time.
    const { stdout } = await run('npx', ['tsx', 'scripts/start.ts', '--headless', '--no-build', '--out', out], { timeout: 90_000 });
    expect(stdout).toContain('Cleanup applied on http://127.0.0.1:');
    for (const name of SHOTS) {
      expect(stdout).toContain(join(out, name));
      // A blank PNG of a 380×600 popup is a few kilobytes; each of these shows text.
      expect((await stat(join(out, name))).size, name).toBeGreaterThan(10_000);
    }
  }, 120_000);
});
