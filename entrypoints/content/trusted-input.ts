/**
 * Our in-page UI answers the reader's own input only. The card's shadow root is open, and a script
 * can reach a control in the annotator's closed one all the same (an event's path, a focus it
 * moved): it could call `click()`, or fire a `mouseup` over a selection it made, and so create,
 * recolour or delete the reader's highlights, or open reader tabs without end. Events a script
 * makes are never trusted, so they are stopped before any of our handlers runs.
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
