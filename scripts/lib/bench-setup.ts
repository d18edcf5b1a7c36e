/**
 * What every page bench checks before it starts: a usable run count and a browser to run in.
 */
import { findChromium } from './chromium';

/** A browser to run in: its path, or null with what to tell the user. */
export interface BenchBrowser {
  executablePath: string | null;
  missing: string;
}

const CHROMIUM = (): BenchBrowser => ({ executablePath: findChromium(), missing: 'No Chromium found; set CHROME_PATH.' });

/** The `--runs` count and the browser (Chromium unless given) to use; null, once the user is told why, when either is missing. */
export function benchPrerequisites(runsArg: string | undefined, browser: BenchBrowser = CHROMIUM()): { runs: number; executablePath: string } | null {
  const runs = Number(runsArg);
  const { executablePath } = browser;
  if (!Number.isInteger(runs) || runs < 1) console.error(`--runs wants a positive integer, got ${runsArg}`);
  else if (!executablePath) console.error(browser.missing);
  else return { runs, executablePath };
  return null;
}
