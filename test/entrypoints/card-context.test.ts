// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { cardOfItsOwn } from '@/entrypoints/content/page-session';

/** What WXT's shadow-root UI does with the context it is given: its clean-up hung on it, never taken off. */
const mountLikeWxt = (taken: () => void) => async (own: ContentScriptContext) => {
  own.onInvalidated(taken);
};

/** How many listeners the context's signal holds now. */
function listenersOn(ctx: ContentScriptContext): () => number {
  let held = 0;
  const signal = ctx.signal;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  vi.spyOn(signal, 'addEventListener').mockImplementation((...args: Parameters<AbortSignal['addEventListener']>) => (held++, add(...args)));
  vi.spyOn(signal, 'removeEventListener').mockImplementation((...args: Parameters<AbortSignal['removeEventListener']>) => (held--, remove(...args)));
  return () => held;
}

describe('a card with a context of its own', () => {
  it('takes itself away when removed, and leaves nothing on the page’s context', async () => {
    const ctx = new ContentScriptContext('content');
    const held = listenersOn(ctx);
    const taken = vi.fn();
    const card = await cardOfItsOwn(ctx, mountLikeWxt(taken));
    expect(held()).toBe(1);
    card.remove();
    expect(taken).toHaveBeenCalledTimes(1);
    expect(held()).toBe(0);
    expect(ctx.isValid).toBe(true);
  });

  it('goes when the page’s context ends (a second copy of the script took over)', async () => {
    const ctx = new ContentScriptContext('content');
    const taken = vi.fn();
    await cardOfItsOwn(ctx, mountLikeWxt(taken));
    ctx.notifyInvalidated();
    expect(taken).toHaveBeenCalledTimes(1);
  });
});
