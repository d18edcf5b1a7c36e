// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTE_SAVE_DELAY_MS, PageNote, noteSaver, type PageNoteServices } from '@/components/PageNote';

const t = (key: string) => key;

/** Lets the stored note's answer come and the field be drawn. */
const settle = () => act(() => new Promise<void>((r) => setTimeout(r)));

describe('noteSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the latest text once typing pauses, not each keystroke', () => {
    const save = vi.fn(async () => undefined);
    const saver = noteSaver('', save, () => undefined);
    for (const text of ['w', 'wh', 'why']) {
      saver.typed(text);
      vi.advanceTimersByTime(NOTE_SAVE_DELAY_MS - 1);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save.mock.calls).toEqual([['why']]);
  });

  it('saves at once on flush, and never the same text twice (nor the note as it was loaded)', () => {
    const save = vi.fn(async () => undefined);
    const saver = noteSaver('kept', save, () => undefined);
    saver.typed('kept');
    saver.flush();
    saver.typed('changed');
    saver.flush();
    saver.flush();
    vi.advanceTimersByTime(NOTE_SAVE_DELAY_MS);
    expect(save.mock.calls).toEqual([['changed']]);
  });

  it('reports a failed save and sends it again on the next flush', async () => {
    const errors: unknown[] = [];
    const save = vi.fn().mockRejectedValueOnce(new Error('quota')).mockResolvedValue(undefined);
    const saver = noteSaver('', save, (e) => errors.push(e));
    saver.typed('note');
    saver.flush();
    await vi.runAllTimersAsync();
    expect(errors).toHaveLength(1);
    saver.flush();
    expect(save.mock.calls).toEqual([['note'], ['note']]);
  });
});

describe('PageNote', () => {
  let host: HTMLElement;
  let saved: string[];
  let services: PageNoteServices;
  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    saved = [];
    services = { load: async () => '', save: async (note) => void saved.push(note) };
  });
  afterEach(() => {
    render(null, host);
    host.remove();
  });

  async function mount(s = services) {
    await act(() => render(<PageNote services={s} t={t} onError={() => undefined} />, host));
    await settle();
    return host.querySelector('textarea')!;
  }

  const type = (field: HTMLTextAreaElement, text: string) => {
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  };

  it('is a labelled field, the placeholder showing while the note is empty', async () => {
    const field = await mount();
    expect(field.value).toBe('');
    expect(field.placeholder).toBe('page_note_placeholder');
    expect(document.getElementById(field.getAttribute('aria-labelledby')!)?.textContent).toBe('page_note');
    expect(field.tabIndex).toBe(0);
  });

  it('shows the stored note and saves it when the field loses focus', async () => {
    const field = await mount({ ...services, load: async () => 'why I kept this' });
    expect(field.value).toBe('why I kept this');
    type(field, 'why I kept this: 参考消息 says otherwise');
    field.dispatchEvent(new FocusEvent('blur'));
    expect(saved).toEqual(['why I kept this: 参考消息 says otherwise']);
  });

  it('saves what is typed when the popup closes, before the pause is over', async () => {
    const field = await mount();
    type(field, 'typed, then closed');
    expect(saved).toEqual([]);
    dispatchEvent(new Event('pagehide'));
    expect(saved).toEqual(['typed, then closed']);
  });

  it('saves as the reader types, once the typing pauses', async () => {
    const field = await mount();
    type(field, 'as I type');
    await act(() => new Promise((r) => setTimeout(r, NOTE_SAVE_DELAY_MS + 20)));
    expect(saved).toEqual(['as I type']);
  });

  it('draws no field until the stored note is read, so nothing typed is overwritten by it', async () => {
    const field = await mount({ ...services, load: () => new Promise(() => undefined) });
    expect(field).toBeNull();
  });
});
