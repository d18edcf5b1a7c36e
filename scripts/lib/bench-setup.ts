/**
 * What every page bench checks before it starts: a usable run count and a browser to run in.
 */
import { findChromium } from './chromium';

/** The `--runs` count and the Chromium to use; null, once the user is told why, when either is missing. */
export function benchPrerequisites(runsArg: string | undefined): { runs: number; executablePath: string } | null {
  const runs = Number(runsArg);
  const executablePath = findChromium();
  if (!Number.isInteger(runs) || runs < 1) console.error(`--runs wants a positive integer, got ${runsArg}`);
  else if (!executablePath) console.error('No Chromium found; set CHROME_PATH.');
  else return { runs, executablePath };
  return null;
}
