/** Real mouse input, the same in both drivers: Playwright's and Puppeteer's mice take the same calls. */
import type { Point } from './types';

/** What a driver's mouse offers for a drag. */
interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** Presses at `from`, moves to `to` in a few steps (as a hand does, so the selection follows) and releases. */
export async function drag(mouse: Mouse, from: Point, to: Point): Promise<void> {
  await mouse.move(from.x, from.y);
  await mouse.down();
  await mouse.move(to.x, to.y, { steps: 5 });
  await mouse.up();
}
