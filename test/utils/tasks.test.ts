import { describe, expect, it } from 'vitest';
import { later, nextTask } from '@/utils/tasks';

describe('nextTask', () => {
  it('resolves after the microtasks queued before it, in a later task', async () => {
    const order: string[] = [];
    const waited = nextTask().then(() => order.push('next task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await waited;
    expect(order).toEqual(['microtask', 'next task']);
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
