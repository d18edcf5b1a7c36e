// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { askPageState, askPageView, firstAnswers, loadPageHighlights } from '@/entrypoints/popup/requests';
import { highlightRow } from '@/utils/annotation-types';
import { articleState, quoteHighlight } from '../helpers/records';

const state = articleState();

const record = quoteHighlight(state.url, '南海');
const held = { highlights: [highlightRow(record)], status: { placed: [record.id], orphaned: [] } };
const page = { url: state.url, title: '标题', publisher: '海南信息港', provenance: null };

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('popup requests', () => {
  it('returns the content script’s page state when it is well formed', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(state);
    expect(await askPageState(7, { type: 'apply-settings' })).toEqual(state);
  });

  it('returns null for a malformed answer or no content script, never the raw answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce({ url: 42, hidden: 'all' });
    expect(await askPageState(7, { type: 'apply-settings' })).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await askPageState(7, { type: 'apply-settings' })).toBeNull();
  });

  it('drops a malformed anchor status but keeps the stored highlights', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ highlights: [] });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ placed: 'yes' });
    expect(await loadPageHighlights(7, state.url)).toEqual({ highlights: [], status: null });
  });

  it('takes the page state and the highlights the page holds from one answer', async () => {
    const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ state, highlights: held });
    expect(await askPageView(7)).toEqual({ state, held, page: null });
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('passes on only the row fields of held highlights, whatever else an answer carries', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ state, highlights: { ...held, highlights: [record] } });
    const { held: got } = await askPageView(7);
    expect(got?.highlights).toEqual([{ id: record.id, quote: '南海', color: 'yellow', note: '', created: record.created }]);
  });

  it('keeps the state but drops held highlights that are malformed or not loaded yet', async () => {
    const broken = { ...held, highlights: [{ ...record, id: 'not-a-uuid' }] };
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce({ state, highlights: broken }).mockResolvedValueOnce({ state, highlights: null });
    expect(await askPageView(7)).toEqual({ state, held: null, page: null });
    expect(await askPageView(7)).toEqual({ state, held: null, page: null });
  });

  it('takes what a record of the page is made from (for its note) from the same answer, and drops a malformed one', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce({ state, highlights: held, page }).mockResolvedValueOnce({ state, highlights: held, page: { ...page, title: 7 } });
    expect((await askPageView(7)).page).toEqual(page);
    expect((await askPageView(7)).page).toBeNull();
  });

  it('trusts no highlights from an answer whose state is malformed', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ state: { url: 1 }, highlights: held, page });
    expect(await askPageView(7)).toEqual({ state: null, held: null, page: null });
  });

  it('with ?tab=<id>, asks the content script before the tab lookup has answered', async () => {
    history.replaceState(null, '', '/popup.html?tab=7');
    let releaseTab!: () => void;
    const tabLookup = new Promise<void>((resolve) => (releaseTab = resolve));
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async () => {
      await tabLookup;
      return { id: 7, url: state.url } as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>;
    });
    const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ state, highlights: held });
    const answers = firstAnswers();
    await vi.waitFor(() => expect(asked).toHaveBeenCalledWith(7, { type: 'get-page-view' }));
    releaseTab();
    const { tab, state: got, held: gotHeld } = await answers;
    expect(tab).toEqual({ id: 7, url: state.url });
    expect(got).toEqual(state);
    expect(gotHeld).toEqual(held);
  });
});
