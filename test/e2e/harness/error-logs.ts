/** Every running test browser's log of the extension's errors: added at launch, removed on close, read after each test. */
import type { ErrorLog } from '../../../scripts/lib/extension-errors';

export const liveErrorLogs = new Set<ErrorLog>();
