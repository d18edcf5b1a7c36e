import { ToBackgroundSchema, parseMessage } from '@/utils/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only our own content scripts and pages talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseMessage(ToBackgroundSchema, raw);
    if (!msg) return undefined;
    switch (msg.type) {
      case 'ping':
        return Promise.resolve({ type: 'pong', version: browser.runtime.getManifest().version });
    }
  });
});
