/** Driving our in-page annotation UI, which lives in the `sourcemark-annotator` shadow root. */
import { pollUntil } from '../../../scripts/lib/poll';
import type { TestPage } from './types';

/** Clicks a control inside the annotator once it is there. */
export async function clickInAnnotator(page: TestPage, selector: string): Promise<void> {
  const click = () =>
    page.evaluate((sel: string) => {
      const el = document.querySelector('sourcemark-annotator')?.shadowRoot?.querySelector(sel) as HTMLElement | null | undefined;
      el?.click();
      return Boolean(el);
    }, selector);
  await pollUntil(click, Boolean, `${selector} in the annotator`);
}
