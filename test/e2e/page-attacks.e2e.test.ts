/**
 * What a hostile page can do to the extension from its own scripts, in each real browser. The
 * page runs in its own world: it can fire events at the document, post messages and read our
 * shadow roots' DOM, and it knows the extension's id (Firefox's is in the manifest, a store
 * extension's is public).
 */
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../wxt.config';
import { browsers, demoVisibility, openDemo } from './harness';

describe.each(browsers)('a hostile page in $name', (target) => {
  const session = openDemo(target, 'html[data-sourcemark-cleanup="on"]');

  // WXT stops an older copy of a content script when a newer one fires an event named from the
  // extension's id and the script's name on the document: the page can fire it too.
  it('cannot stop the analysis by firing the event a newer copy of the script fires', async () => {
    const runtimeId = target.name === 'firefox' ? GECKO_ID : await extensionId(session.browser());
    const demo = session.demo();
    await demo.evaluate((id: string) => {
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    }, runtimeId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await demo.evaluate(() => document.documentElement.getAttribute('data-sourcemark-cleanup'))).toBe('on');
    expect((await demo.evaluate(demoVisibility)).ads.some(Boolean)).toBe(false);
  });
});

/** Chromium's id for the unpacked extension: the host of its pages. */
async function extensionId(browser: ReturnType<ReturnType<typeof openDemo>['browser']>): Promise<string> {
  const page = await browser.openExtensionPage('options.html');
  const id = new URL(page.url()).host;
  await page.close();
  return id;
}
