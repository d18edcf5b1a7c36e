// @vitest-environment jsdom
// idb recognises requests by the global IDB* classes (a test below reads a real store).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Library, type LibraryPage, type LibraryServices } from '@/components/Library';
import { firstRows, groupByPage, provenanceSummary } from '@/components/LibraryResults';
import { translator } from '../helpers/locale';
import { quoteHighlight } from '../helpers/records';
import { HIGHLIGHT_COLORS, type HighlightRecord, type PageRecord } from '@/utils/annotation-types';
import { openAnnotationDb, type AnnotationStore } from '@/utils/db';
import { IMPORT_MAX_BYTES } from '@/utils/export/import';
import type { LibrarySort } from '@/utils/library-sort';

/**
 * Shows the key and its substitutions, so assertions don't depend on the wording of a locale; the
 * language tag is a real one (dates are written in it).
 */
const t = (key: string, subs?: string | string[]) => (key === 'lang_tag' ? 'ja' : subs === undefined ? key : `${key}:${[subs].flat().join('|')}`);

const SITES = ['news.example.cn', 'portal.example.com', 'daily.example.org', 'wire.example.net'];
const WORDS = ['长江', '经济', 'climate', 'election', '报道', 'budget', '新华社', 'harbour'];
const PAGE_COUNT = 120;
const HIGHLIGHT_COUNT = 10_000;

/**
 * A deterministic library: every page, colour, word and month is used many times. Smaller ones (fewer
 * highlights, fewer pages: a count prime to 7, so every page has some) for tests that draw every row.
 */
function makeLibrary(count = HIGHLIGHT_COUNT, pageCount = PAGE_COUNT): { pages: LibraryPage[]; highlights: HighlightRecord[] } {
  const pages: LibraryPage[] = Array.from({ length: pageCount }, (_, i) => ({
    url: `https://${SITES[i % SITES.length]}/a/${i}.html`,
    title: `Page ${i} 标题`,
    publisher: `Publisher ${i % 7}`,
    provenance: { publisher: `Publisher ${i % 7}`, sources: [], credits: [], originalTitle: null, publishedAt: null },
    firstSeen: '2024-01-01T00:00:00.000Z',
    // Page 0 highlighted on last, then page 1…: the order the library lists pages in.
    lastSeen: new Date(Date.UTC(2025, 0, 1) - i * 3_600_000).toISOString(),
    highlightCount: 0,
  }));
  const highlights = Array.from({ length: count }, (_, i): HighlightRecord => {
    const page = pages[(i * 7) % pageCount]!;
    page.highlightCount++;
    // Noon UTC: the same calendar day in every time zone the tests may run in.
    const created = new Date(Date.UTC(2024, i % 12, 1 + (i % 28), 12)).toISOString();
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      pageUrl: page.url,
      selectors: [{ type: 'TextQuoteSelector', exact: `q${i}`, prefix: '', suffix: '' }],
      quote: `Quote ${i} ${WORDS[i % WORDS.length]} ${WORDS[(i * 3 + 1) % WORDS.length]}`,
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
      note: i % 5 === 0 ? `note ${i} 备注` : '',
      created,
      updated: created,
    };
  });
  return { pages, highlights };
}

/** Services over an in-memory store, with every call recorded. */
function fakeServices(data = makeLibrary()) {
  const store = new Map(data.highlights.map((h) => [h.id, h]));
  const services = {
    load: vi.fn(async () => ({ pages: data.pages, highlights: [...store.values()] })),
    // The record by its id (a search of the list per id was 10,000 x 10,000 steps, a second of a delete-all test).
    deleteHighlights: vi.fn(async (ids: string[]) =>
      ids.flatMap((id) => {
        const h = store.get(id);
        return h && store.delete(id) ? [h] : [];
      }),
    ),
    restoreHighlights: vi.fn(async (records: HighlightRecord[]) => void records.forEach((r) => store.set(r.id, r))),
    updateHighlight: vi.fn(async (id: string, patch: Partial<HighlightRecord>) => {
      const h = store.get(id);
      if (!h) return undefined;
      const next = { ...h, ...patch, updated: new Date().toISOString() };
      store.set(id, next);
      return next;
    }),
    setPageNote: vi.fn(async (page: PageRecord, note: string) => {
      const next = { ...page, note, noteUpdated: new Date().toISOString() };
      data.pages = data.pages.map((p) => (p.url === page.url ? { ...next, highlightCount: p.highlightCount } : p));
      return next;
    }),
    exportFile: vi.fn(async (format: string) => ({ filename: `library.${format}`, blob: new Blob(['x'], { type: 'text/plain' }) })),
    previewImport: vi.fn(async (text: string): ReturnType<LibraryServices['previewImport']> =>
      text.startsWith('{') ? { ok: true, newPages: 2, newHighlights: 5, mergedHighlights: 3, pageNotes: 0, skipped: 0 } : { ok: false, error: 'Not a Sourcemark or W3C annotation file' },
    ),
    applyImport: vi.fn(async (): ReturnType<LibraryServices['applyImport']> => ({ ok: true, added: 5, merged: 3 })),
    openHighlight: vi.fn(),
    download: vi.fn(),
    loadSort: vi.fn(async (): Promise<LibrarySort> => 'recent'),
    saveSort: vi.fn(async (_: LibrarySort) => undefined),
  } satisfies LibraryServices;
  return { services, data, store };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<E>(sel)];
const count = () => $('[data-testid="result-count"]')!.textContent;
const rows = () => $$<HTMLLIElement>('.hl');
const button = (label: string) => $$<HTMLButtonElement>('button').find((b) => b.textContent!.startsWith(label))!;

/** Lets pending promises and timers (the 100 ms search debounce) run, then re-renders. */
async function settle(ms = 0) {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

async function mount(services: LibraryServices) {
  await act(() => render(<Library services={services} t={t} />, root));
  await settle();
}

async function type(value: string) {
  const input = $<HTMLInputElement>('input[type="search"]')!;
  input.value = value;
  await act(() => void input.dispatchEvent(new InputEvent('input', { bubbles: true })));
}

async function key(el: Element, k: string, init: KeyboardEventInit = {}) {
  await act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init })));
  await settle();
}

async function change(el: HTMLInputElement | HTMLSelectElement, value: string) {
  el.value = value;
  await act(() => void el.dispatchEvent(new Event('change', { bubbles: true })));
}

const distinctPages = (hs: HighlightRecord[]) => new Set(hs.map((h) => h.pageUrl)).size;
const expectCount = (hs: HighlightRecord[]) => expect(count()).toBe(`lib_resultCount:count_highlights_other:${hs.length}|count_pages_other:${distinctPages(hs)}`);

describe('Library page with 10,000 highlights', () => {
  it('dates each row in the language of its words, not the browser’s', async () => {
    const { services } = fakeServices();
    await mount(services);
    const time = rows()[0]!.querySelector('time')!;
    expect(time.textContent).toBe(new Intl.DateTimeFormat('ja', { dateStyle: 'medium' }).format(new Date(time.dateTime)));
    expect(time.textContent).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
  });

  it("shows each quote in its own words' direction (an Arabic passage in an English library)", async () => {
    const { services } = fakeServices();
    await mount(services);
    expect(rows()[0]!.querySelector('.quote')!.getAttribute('dir')).toBe('auto');
  });

  it('lists every highlight but renders only the first 50 rows, grouped by page, until "show more"', async () => {
    const { services, data } = fakeServices();
    await mount(services);
    expectCount(data.highlights);
    expect(rows()).toHaveLength(50);
    // The page highlighted on last comes first, its newest highlight at the top.
    const onFirstPage = data.highlights.filter((h) => h.pageUrl === data.pages[0]!.url);
    const newest = onFirstPage.sort((a, b) => b.created.localeCompare(a.created) || (a.id < b.id ? -1 : 1))[0]!;
    expect(rows()[0]!.dataset.id).toBe(newest.id);
    // Each page appears once, headed by its title and site.
    const titles = $$('.page-title').map((h) => h.textContent);
    expect(new Set(titles).size).toBe(titles.length);
    await act(() => button('lib_showMore').click());
    expect(rows()).toHaveLength(100);
  });

  it('"show more" adds rows only below those shown, a page’s older highlights never into a group scrolled past', async () => {
    const { services } = fakeServices();
    await mount(services);
    const before = rows().map((r) => r.dataset.id);
    await act(() => button('lib_showMore').click());
    const after = rows().map((r) => r.dataset.id);
    expect(after).toHaveLength(100);
    expect(after.slice(0, before.length)).toEqual(before);
    const titles = $$('.page-title').map((h) => h.textContent);
    expect(new Set(titles).size).toBe(titles.length);
  });

  const sortSelect = () => $$('.filters label').find((l) => l.textContent!.startsWith('lib_sort'))!.querySelector('select')!;
  /**
   * Page headings after "show more" until every row is shown, checking that rows only ever come below.
   * The button is found by its class: read by its words, every button's text was read at each step.
   */
  async function scrollToEnd() {
    let shown = rows().map((r) => r.dataset.id);
    for (let more = $('.show-more'); more; more = $('.show-more')) {
      await act(() => more!.click());
      const now = rows().map((r) => r.dataset.id);
      expect(now.slice(0, shown.length)).toEqual(shown);
      shown = now;
    }
    return $$('.page-title').map((h) => h.textContent);
  }


  it('lists pages in the order stored from the last visit, each page’s oldest row first under "oldest"', async () => {
    // 40 pages of two rows (a page's oldest first needs two): every "show more" draws the list again
    // and the checks read it all, so 120 pages of 400 rows took 1.2-4 s alone, over 5 s under load.
    const { services, data } = fakeServices(makeLibrary(80, 40));
    services.loadSort.mockResolvedValueOnce('oldest');
    await mount(services);
    expect(sortSelect().value).toBe('oldest');
    const last = data.pages.at(-1)!;
    expect($('.page-title')!.textContent).toBe(last.title);
    const oldest = data.highlights.filter((h) => h.pageUrl === last.url).sort((a, b) => a.created.localeCompare(b.created) || (a.id < b.id ? 1 : -1))[0]!;
    expect(rows()[0]!.dataset.id).toBe(oldest.id);
    // Page group by page group, in the order shown, each page once.
    expect(await scrollToEnd()).toEqual([...data.pages].reverse().map((p) => p.title));
  });

  it('a chosen order is saved, applies with the filters, and starts the list again from its top', async () => {
    // The last page with a pink highlight gets the most highlights of all, in yellow.
    // More than a screenful of pink rows: the list is shown from its top again after "show more".
    const library = makeLibrary(400);
    const last = library.pages.findLast((p) => library.highlights.some((h) => h.pageUrl === p.url && h.color === 'pink'))!;
    const model = library.highlights.find((h) => h.pageUrl === last.url)!;
    for (let i = 0; i < 30; i++) library.highlights.push({ ...model, id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, color: 'yellow' });
    last.highlightCount += 30;
    const { services, data } = fakeServices(library);
    await mount(services);
    const pink = $$<HTMLInputElement>('.filters input[type="radio"]').find((r) => r.getAttribute('aria-label') === 'lib_color_pink')!;
    await act(() => pink.click());
    await act(() => button('lib_showMore').click());
    await change(sortSelect(), 'count');
    expect(services.saveSort).toHaveBeenCalledWith('count');
    expect(rows()).toHaveLength(50);
    const pinkOn = (p: LibraryPage) => data.highlights.filter((h) => h.pageUrl === p.url && h.color === 'pink').length;
    // The pages with pink highlights, most highlights of any colour first (the filter picks pages,
    // the order is the pages' own); among equals, the page highlighted on last (the lower index).
    const expected = data.pages.map((p, i) => ({ p, i, n: p.highlightCount, pink: pinkOn(p) })).filter((x) => x.pink > 0);
    expected.sort((a, b) => b.n - a.n || a.i - b.i);
    expect(new Set(expected.map((x) => x.n)).size).toBeGreaterThan(1);
    expect(expected[0]!.p).toBe(last);
    expect(await scrollToEnd()).toEqual(expected.map((x) => x.p.title));
  });

  it('renders more rows when the end of the list nears the viewport', async () => {
    const callbacks: Array<(entries: Array<{ isIntersecting: boolean }>) => void> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: (entries: Array<{ isIntersecting: boolean }>) => void) {
          callbacks.push(cb);
        }
        observe() {}
        disconnect() {}
      },
    );
    try {
      const { services } = fakeServices();
      await mount(services);
      await act(() => callbacks.at(-1)!([{ isIntersecting: false }]));
      expect(rows()).toHaveLength(50);
      await act(() => callbacks.at(-1)!([{ isIntersecting: true }]));
      expect(rows()).toHaveLength(100);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([['长江'], ['CLIMATE'], ['备注 长江'], ['标题']])('search "%s" finds quotes, notes and titles, after the debounce', async (q) => {
    const { services, data } = fakeServices();
    await mount(services);
    await type(q);
    expectCount(data.highlights); // typing alone does not search: the debounce holds it
    await settle(150);
    const titles = new Map(data.pages.map((p) => [p.url, p.title]));
    const terms = q.toLowerCase().split(' ');
    const expected = data.highlights.filter((h) => terms.every((w) => `${h.quote}\n${h.note}\n${titles.get(h.pageUrl)}`.toLowerCase().includes(w)));
    expect(expected.length).toBeGreaterThan(0);
    expectCount(expected);
    const ids = new Set(expected.map((h) => h.id));
    expect(rows().every((r) => ids.has(r.dataset.id!))).toBe(true);
  });

  it('filters by site, colour and date range, and the filters combine', async () => {
    const { services, data } = fakeServices();
    await mount(services);
    const site = SITES[1]!;
    await change($<HTMLSelectElement>('.filters select')!, site);
    const bySite = data.highlights.filter((h) => new URL(h.pageUrl).hostname === site);
    expectCount(bySite);

    const pink = $$<HTMLInputElement>('.filters input[type="radio"]').find((r) => r.getAttribute('aria-label') === 'lib_color_pink')!;
    await act(() => pink.click());
    const bySiteColor = bySite.filter((h) => h.color === 'pink');
    expectCount(bySiteColor);
    expect(rows().every((r) => r.querySelector('.swatch')!.getAttribute('data-color') === 'pink')).toBe(true);

    const [from, to] = $$<HTMLInputElement>('.filters input[type="date"]');
    await change(from!, '2024-03-01');
    await change(to!, '2024-04-30');
    expectCount(bySiteColor.filter((h) => h.created >= '2024-03-01' && h.created < '2024-05-01'));

    const any = $$<HTMLInputElement>('.filters input[type="radio"]').find((r) => r.getAttribute('aria-label') === 'lib_anyColor')!;
    await act(() => any.click());
    expectCount(bySite.filter((h) => h.created >= '2024-03-01' && h.created < '2024-05-01'));
  });

  it('bulk-deletes the selected highlights through the service, and Undo restores exactly those', async () => {
    const { services, data } = fakeServices();
    await mount(services);
    const picked = rows().slice(0, 3);
    for (const r of picked) await act(() => r.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    const ids = picked.map((r) => r.dataset.id!);
    expect(button('lib_deleteSelected').textContent).toBe('lib_deleteSelected:3');

    await act(() => button('lib_deleteSelected').click());
    await settle();
    expect(services.deleteHighlights).toHaveBeenCalledWith(ids);
    expect(rows().some((r) => ids.includes(r.dataset.id!))).toBe(false);
    expect(count()).toMatch(new RegExp(`^lib_resultCount:count_highlights_other:${HIGHLIGHT_COUNT - 3}\\|`));
    expect($('.toast')!.textContent).toContain('lib_deleted_other:3');
    expect(document.activeElement).toBe(button('lib_undo')); // the delete button disabled itself

    await act(() => button('lib_undo').click());
    await settle();
    expect(services.restoreHighlights).toHaveBeenCalledWith(data.highlights.filter((h) => ids.includes(h.id)));
    expectCount(data.highlights);
    expect(rows().slice(0, 3).map((r) => r.dataset.id)).toEqual(ids);
    expect($('.toast')!.textContent).toContain('lib_restored_other:3');
    expect((document.activeElement as HTMLElement).dataset.id).toBe(ids[0]);
  });

  it('"select all" takes every result of the current filter, not only the rendered rows', async () => {
    const { services, data } = fakeServices();
    await mount(services);
    await change($<HTMLSelectElement>('.filters select')!, SITES[2]!);
    const expected = data.highlights.filter((h) => h.pageUrl.includes(SITES[2]!));
    expect(expected.length).toBeGreaterThan(rows().length);
    await act(() => $<HTMLInputElement>('.lib-toolbar input[type="checkbox"]')!.click());
    await act(() => button('lib_deleteSelected').click());
    await settle();
    expect(new Set(services.deleteHighlights.mock.calls[0]![0])).toEqual(new Set(expected.map((h) => h.id)));
    expect($('.empty')!.textContent).toBe('lib_noMatches');
  });

  it('changing a filter drops the selection, so hidden highlights are never deleted', async () => {
    const { services } = fakeServices();
    await mount(services);
    await act(() => rows()[0]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    await change($<HTMLSelectElement>('.filters select')!, SITES[0]!);
    expect(button('lib_deleteSelected').disabled).toBe(true);
  });

  it('shows a storage failure as a banner with retry, and loads on retry', async () => {
    const { services } = fakeServices();
    services.load.mockRejectedValueOnce(new Error('QuotaExceededError: the disk is full'));
    await mount(services);
    expect($('[role="alert"]')!.textContent).toContain('the disk is full');
    expect(rows()).toHaveLength(0);
    await act(() => button('lib_retry').click());
    await settle();
    expect($('[role="alert"]')).toBeNull();
    expect(rows()).toHaveLength(50);
  });

  it('loads again when the reader returns to the tab, showing changes made elsewhere', async () => {
    const { services, store, data } = fakeServices();
    await mount(services);
    store.delete(rows()[0]!.dataset.id!);
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await settle();
    expect(services.load).toHaveBeenCalledTimes(2);
    expect(count()).toMatch(new RegExp(`^lib_resultCount:count_highlights_other:${data.highlights.length - 1}\\|`));
  });

  it('drops the Undo once a reload finds the deleted highlight back (restored elsewhere), not before', async () => {
    const { services, store, data } = fakeServices();
    await mount(services);
    const row = rows()[0]!;
    const gone = data.highlights.find((h) => h.id === row.dataset.id)!;
    row.focus();
    await key(row, 'Delete');
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await settle();
    expect($('.toast')!.textContent).toContain('lib_undo');
    store.set(gone.id, gone);
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await settle();
    expect($('.toast')).toBeNull();
  });

  it('shows no answer of a load begun before a delete: the deleted row stays gone, its Undo stays', async () => {
    const { services, data } = fakeServices();
    await mount(services);
    // The reader comes back to the tab; the store answers that load only after the delete.
    let answer!: () => void;
    const before = { pages: data.pages, highlights: [...data.highlights] };
    services.load.mockImplementationOnce(() => new Promise((resolve) => (answer = () => resolve(before))));
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    const row = rows()[0]!;
    row.focus();
    await key(row, 'Delete');
    await act(async () => answer());
    await settle();
    expect(rows().some((r) => r.dataset.id === row.dataset.id)).toBe(false);
    expect($('.toast')!.textContent).toContain('lib_undo');
  });

  it('reads the library again when a change here overtook a load: an import shows, the deleted row stays gone', async () => {
    const { services, data, store } = fakeServices();
    await mount(services);
    // Something arrives from elsewhere (an import, another tab) while the reader deletes a row.
    let answer!: () => void;
    const arrived = { ...data.highlights[0]!, id: '00000000-0000-4000-8000-0000000000aa', quote: '别处新加的高亮' };
    services.load.mockImplementationOnce(() => new Promise((resolve) => (answer = () => resolve({ pages: data.pages, highlights: [...store.values()] }))));
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    store.set(arrived.id, arrived);
    const row = rows()[0]!;
    row.focus();
    await key(row, 'Delete');
    await act(async () => answer());
    await settle();
    expect(services.load).toHaveBeenCalledTimes(3);
    expect(rows().some((r) => r.dataset.id === row.dataset.id)).toBe(false);
    expect(count()).toMatch(new RegExp(`^lib_resultCount:count_highlights_other:${data.highlights.length}\\|`));
  });

  it('keeps a failed delete visible and reports it', async () => {
    const { services } = fakeServices();
    services.deleteHighlights.mockRejectedValueOnce(new Error('Database upgrade blocked by another tab'));
    await mount(services);
    const row = rows()[0]!;
    row.focus();
    await key(row, 'Delete');
    expect($('[role="alert"]')!.textContent).toContain('upgrade blocked');
    expect(rows()[0]!.dataset.id).toBe(row.dataset.id);
  });
});

describe('Library import and export', () => {
  async function pickFile(text: string, name = 'annotations.json') {
    const input = $<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name)] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
  }

  it('refuses a file over the import limit by its size, without reading or sending it', async () => {
    const { services } = fakeServices();
    await mount(services);
    const input = $<HTMLInputElement>('[data-testid="import-file"]')!;
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: IMPORT_MAX_BYTES + 1 });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(services.previewImport).not.toHaveBeenCalled();
    expect($('[role="alert"]')!.textContent).toContain(`export_import_too_large:${IMPORT_MAX_BYTES / 1024 / 1024}`);
  });

  it('shows what an import will add and merge, and writes only on confirm', async () => {
    const { services } = fakeServices();
    await mount(services);
    await pickFile('{"type":"AnnotationCollection"}');
    expect(services.previewImport).toHaveBeenCalledWith('{"type":"AnnotationCollection"}');
    expect(services.applyImport).not.toHaveBeenCalled();
    const preview = $('.import-preview')!;
    expect(preview.textContent).toContain('annotations.json');
    expect(preview.textContent).toContain('lib_importSummary:count_newPages_other:2|count_newHighlights_other:5|count_merged_other:3');
    expect(preview.textContent).not.toContain('lib_importSkipped');
    const confirm = button('lib_importConfirm');
    expect(document.activeElement).toBe(confirm);

    await act(() => confirm.click());
    await settle();
    expect(services.applyImport).toHaveBeenCalledWith('{"type":"AnnotationCollection"}');
    expect(services.load).toHaveBeenCalledTimes(2); // the library reloads what was imported
    expect($('.import-done')!.textContent).toBe('lib_importDone:5|3');
    // The Import button was disabled while the file was written: the keyboard is put on the outcome, not dropped.
    expect(document.activeElement).toBe($('.import-done'));
  });

  it('counts in English with singular nouns where the number is one', async () => {
    const one = makeLibrary();
    const { services } = fakeServices({ pages: one.pages.slice(0, 1), highlights: one.highlights.filter((h) => h.pageUrl === one.pages[0]!.url).slice(0, 1) });
    services.previewImport.mockResolvedValue({ ok: true, newPages: 1, newHighlights: 3, mergedHighlights: 1, pageNotes: 1, skipped: 1 });
    await act(() => render(<Library services={services} t={translator('en')} />, root));
    await settle();
    expect(count()).toBe('1 highlight on 1 page');
    await pickFile('{}');
    expect($('.import-preview')!.textContent).toContain('1 new page, 3 new highlights, 1 highlight merged with one you have.');
    // What the file holds and the import leaves out is said, not just left uncounted.
    expect($('.import-preview')!.textContent).toContain('1 annotation is left out: it neither quotes text of a web page nor notes a whole one');
    expect($('.import-preview')!.textContent).toContain('1 page note (a note on a whole page): where the page has one already, the later of the two is kept.');
  });

  it('after delete all and an import, the Undo of that delete goes: the import changed the library under it', async () => {
    const { services, data, store } = fakeServices();
    services.applyImport.mockImplementation(async () => {
      for (const h of data.highlights) store.set(h.id, h); // the export made before the delete, read back
      return { ok: true, added: data.highlights.length, merged: 0 };
    });
    await mount(services);
    await act(() => $<HTMLInputElement>('.lib-toolbar input[type="checkbox"]')!.click());
    await act(() => button('lib_deleteSelected').click());
    await settle();
    expect(button('lib_undo')).toBeDefined();
    await pickFile('{"type":"AnnotationCollection"}');
    await act(() => button('lib_importConfirm').click());
    await settle();
    expectCount(data.highlights);
    expect($('.toast')).toBeNull();
    expect(services.restoreHighlights).not.toHaveBeenCalled();
  });

  it('offers no export from an empty library, only the import', async () => {
    const { services } = fakeServices({ pages: [], highlights: [] });
    await mount(services);
    expect(button('lib_exportAll').disabled).toBe(true);
    expect(button('lib_exportResults').disabled).toBe(true);
    expect(button('lib_import').disabled).toBe(false);
  });

  it('cancelling the preview writes nothing', async () => {
    const { services } = fakeServices();
    await mount(services);
    await pickFile('{}');
    await act(() => $$<HTMLButtonElement>('.import-preview button').find((b) => b.textContent === 'lib_cancel')!.click());
    expect($('.import-preview')).toBeNull();
    expect(services.applyImport).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('lib_import'));
  });

  it('shows a rejected file as an error and never applies it', async () => {
    const { services } = fakeServices();
    await mount(services);
    await pickFile('garbage', 'notes.txt');
    expect($('.import-preview')).toBeNull();
    expect($('.transfer [role="alert"]')!.textContent).toContain('Not a Sourcemark or W3C annotation file');
    expect(services.applyImport).not.toHaveBeenCalled();
    expect(document.activeElement).toBe($('.transfer [role="alert"]'));
  });

  it('says why an import failed in one sentence of the reader’s language, with no space after the Chinese colon', async () => {
    const { services } = fakeServices();
    services.previewImport.mockResolvedValue({ ok: false, error: '这不是有效的 JSON 文件。' });
    await act(() => render(<Library services={services} t={translator('zh_CN')} />, root));
    await settle();
    await pickFile('garbage', 'notes.txt');
    expect($('.transfer [role="alert"]')!.textContent).toBe('导入失败，未做任何更改：这不是有效的 JSON 文件。');
  });

  it.each([
    ['lib_exportAll', 'json', null],
    ['lib_exportResults', 'csv', 'filtered'],
  ] as const)('%s in %s asks for the right pages and downloads the file', async (label, format, pages) => {
    const { services, data } = fakeServices();
    await mount(services);
    await change($<HTMLSelectElement>('.transfer select')!, format);
    await change($<HTMLSelectElement>('.filters select')!, SITES[3]!);
    await act(() => button(label).click());
    await settle();
    const expectedPages = pages && [...new Set(data.highlights.filter((h) => h.pageUrl.includes(SITES[3]!)).map((h) => h.pageUrl))];
    const [gotFormat, gotPages] = services.exportFile.mock.calls[0] as unknown as [string, string[] | null];
    expect(gotFormat).toBe(format);
    expect(gotPages && [...gotPages].sort()).toEqual(expectedPages && expectedPages.sort());
    expect(services.download).toHaveBeenCalledWith(await services.exportFile.mock.results[0]!.value);
  });
});

describe('Library keyboard use', () => {
  it('a focused row opens on Enter, toggles selection on Space', async () => {
    const { services, data } = fakeServices();
    await mount(services);
    const row = rows()[1]!;
    row.focus();
    await key(row, 'Enter');
    expect(services.openHighlight).toHaveBeenCalledWith(data.highlights.find((h) => h.id === row.dataset.id));
    await key(row, ' ');
    expect(row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
    await key(row, ' ');
    expect(row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(false);
  });

  it('Delete on a focused row deletes it, keeps focus in the list, and Ctrl+Z undoes it', async () => {
    const { services } = fakeServices();
    await mount(services);
    const [first, second] = rows();
    first!.focus();
    await key(first!, 'Delete');
    expect(services.deleteHighlights).toHaveBeenCalledWith([first!.dataset.id]);
    expect((document.activeElement as HTMLElement).dataset.id).toBe(second!.dataset.id);
    await key(document.activeElement!, 'z', { ctrlKey: true });
    expect(services.restoreHighlights).toHaveBeenCalledTimes(1);
    expect(rows()[0]!.dataset.id).toBe(first!.dataset.id);
    expect(document.activeElement).toBe(rows()[0]);
  });

  it("a row's own Delete button deletes it, names its quote for screen readers, and moves focus to the next row", async () => {
    const { services } = fakeServices();
    await mount(services);
    const [first, second] = rows();
    const button = first!.querySelector<HTMLButtonElement>('button.danger')!;
    expect(button.getAttribute('aria-label')).toBe(`lib_deleteOne:${first!.getAttribute('aria-label')}`);
    button.focus();
    await act(async () => button.click());
    expect(services.deleteHighlights).toHaveBeenCalledWith([first!.dataset.id]);
    expect((document.activeElement as HTMLElement).dataset.id).toBe(second!.dataset.id);
  });

  it('deletes in a row add up: one Undo brings all of them back', async () => {
    const { services } = fakeServices();
    await mount(services);
    const [first, second] = rows().map((r) => r.dataset.id!);
    rows()[0]!.focus();
    await key(rows()[0]!, 'Delete');
    await key(document.activeElement!, 'Delete');
    expect(services.deleteHighlights.mock.calls).toEqual([[[first]], [[second]]]);
    await key(document.activeElement!, 'z', { ctrlKey: true });
    expect(services.restoreHighlights).toHaveBeenCalledTimes(1);
    const restored = (services.restoreHighlights.mock.calls[0] as unknown as [Array<{ id: string }>])[0].map((r) => r.id);
    expect(restored).toEqual([first, second]);
    expect(rows().slice(0, 2).map((r) => r.dataset.id)).toEqual([first, second]);
  });

  it('keys typed inside a row’s controls stay theirs: Delete in the note editor deletes nothing', async () => {
    const { services } = fakeServices();
    await mount(services);
    const row = rows()[0]!;
    await act(() => row.querySelector<HTMLButtonElement>('.hl-meta button')!.click());
    const textarea = row.querySelector('textarea')!;
    expect(document.activeElement).toBe(textarea);
    await key(textarea, 'Delete');
    await key(textarea, 'z', { ctrlKey: true });
    expect(services.deleteHighlights).not.toHaveBeenCalled();
    expect(services.restoreHighlights).not.toHaveBeenCalled();
  });

  it('edits a note inline: Ctrl+Enter saves note and colour, Escape cancels', async () => {
    const { services } = fakeServices();
    await mount(services);
    const row = rows()[0]!;
    const id = row.dataset.id!;
    await act(() => row.querySelector<HTMLButtonElement>('.hl-meta button')!.click());
    const textarea = row.querySelector('textarea')!;
    textarea.value = '新的笔记 with "quotes"';
    await act(() => void textarea.dispatchEvent(new InputEvent('input', { bubbles: true })));
    const blue = [...row.querySelectorAll<HTMLInputElement>('.note-editor input[type="radio"]')].find((r) => r.getAttribute('aria-label') === 'lib_color_blue')!;
    await act(() => blue.click());
    await key(row.querySelector('textarea')!, 'Enter', { ctrlKey: true });
    expect(services.updateHighlight).toHaveBeenCalledWith(id, { note: '新的笔记 with "quotes"', color: 'blue' });
    const saved = rows().find((r) => r.dataset.id === id)!;
    expect(saved.querySelector('textarea')).toBeNull();
    expect(saved.querySelector('.note')!.textContent).toBe('新的笔记 with "quotes"');
    expect(saved.querySelector('.swatch')!.getAttribute('data-color')).toBe('blue');
    expect(document.activeElement).toBe(saved); // back on the row, ready for the next key

    await act(() => saved.querySelector<HTMLButtonElement>('.hl-meta button')!.click());
    await key(saved.querySelector('textarea')!, 'Escape');
    expect(saved.querySelector('textarea')).toBeNull();
    expect(services.updateHighlight).toHaveBeenCalledTimes(1);
  });

  it('keeps a row edited under a search listed, and the keyboard on it, until the search changes', async () => {
    const { services } = fakeServices();
    await mount(services);
    await type('备注');
    await settle(150);
    const row = rows()[0]!;
    const id = row.dataset.id!;
    const matched = count();
    await act(() => row.querySelector<HTMLButtonElement>('.hl-meta button')!.click());
    const textarea = row.querySelector('textarea')!;
    textarea.value = 'checked';
    await act(() => void textarea.dispatchEvent(new InputEvent('input', { bubbles: true })));
    await key(textarea, 'Enter', { ctrlKey: true });
    expect(services.updateHighlight).toHaveBeenCalledWith(id, expect.objectContaining({ note: 'checked' }));
    expect(rows()[0]!.dataset.id).toBe(id);
    expect(document.activeElement).toBe(rows()[0]);
    expect(count()).toBe(matched);
    await type('备注 ');
    await settle(150);
    expect(rows().some((r) => r.dataset.id === id)).toBe(false);
  });

  it('a failed save keeps the editor open with the text typed', async () => {
    const { services } = fakeServices();
    services.updateHighlight.mockRejectedValueOnce(new Error('QuotaExceededError'));
    await mount(services);
    const row = rows()[0]!;
    await act(() => row.querySelector<HTMLButtonElement>('.hl-meta button')!.click());
    const textarea = row.querySelector('textarea')!;
    textarea.value = 'keep me';
    await act(() => void textarea.dispatchEvent(new InputEvent('input', { bubbles: true })));
    await key(textarea, 'Enter', { ctrlKey: true });
    expect($('[role="alert"]')!.textContent).toContain('QuotaExceededError');
    expect(row.querySelector('textarea')!.value).toBe('keep me');
  });
});

describe('grouping and provenance summary', () => {
  const page = (publisher: string | null, sources: Array<[string, 'publisher' | 'reprinted-from' | 'reported-by' | 'cited', string?]>): PageRecord => ({
    url: 'https://a.example/1',
    title: 'T',
    publisher,
    provenance: { publisher, sources: sources.map(([outlet, role, date]) => ({ outlet, role, via: null, date: date ?? null, evidence: '' })), credits: [], originalTitle: null, publishedAt: null },
    firstSeen: '',
    lastSeen: '',
  });

  it.each([
    ['publisher and the far end of the chain', page('网易新闻', [['网易新闻', 'publisher'], ['澎湃新闻', 'reprinted-from'], ['新华社', 'reported-by']]), 'lib_provenance:网易新闻|新华社'],
    ['the earliest dated report, not the last listed', page('海南信息港', [['海南信息港', 'publisher'], ['参考消息网', 'reprinted-from', '2024-02-23'], ['联合早报', 'reported-by', '2024-02-20'], ['纽约时报', 'reported-by', '2024-02-21']]), 'lib_provenance:海南信息港|联合早报'],
    ['publisher alone', page('BBC', [['BBC', 'publisher']]), 'BBC'],
    ['origin without a publisher', page(null, [['Reuters', 'reported-by']]), 'lib_provenanceOrigin:Reuters'],
    ['nothing known', { ...page(null, []), provenance: null }, null],
  ])('%s', (_, p, expected) => {
    expect(provenanceSummary(p, t)).toBe(expected);
  });

  it('takes the first rows page by page, cutting the last page’s group where the limit falls', () => {
    const h = (id: string, pageUrl: string) => ({ id, pageUrl }) as HighlightRecord;
    const groups = groupByPage([h('1', 'a'), h('2', 'b'), h('3', 'a'), h('4', 'c'), h('5', 'b')]);
    const ids = (limit: number) => firstRows(groups, limit).map((g) => [g.url, g.items.map((i) => i.id)]);
    expect(ids(3)).toEqual([
      ['a', ['1', '3']],
      ['b', ['2']],
    ]);
    expect(ids(2)).toEqual([['a', ['1', '3']]]);
    expect(ids(99)).toEqual(groups.map((g) => [g.url, g.items.map((i) => i.id)]));
  });

  it('groups by page in order of each page’s first result, keeping the order inside a page', () => {
    const h = (id: string, pageUrl: string) => ({ id, pageUrl }) as HighlightRecord;
    const groups = groupByPage([h('1', 'a'), h('2', 'b'), h('3', 'a'), h('4', 'c'), h('5', 'b')]);
    expect(groups.map((g) => [g.url, g.items.map((i) => i.id)])).toEqual([
      ['a', ['1', '3']],
      ['b', ['2', '5']],
      ['c', ['4']],
    ]);
  });
});

describe('Library: an empty library', () => {
  it('says once that there is nothing yet and how to start, with no count of nothing or filters over it', async () => {
    const { services } = fakeServices({ pages: [], highlights: [] });
    await mount(services);
    expect($$('.empty').map((p) => p.textContent)).toEqual(['lib_empty']);
    expect($('[data-testid="result-count"]')).toBeNull();
    expect($('.filters')).toBeNull();
    expect(root.textContent).not.toContain('lib_noMatches');
  });

  it('a library holding only a page note is not empty', async () => {
    const note = { url: 'https://news.example.cn/a/1.html', title: '标题', publisher: null, provenance: null, firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:00:00.000Z', note: 'why I kept this', noteUpdated: '2024-01-01T00:00:00.000Z', highlightCount: 0 };
    const { services } = fakeServices({ pages: [note], highlights: [] });
    await mount(services);
    expect($('.empty')).toBeNull();
    expect(count()).toBe('lib_resultCount:count_highlights_other:0|count_pages_one:1');
  });
});

describe('Library: page notes', () => {
  /** The library with a note on page 0 (which has highlights) and a page with only a note. */
  function withNotes() {
    const library = makeLibrary();
    Object.assign(library.pages[0]!, { note: 'the 参考消息 original\n  says otherwise <b>bold?</b>', noteUpdated: '2024-06-01T12:00:00.000Z' });
    library.pages.push({
      url: 'https://only.example.org/noted.html',
      title: 'Only a note here',
      publisher: null,
      provenance: null,
      firstSeen: '2026-01-01T00:00:00.000Z',
      lastSeen: '2026-01-01T00:00:00.000Z',
      note: 'why I kept this',
      noteUpdated: '2026-01-01T00:00:00.000Z',
      highlightCount: 0,
    });
    return library;
  }
  const group = (title: string) => $$('.page-group').find((g) => g.querySelector('.page-title')!.textContent === title);

  it('shows a page’s note under its heading as plain text, its lines kept', async () => {
    const { services, data } = fakeServices(withNotes());
    await mount(services);
    const text = group(data.pages[0]!.title)!.querySelector('.page-head .page-note-text')!;
    expect(text.textContent).toBe('the 参考消息 original\n  says otherwise <b>bold?</b>');
    expect(text.querySelector('b')).toBeNull();
  });

  it('lists a page with only a note, first by its time, and counts it among the pages', async () => {
    const { services, data } = fakeServices(withNotes());
    await mount(services);
    expect($('.page-title')!.textContent).toBe('Only a note here');
    expect(group('Only a note here')!.querySelector('.hl')).toBeNull();
    expect(count()).toBe(`lib_resultCount:count_highlights_other:${data.highlights.length}|count_pages_other:${PAGE_COUNT + 1}`);
  });

  it('finds a page by its note (traditional characters too), even where none of its highlights match', async () => {
    const { services, data } = fakeServices(withNotes());
    await mount(services);
    await type('參考消息');
    await settle(150);
    expect($$('.page-title').map((h) => h.textContent)).toEqual([data.pages[0]!.title]);
    expect(rows()).toHaveLength(0);
    expect(count()).toBe('lib_resultCount:count_highlights_other:0|count_pages_one:1');
    await type('nothing matches this');
    await settle(150);
    expect($('.empty')!.textContent).toBe('lib_noMatches');
  });

  it('edits a page’s note in place, keeping the page listed under the search that found it', async () => {
    const { services } = fakeServices(withNotes());
    await mount(services);
    await type('kept this');
    await settle(150);
    await act(() => button('lib_editPageNote').click());
    const field = $<HTMLTextAreaElement>('.page-note-editor textarea')!;
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('why I kept this');
    field.value = 'rewritten';
    await act(() => void field.dispatchEvent(new InputEvent('input', { bubbles: true })));
    await key(field, 'Enter', { ctrlKey: true });
    expect(services.setPageNote).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://only.example.org/noted.html' }), 'rewritten');
    expect($('.page-note-text')!.textContent).toBe('rewritten');
    expect(document.activeElement).toBe(button('lib_editPageNote'));
  });

  it('offers a note on a page without one, named for its page', async () => {
    const library = makeLibrary();
    const { services, data } = fakeServices({ pages: library.pages.slice(0, 1), highlights: library.highlights.filter((h) => h.pageUrl === library.pages[0]!.url) });
    await mount(services);
    const add = group(data.pages[0]!.title)!.querySelector<HTMLButtonElement>('.page-note-edit')!;
    expect(add.textContent).toBe('lib_addPageNote');
    expect(document.getElementById(add.getAttribute('aria-describedby')!)!.textContent).toBe(data.pages[0]!.title);
  });

  /**
   * The library over the real store (fake-indexeddb), which lists highlights without a page record
   * under their address (listedPages) and no longer lists a page whose highlights are all deleted.
   */
  async function overStore(fill: (store: AnnotationStore) => Promise<void>) {
    const store = await openAnnotationDb(new IDBFactory());
    await fill(store);
    const { services } = fakeServices({ pages: [], highlights: [] });
    Object.assign(services, {
      load: () => store.library().finally(() => loaded++),
      deleteHighlights: (ids: string[]) => store.deleteHighlights(ids),
      restoreHighlights: (records: HighlightRecord[]) => store.restoreHighlights(records),
      setPageNote: (page: PageRecord, note: string) => store.setPageNote(page, note),
    });
    await mount(services);
    return store;
  }

  /** How many times the library has read the store (see overStore). */
  let loaded = 0;

  /** Settles until `done`: the store answers over several turns of the event loop. */
  async function until(done: () => boolean) {
    for (let i = 0; i < 100 && !done(); i++) await settle();
    expect(done()).toBe(true);
  }

  /** Every highlight deleted, the library read again (the reader came back to its tab), then Undo. */
  async function deleteAllReloadAndUndo(gone: () => boolean, back: () => boolean) {
    await act(() => $<HTMLInputElement>('.lib-toolbar input[type="checkbox"]')!.click());
    await act(() => button('lib_deleteSelected').click());
    await until(() => !!$('.toast'));
    const before = loaded;
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await until(() => gone() && loaded > before);
    // The read drawn before the reader's next click, as it is long before a reader clicks.
    await settle();
    await act(() => button('lib_undo').click());
    await until(back);
  }

  it('offers a note on a page whose highlights have no page record, also once an Undo brought them back after a reload', async () => {
    const url = 'https://norecord.example.org/a.html';
    const store = await overStore(async (store) => {
      for (const [i, quote] of ['first', 'second'].entries()) await store.putHighlight(quoteHighlight(url, quote, { id: `00000000-0000-4000-8000-00000000000${i}` }));
    });
    await until(() => rows().length === 2);
    expect(group(url)!.querySelector('.page-note-edit')!.textContent).toBe('lib_addPageNote');

    await deleteAllReloadAndUndo(() => !group(url), () => rows().length === 2);
    const add = group(url)!.querySelector<HTMLButtonElement>('.page-note-edit')!;
    expect(add.textContent).toBe('lib_addPageNote');

    await act(() => add.click());
    const field = $<HTMLTextAreaElement>('.page-note-editor textarea')!;
    field.value = 'kept without its page';
    await act(() => void field.dispatchEvent(new InputEvent('input', { bubbles: true })));
    await key(field, 'Enter', { ctrlKey: true });
    await until(() => !$('.page-note-editor'));
    expect((await store.getPage(url))?.note).toBe('kept without its page');
    expect(group(url)!.querySelector('.page-note-text')!.textContent).toBe('kept without its page');
    expect(group(url)!.querySelector('.page-note-edit')!.textContent).toBe('lib_editPageNote');
    store.close();
  });

  it('names a page by its record again once an Undo brought back its last highlights after a reload', async () => {
    const url = 'https://kept.example.org/a.html';
    const store = await overStore(async (store) => {
      await store.savePage({ url, title: '留下的标题', publisher: '江城日报', provenance: null });
      await store.putHighlight(quoteHighlight(url, 'first'));
    });
    await until(() => !!group('留下的标题'));
    // Listed again without its record, the page was named by its address until the next reload.
    await deleteAllReloadAndUndo(() => !group('留下的标题'), () => rows().length === 1);
    await until(() => !!group('留下的标题'));
    expect(group(url)).toBeUndefined();
    store.close();
  });
});
