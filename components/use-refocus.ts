import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * Keyboard focus for lists whose row goes away when its button is pressed (a site turned on again,
 * a kept item hidden again): once the row has gone, focus moves to the next row's button, else the
 * previous one's, else to `fallback` (the list's heading), instead of falling to the page's body.
 * Returns what a button calls before its change: the button and the buttons of its list.
 */
export function useRefocusAfterRemoval(): (pressed: HTMLElement, buttons: HTMLElement[], fallback: HTMLElement | null) => void {
  const pending = useRef<{ pressed: HTMLElement; near: HTMLElement[]; fallback: HTMLElement | null } | null>(null);
  useEffect(() => {
    const p = pending.current;
    // Only once the pressed button has gone: a render before the change lands leaves focus be.
    if (!p || p.pressed.isConnected) return;
    pending.current = null;
    (p.near.find((el) => el.isConnected) ?? p.fallback)?.focus();
  });
  return (pressed, buttons, fallback) => {
    // A pointer user whose click did not focus the button (Safari, Firefox on macOS) is not moved.
    if (document.activeElement !== pressed) return;
    const i = buttons.indexOf(pressed);
    const near = [buttons[i + 1], buttons[i - 1]].filter((el): el is HTMLElement => el !== undefined);
    pending.current = { pressed, near, fallback };
  };
}

/**
 * Focus for a note edited in place: into `field` when the editor opens, back to `opener` (the row
 * or button it was opened from) when it closes, so Edit, type, Ctrl+Enter needs no mouse. Nothing
 * is moved on the first render: a list drawn does not take the focus.
 */
export function useEditorFocus(editing: boolean, field: RefObject<HTMLElement>, opener: RefObject<HTMLElement>): void {
  const mounted = useRef(false);
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (mounted.current) opener.current?.focus();
    mounted.current = true;
  }, [editing]);
}
