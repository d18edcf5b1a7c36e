// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { acceptTrustedInputOnly, trustedOnly } from '@/entrypoints/content/trusted-input';

describe('acceptTrustedInputOnly', () => {
  it("stops a script's clicks, mouse, key and input events before our controls' handlers", () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Delete</button><textarea></textarea>';
    const button = root.querySelector('button')!;
    const area = root.querySelector('textarea')!;
    const handled = vi.fn();
    for (const type of ['click', 'mouseup', 'keydown', 'input']) {
      button.addEventListener(type, handled);
      area.addEventListener(type, handled);
    }
    const outside = vi.fn();
    button.addEventListener('focus', outside);

    acceptTrustedInputOnly(root);
    // What a page's script can do once it has found our controls (events it makes are untrusted).
    button.click();
    button.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(handled).not.toHaveBeenCalled();
    // A default action stopped too: a made-up click submits no form.
    const submitted = button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(submitted).toBe(false);
    // Events it does not guard pass (focus moves for screen readers and the keyboard alike).
    button.dispatchEvent(new FocusEvent('focus'));
    expect(outside).toHaveBeenCalledTimes(1);
  });
});

describe('trustedOnly', () => {
  it('passes the input the browser made and drops what a script made', () => {
    const handler = vi.fn();
    const listener = trustedOnly(handler);
    listener(new MouseEvent('mouseup'));
    expect(handler).not.toHaveBeenCalled();
    // jsdom makes no trusted events; the browser's carry isTrusted, which is all trustedOnly reads.
    const trusted = { isTrusted: true, type: 'mouseup' } as unknown as Event;
    listener(trusted);
    expect(handler).toHaveBeenCalledWith(trusted);
  });
});
