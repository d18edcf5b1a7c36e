import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../scripts/lib/poll';

describe('pollUntil', () => {
  it('reads until the value is accepted and returns it', async () => {
    let n = 0;
    expect(await pollUntil(async () => ++n, (v) => v === 3, 'three', { intervalMs: 1 })).toBe(3);
  });

  it('gives up after the timeout, naming what it waited for and the last value', async () => {
    await expect(pollUntil(async () => 'blank', () => false, 'the reader tab', { timeoutMs: 20, intervalMs: 5 })).rejects.toThrow(
      /waiting for the reader tab; last: "blank"/,
    );
  });
});
