export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (typeof msg === 'object' && msg && (msg as { type?: unknown }).type === 'ping') return Promise.resolve({ type: 'pong' });
    return undefined;
  });
});
