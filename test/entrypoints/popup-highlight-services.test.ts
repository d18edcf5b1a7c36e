// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { highlightServices, pageNoteServices } from '@/entrypoints/popup/highlight-services';
import { articleState, quoteHighlight } from '../helpers/records';

const { url } = articleState();
const record = quoteHighlight(url, '南海');

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('popup highlight services', () => {
  it('after an undo, reads the anchor status once the page has drawn the restored highlight', async () => {
    // The tab, as the content script answers: it places the record only once told it changed (the
    // background's own notice is late here, as it can be in Chromium).
    let drawn = false;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (msg: unknown) =>
      (msg as { type: string }).type === 'highlights-restore' ? { restored: 1 } : { highlights: [record] },
    );
    const toTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, raw: unknown) => {
      const msg = raw as { type: string };
      if (msg.type === 'highlights-changed') drawn = true;
      return msg.type === 'get-anchor-status' ? { placed: drawn ? [record.id] : [], orphaned: [] } : undefined;
    });
    const services = highlightServices(7, url);
    await services.restore([record]);
    expect(await services.load()).toEqual({ highlights: [record], status: { placed: [record.id], orphaned: [] } });
    expect(toTab).toHaveBeenCalledWith(7, { type: 'highlights-changed', pageUrls: [url] });
  });

  it('an undo still succeeds when the tab cannot be told (no content script)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ restored: 1 });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await expect(highlightServices(7, url).restore([record])).resolves.toBeUndefined();
  });

  it('reads and sets the note of the page the popup shows, under its address, whatever the page called itself', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (msg: unknown) => {
      sent.push(msg);
      return (msg as { type: string }).type === 'page-note' ? { note: 'stored' } : { page: null };
    });
    const info = { url: 'https://elsewhere.example/', title: '标题', publisher: '海南信息港', provenance: null };
    const services = pageNoteServices(url, info);
    expect(await services.load()).toBe('stored');
    await services.save('why I kept this');
    expect(sent).toEqual([
      { type: 'page-note', url },
      { type: 'page-note-set', page: { ...info, url }, note: 'why I kept this' },
    ]);
  });

  it('a storage failure of the note is a rejection the popup shows', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ error: { code: 'quota', message: 'full' } });
    await expect(pageNoteServices(url, { url, title: 't', publisher: null, provenance: null }).save('x')).rejects.toThrow('full');
  });
});
