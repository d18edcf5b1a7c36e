/**
 * Our in-page UI answers the reader's own input only. Its shadow roots are open (the e2e tests,
 * like a reader's DevTools, reach into them), so a page's script can find our buttons and call
 * `click()`, or fire a `mouseup` over a selection it made: it could then create, recolour or delete
 * the reader's highlights, open the note editor to read a note, or open reader tabs without end.
 * Events a script makes are never trusted, so they are stopped before any of our handlers runs.
 */

/** What a script could fire at our controls to act as the reader. */
const INPUT_EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit', 'contextmenu'];

/** Drops untrusted input inside `root` (a shadow root of ours) before it reaches any handler there. */
export function acceptTrustedInputOnly(root: ShadowRoot): void {
  for (const type of INPUT_EVENTS) {
    // Capture on the root runs before the listeners on the controls inside it.
    root.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) return;
        e.stopImmediatePropagation();
        e.preventDefault();
      },
      { capture: true },
    );
  }
}

/** A page-wide listener that a script's made-up events (a `mouseup` over a selection it made) do not reach. */
export function trustedOnly<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}
