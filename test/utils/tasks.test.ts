import { describe, expect, it } from 'vitest';
import { later, nextTask } from '@/utils/tasks';

describe('nextTask', () => {
  it('resolves in a later task: after every microtask, however long their chain', async () => {
    let chained = 0;
    const chain = (): void => {
      if (++chained < 100) queueMicrotask(chain);
    };
    const waited = nextTask().then(() => chained);
    queueMicrotask(chain);
    expect(await waited).toBe(100);
  });
});

describe('later', () => {
  it('calls back once the time has passed, not before', async () => {
    const start = performance.now();
    const at = await new Promise<number>((resolve) => later(30, () => resolve(performance.now())));
    // The clocks may round a little either way.
    expect(at - start).toBeGreaterThanOrEqual(25);
  });
});
