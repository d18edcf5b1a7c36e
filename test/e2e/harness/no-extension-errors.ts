/**
 * Vitest setup for the e2e suite: each test fails if the extension threw or logged an error in any
 * tab of a running test browser while it ran (see scripts/lib/extension-errors.ts), whatever the test itself asserted.
 */
import { afterEach, expect } from 'vitest';
import { liveErrorLogs } from './error-logs';

afterEach(() => {
  const errors = [...liveErrorLogs].flatMap((log) => log.take());
  expect(errors, 'the extension threw or logged an error').toEqual([]);
});
