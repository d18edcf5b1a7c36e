// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator } from '@/components/Annotator';
import { quoteHighlight } from '../helpers/records';

const record = quoteHighlight('https://news.example.cn/a', '联合早报', { note: '' });

/** The editor open on `record`, '要核实' typed; closing it unmounts it, as the highlighter does. */
function openEditor() {
  const host = document.createElement('div');
  document.body.append(host);
  const props = { onHighlight: vi.fn(), onUpdate: vi.fn(), onDelete: vi.fn(), onClose: vi.fn(() => render(null, host)), onUndo: vi.fn(), onUndoExpired: vi.fn() };
  act(() => render(<Annotator toolbar={null} editor={{ at: { x: 0, y: 0 }, record }} error={null} undo={null} t={(key) => key} {...props} />, host));
  const area = host.querySelector('textarea')!;
  act(() => {
    area.value = '要核实';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return { props, area, host };
}

const press = (el: Element, init: KeyboardEventInit) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init })));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the note editor', () => {
  it.each([
    ['Escape', { key: 'Escape' }],
    ['Ctrl+Enter', { key: 'Enter', ctrlKey: true }],
  ])('keeps the typed note when closed with %s', (_name, init) => {
    const { props, area } = openEditor();
    press(area, init);
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(props.onUpdate).toHaveBeenCalledWith(record.id, { note: '要核实' });
  });

  it('keeps it when Done is clicked, and when the highlighter closes the editor (a click elsewhere)', () => {
    let { props, host } = openEditor();
    act(() => [...host.querySelectorAll('button')].find((b) => b.textContent === 'hl_done')!.click());
    expect(props.onUpdate).toHaveBeenCalledTimes(1);
    ({ props, host } = openEditor());
    act(() => render(null, host));
    expect(props.onUpdate).toHaveBeenCalledWith(record.id, { note: '要核实' });
  });

  it('saves nothing on blur (a page script can blur it) or when the note is unchanged', () => {
    const { props, area } = openEditor();
    act(() => void area.dispatchEvent(new FocusEvent('blur')));
    expect(props.onUpdate).not.toHaveBeenCalled();
    act(() => {
      area.value = '';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    press(area, { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(props.onUpdate).not.toHaveBeenCalled();
  });

  it("does not take a script's made-up window blur or pagehide for the reader leaving the page", () => {
    const { props } = openEditor();
    act(() => {
      window.dispatchEvent(new FocusEvent('blur'));
      window.dispatchEvent(new Event('pagehide'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(props.onUpdate).not.toHaveBeenCalled();
  });

  it('leaves Escape to the input method while it composes', () => {
    const { props, area } = openEditor();
    press(area, { key: 'Escape', isComposing: true });
    expect(props.onClose).not.toHaveBeenCalled();
    expect(props.onUpdate).not.toHaveBeenCalled();
  });
});
