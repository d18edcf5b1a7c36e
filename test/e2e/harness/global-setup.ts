/**
 * Vitest globalSetup for the e2e suite: the tests load the built extension, so refuse to start
 * (with the fix in the message) rather than fail each test with a launch error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../../../scripts/lib/chromium';
import { FIREFOX_BUILD_DIR } from '../../../scripts/lib/firefox';

/** Throws when a build the suite needs is missing. */
export default function setup(): void {
  const missing = [CHROME_BUILD_DIR, FIREFOX_BUILD_DIR].filter((dir) => !existsSync(join(dir, 'manifest.json')));
  if (missing.length > 0) {
    throw new Error(`e2e: extension build missing at ${missing.join(', ')}; run \`npm run build\` first`);
  }
}
