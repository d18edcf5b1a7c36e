import { defineConfig } from 'vitest/config';

// Real browsers: slow to start, and two of them at once would starve CI's 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    setupFiles: ['test/e2e/harness/no-extension-errors.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
