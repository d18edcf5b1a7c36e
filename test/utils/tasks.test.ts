import { describe, expect, it } from 'vitest';
import { later, nextTask, oneAtATime } from '@/utils/tasks';

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

describe('oneAtATime', () => {
  it('starts each task once the one before has settled, failed or not, and hands back its result', async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    let finishFirst = (): void => undefined;
    const first = inTurn(() => new Promise<string>((resolve) => (finishFirst = () => (log.push('first done'), resolve('a')))));
    const failing = inTurn(async () => {
      log.push('second starts');
      throw new Error('no');
    });
    const third = inTurn(() => (log.push('third starts'), 'c'));
    await Promise.resolve();
    expect(log).toEqual([]);
    finishFirst();
    expect(await first).toBe('a');
    await expect(failing).rejects.toThrow('no');
    expect(await third).toBe('c');
    expect(log).toEqual(['first done', 'second starts', 'third starts']);
  });
});
