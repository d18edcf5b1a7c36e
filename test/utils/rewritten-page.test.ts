// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepListening, type AddListener } from '@/utils/rewritten-page';

/** What the observer has to say, once the mutations made so far are delivered. */
const settled = () => new Promise((resolve) => setTimeout(resolve));

describe('keepListening', () => {
  let stop = () => undefined as void;
  afterEach(() => stop());

  function watch() {
    const add = vi.fn<AddListener>();
    const rewritten = vi.fn();
    const kept = keepListening(document, add, rewritten);
    stop = kept.stop;
    const handler = () => undefined;
    kept.listen(document, 'mouseup', handler);
    kept.listen(window, 'selectstart', handler, { capture: true });
    return { add, rewritten, handler };
  }

  // jsdom keeps the listeners through document.open(); a browser erases them, hence the calls again.
  it('adds each listener again, with its options, once the page wrote itself anew', async () => {
    const { add, rewritten, handler } = watch();
    add.mockClear();
    document.open();
    document.write('<!doctype html><html><body><p>新的一页</p></body></html>');
    document.close();
    await settled();
    expect(add.mock.calls).toEqual([
      [document, 'mouseup', handler],
      [window, 'selectstart', handler, { capture: true }],
    ]);
    expect(rewritten).toHaveBeenCalledTimes(1);
  });

  it('is not called while the page changes below its root element, as ordinary pages do', async () => {
    const { add, rewritten } = watch();
    add.mockClear();
    document.body.innerHTML = '<p>新的一段</p>';
    document.body.replaceWith(document.createElement('body'));
    document.head.append(document.createElement('style'));
    await settled();
    expect(add).not.toHaveBeenCalled();
    expect(rewritten).not.toHaveBeenCalled();
  });
});
