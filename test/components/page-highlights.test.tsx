// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageHighlights, orderHighlights, type PageHighlightsServices } from '@/components/PageHighlights';
import type { HighlightRecord } from '@/utils/annotation-types';
import type { AnchorStatus } from '@/utils/messages';

const t = (key: string, subs?: string | string[]) => (subs === undefined ? key : `${key}:${[subs].flat().join('|')}`);

function record(id: string, quote: string, created: string): HighlightRecord {
  return { id, pageUrl: 'https://a.example/x', selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }], quote, color: 'yellow', note: '', created, updated: created };
}

const A = record('a', '第一段', '2024-01-03T00:00:00.000Z');
const B = record('b', '第二段', '2024-01-01T00:00:00.000Z');
const C = record('c', '被改写的段落', '2024-01-02T00:00:00.000Z');

describe('orderHighlights', () => {
  it('lists placed highlights in document order, then the unplaced ones flagged', () => {
    const status: AnchorStatus = { placed: ['b', 'a'], orphaned: ['c'] };
    expect(orderHighlights([A, B, C], status).map((r) => [r.h.id, r.found])).toEqual([
      ['b', true],
      ['a', true],
      ['c', false],
    ]);
  });

  it('without a content script, lists by creation time and flags nothing as missing', () => {
    expect(orderHighlights([A, B, C], null).map((r) => [r.h.id, r.found])).toEqual([
      ['b', true],
      ['c', true],
      ['a', true],
    ]);
  });
});

describe('PageHighlights', () => {
  let host: HTMLElement;
  let stored: HighlightRecord[];
  let services: PageHighlightsServices;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    stored = [A, B, C];
    services = {
      load: vi.fn(async () => ({ highlights: [...stored], status: { placed: ['a', 'b'], orphaned: ['c'] } })),
      update: vi.fn(async () => undefined),
      remove: vi.fn(async (id: string) => {
        const gone = stored.filter((h) => h.id === id);
        stored = stored.filter((h) => h.id !== id);
        return gone;
      }),
      restore: vi.fn(async (records: HighlightRecord[]) => void stored.push(...records)),
      scrollTo: vi.fn(),
      exportPage: vi.fn(async () => undefined),
    };
  });
  afterEach(() => render(null, host));

  const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
  const show = async (onError: (m: string) => void) => {
    await act(() => render(<PageHighlights services={services} t={t} onError={onError} />, host));
    await flush();
  };
  const rows = () => [...host.querySelectorAll('.hl-row')].map((li) => (li as HTMLElement).dataset.id);

  it('shows the unplaced highlight with its quote as not found, and scrolls to a placed one', async () => {
    await show(() => undefined);
    expect(rows()).toEqual(['a', 'b', 'c']);
    const missing = host.querySelector('.hl-row[data-id="c"]')!;
    expect(missing.textContent).toContain('被改写的段落');
    expect(missing.textContent).toContain('hl_not_found');
    (host.querySelector('.hl-row[data-id="b"] .quote') as HTMLButtonElement).click();
    expect(services.scrollTo).toHaveBeenCalledWith('b');
  });

  // Every row's Delete, Add a note and Colour read alike: a screen reader tabbing through 200 rows
  // heard "Delete" 200 times and no passage.
  it("describes each row's buttons by the start of their passage", async () => {
    const long = record('d', `${'很长的段落'.repeat(20)}`, '2024-01-04T00:00:00.000Z');
    stored = [A, long];
    services.load = vi.fn(async () => ({ highlights: [...stored], status: { placed: ['a', 'd'], orphaned: [] } }));
    await show(() => undefined);
    const described = (id: string) =>
      [...host.querySelectorAll(`.hl-row[data-id="${id}"] button.note, .hl-row[data-id="${id}"] button.color, .hl-row[data-id="${id}"] button.danger`)].map(
        (b) => host.querySelector(`[id="${b.getAttribute('aria-describedby')}"]`)?.textContent,
      );
    expect(described('a')).toEqual(['第一段', '第一段', '第一段']);
    expect(described('d')).toEqual(Array(3).fill(`${'很长的段落'.repeat(8)}…`));
  });

  it("shows each quote and note in its own words' direction (an Arabic passage in an English popup)", async () => {
    stored = [{ ...A, note: 'ملاحظة' }];
    services.load = vi.fn(async () => ({ highlights: [...stored], status: { placed: ['a'], orphaned: [] } }));
    await show(() => undefined);
    expect([...host.querySelectorAll('.hl-row button.quote, .hl-row button.note')].map((b) => b.getAttribute('dir'))).toEqual(['auto', 'auto']);
    (host.querySelector('.hl-row button.note') as HTMLButtonElement).click();
    await flush();
    expect(host.querySelector('.hl-row textarea')!.getAttribute('dir')).toBe('auto');
  });

  it('deletes with an undo that restores the same record', async () => {
    await show(() => undefined);
    (host.querySelector('.hl-row[data-id="a"] .danger') as HTMLButtonElement).click();
    await flush();
    expect(rows()).toEqual(['b', 'c']);
    const undo = [...host.querySelectorAll('.toast button')][0] as HTMLButtonElement;
    undo.click();
    await flush();
    expect(services.restore).toHaveBeenCalledWith([A]);
    expect(rows()).toContain('a');
  });

  it('two deletes in a row are undone together: the first is not lost when the second replaces the toast', async () => {
    await show(() => undefined);
    (host.querySelector('.hl-row[data-id="a"] .danger') as HTMLButtonElement).click();
    await flush();
    (host.querySelector('.hl-row[data-id="b"] .danger') as HTMLButtonElement).click();
    await flush();
    expect(rows()).toEqual(['c']);
    expect(host.querySelector('.toast')!.textContent).toContain('hl_deleted_other');
    ([...host.querySelectorAll('.toast button')][0] as HTMLButtonElement).click();
    await flush();
    expect(services.restore).toHaveBeenCalledWith([A, B]);
    expect(rows()).toEqual(expect.arrayContaining(['a', 'b', 'c']));
  });

  it('keeps the Undo of a delete made while an earlier Undo is still bringing its rows back', async () => {
    let restored!: () => void;
    services.restore = vi.fn(() => new Promise<void>((resolve) => (restored = resolve)));
    await show(() => undefined);
    (host.querySelector('.hl-row[data-id="a"] .danger') as HTMLButtonElement).click();
    await flush();
    ([...host.querySelectorAll('.toast button')][0] as HTMLButtonElement).click();
    (host.querySelector('.hl-row[data-id="b"] .danger') as HTMLButtonElement).click();
    await flush();
    await act(async () => restored());
    await flush();
    expect(host.querySelector('.toast')?.textContent).toContain('hl_deleted_one');
    ([...host.querySelectorAll('.toast button')][0] as HTMLButtonElement).click();
    expect(services.restore).toHaveBeenLastCalledWith([B]);
  });

  const button = (selector: string) => host.querySelector(selector) as HTMLButtonElement;

  /** Deletes row `id` from its focused Delete button, as Enter or Space on it does. */
  async function deleteFocused(id: string): Promise<void> {
    const del = button(`.hl-row[data-id="${id}"] .danger`);
    del.focus();
    del.click();
    await flush();
  }

  it('after a Delete from the keyboard, focus goes to the next row, else the previous one, else Undo', async () => {
    await show(() => undefined);
    await deleteFocused('a');
    expect(document.activeElement).toBe(button('.hl-row[data-id="b"] .danger'));
    await deleteFocused('c');
    expect(document.activeElement).toBe(button('.hl-row[data-id="b"] .danger'));
    await deleteFocused('b');
    expect(rows()).toEqual([]);
    expect(document.activeElement).toBe(button('.toast button'));
  });

  it('after Undo from the keyboard, focus goes to the row it brought back', async () => {
    await show(() => undefined);
    await deleteFocused('a');
    const undo = button('.toast button');
    undo.focus();
    undo.click();
    await flush();
    await flush();
    expect(rows()).toContain('a');
    expect(document.activeElement).toBe(button('.hl-row[data-id="a"] .danger'));
  });

  const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
    act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init })));

  it('draws no note editor and no colour choices until a row asks for them', async () => {
    await show(() => undefined);
    expect(host.querySelectorAll('textarea, [role="radio"]')).toHaveLength(0);
    expect(host.querySelectorAll('.hl-row button')).toHaveLength(3 * 4);
    expect(button('.hl-row[data-id="a"] .color').getAttribute('aria-label')).toBe('hl_color:color_yellow');
  });

  /** Shows the list and opens row `id`'s colour menu. */
  async function openColors(id: string): Promise<void> {
    await show(() => undefined);
    await act(() => button(`.hl-row[data-id="${id}"] .color`).click());
  }

  /** Shows the list and opens row `id`'s note editor. */
  async function openNote(id: string): Promise<HTMLTextAreaElement> {
    await show(() => undefined);
    await act(() => button(`.hl-row[data-id="${id}"] button.note`).click());
    return host.querySelector(`.hl-row[data-id="${id}"] textarea`) as HTMLTextAreaElement;
  }

  it('opens the note editor on the note, saves on blur and shows the note as text again', async () => {
    const note = await openNote('a');
    expect(document.activeElement).toBe(note);
    note.value = '重要';
    await act(() => void note.dispatchEvent(new FocusEvent('blur')));
    await flush();
    expect(services.update).toHaveBeenCalledWith('a', { note: '重要' });
    expect(host.querySelector('textarea')).toBeNull();
  });

  it('cancels a note edit with Escape and gives focus back to the note', async () => {
    const note = await openNote('b');
    note.value = 'typed then dropped';
    await key(note, 'Escape');
    await flush();
    expect(host.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button('.hl-row[data-id="b"] button.note'));
    expect(services.update).not.toHaveBeenCalled();
  });

  it('saves a note with Ctrl+Enter', async () => {
    const note = await openNote('a');
    note.value = '第二天再看';
    await key(note, 'Enter', { ctrlKey: true });
    await flush();
    expect(services.update).toHaveBeenCalledWith('a', { note: '第二天再看' });
    expect(document.activeElement).toBe(button('.hl-row[data-id="a"] button.note'));
  });

  it('changes colour from the menu by click', async () => {
    await openColors('a');
    expect(button('.hl-row[data-id="a"] .color').getAttribute('aria-expanded')).toBe('true');
    await act(() => button('.hl-row[data-id="a"] [role="radio"][aria-label="color_green"]').click());
    await flush();
    expect(services.update).toHaveBeenCalledWith('a', { color: 'green' });
    expect(host.querySelector('[role="radiogroup"]')).toBeNull();
  });

  it('changes colour from the keyboard: arrows choose, Enter picks, focus returns to the colour button', async () => {
    await openColors('a');
    const menu = host.querySelector('[role="radiogroup"]')!;
    expect(document.activeElement?.getAttribute('aria-label')).toBe('color_yellow');
    await key(document.activeElement!, 'ArrowRight');
    await key(document.activeElement!, 'ArrowRight');
    await key(document.activeElement!, 'ArrowLeft');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('color_green');
    expect(menu.querySelector('[aria-checked="true"]')?.getAttribute('aria-label')).toBe('color_green');
    await key(document.activeElement!, 'Enter');
    await flush();
    expect(services.update).toHaveBeenCalledWith('a', { color: 'green' });
    expect(document.activeElement).toBe(button('.hl-row[data-id="a"] .color'));
  });

  it('closes the colour menu unchanged on Escape, focus back on its button', async () => {
    await openColors('b');
    await key(document.activeElement!, 'ArrowLeft'); // wraps to the last colour
    expect(document.activeElement?.getAttribute('aria-label')).toBe('color_purple');
    await key(document.activeElement!, 'Escape');
    await flush();
    expect(host.querySelector('[role="radiogroup"]')).toBeNull();
    expect(document.activeElement).toBe(button('.hl-row[data-id="b"] .color'));
    expect(services.update).not.toHaveBeenCalled();
  });

  // With 200 highlights the export came after some 800 of the rows' buttons and a long scroll.
  it('offers the export before the list, where the keyboard and the eye reach it first', async () => {
    await show(() => undefined);
    const list = host.querySelector('.hl-list')!;
    const exportGroup = host.querySelector('.export')!;
    expect(exportGroup.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('exports this page in the format picked', async () => {
    await show(() => undefined);
    (host.querySelector('.export button[data-format="csv"]') as HTMLButtonElement).click();
    await flush();
    expect(services.exportPage).toHaveBeenCalledWith('csv');
  });

  it('reports a storage failure instead of swallowing it', async () => {
    const onError = vi.fn();
    services.update = vi.fn(async () => Promise.reject(new Error('quota exceeded')));
    await show(onError);
    await act(() => button('.hl-row[data-id="a"] .color').click());
    await act(() => button('[role="radio"][aria-label="color_blue"]').click());
    await flush();
    expect(onError).toHaveBeenCalledWith('quota exceeded');
  });
});
