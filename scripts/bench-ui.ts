/**
 * `npx tsx scripts/bench-ui.ts [--highlights 10000] [--runs 9] [--rounds 5] [--seed 1] [--extension DIR] [--json]`:
 * the popup's first list (beside an empty extension page's, the floor the browser sets) and the
 * library search in real Chromium with a large stored library.
 * Builds nothing: run `npm run build` first, or point --extension at another Chromium build (e.g.
 * one made from a clean checkout while the working tree is mid-change). Prints, never asserts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchUi, printUiBench } from './lib/bench-ui';
import { CHROME_BUILD_DIR, findChromium } from './lib/chromium';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      highlights: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '9' },
      rounds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      extension: { type: 'string', default: CHROME_BUILD_DIR },
      json: { type: 'boolean', default: false },
    },
  });
  const [highlights, popupRuns, searchRounds, seed] = [values.highlights, values.runs, values.rounds, values.seed].map(Number) as [number, number, number, number];
  if (![highlights, popupRuns, searchRounds, seed].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error('--highlights, --runs, --rounds and --seed want positive integers');
    return 2;
  }
  const extensionDir = values.extension;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.error(`No build in ${extensionDir}: run npm run build first.`);
    return 2;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('No Chromium found; set CHROME_PATH.');
    return 2;
  }
  const log = values.json ? undefined : (line: string) => console.log(line);
  const result = await benchUi({ executablePath, extensionDir, highlights, popupRuns, searchRounds, seed, log });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printUiBench(result);
  return 0;
}

process.exitCode = await main();
