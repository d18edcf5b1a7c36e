/** Every running test browser's log of the extension's errors: added at launch, read after each test, retired on close. */
import type { ErrorLog } from '../../../scripts/lib/extension-errors';

export const liveErrorLogs = new Set<ErrorLog>();

/**
 * Stops reading a closing browser's log, and throws with what it holds: errors raised after a
 * file's last test (in its afterAll hooks) fail the file rather than pass unseen.
 */
export function retireErrorLog(log: ErrorLog): void {
  liveErrorLogs.delete(log);
  const left = log.take();
  if (left.length > 0) throw new Error(`the extension threw or logged an error after the last test:\n${left.join('\n')}`);
}
