import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../helpers/dom';
import { domQuiet } from '@/utils/dom-quiet';

describe('domQuiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settled = (p: Promise<void>): { done: boolean } => {
    const state = { done: false };
    void p.then(() => (state.done = true));
    return state;
  };

  it('resolves once the tree has gone quiet for the whole wait', async () => {
    const doc = parseHtml('<body><main></main></body>');
    const state = settled(domQuiet(doc.body, { quietMs: 300, maxMs: 5000 }));
    await vi.advanceTimersByTimeAsync(200);
    // A node added restarts the wait (mutation records arrive in a microtask).
    doc.querySelector('main')!.append(doc.createElement('p'));
    await vi.advanceTimersByTimeAsync(200);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(150);
    expect(state.done).toBe(true);
  });

  it('gives up waiting after maxMs on a page that never settles', async () => {
    const doc = parseHtml('<body><ul></ul></body>');
    const ticker = setInterval(() => doc.querySelector('ul')!.append(doc.createElement('li')), 100);
    const state = settled(domQuiet(doc.body, { quietMs: 300, maxMs: 2000 }));
    await vi.advanceTimersByTimeAsync(1900);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(150);
    expect(state.done).toBe(true);
    clearInterval(ticker);
  });
});
