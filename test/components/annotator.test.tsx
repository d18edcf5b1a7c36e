// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator } from '@/components/Annotator';
import { quoteHighlight } from '../helpers/records';

const record = quoteHighlight('https://news.example.cn/a', '联合早报', { note: '' });

function openEditor() {
  const props = { onHighlight: vi.fn(), onUpdate: vi.fn(), onDelete: vi.fn(), onClose: vi.fn() };
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(<Annotator toolbar={null} editor={{ at: { x: 0, y: 0 }, record }} error={null} t={(key) => key} {...props} />, host));
  const area = host.querySelector('textarea')!;
  act(() => {
    area.value = '要核实';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return { props, area };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the note editor', () => {
  // jsdom, like Firefox, fires no blur when the editor goes: only the key's own handling saves.
  it.each([
    ['Escape', {}],
    ['Enter', { ctrlKey: true }],
  ])('keeps the typed note when closed with %s', (key, modifiers) => {
    const { props, area } = openEditor();
    act(() => void area.dispatchEvent(new KeyboardEvent('keydown', { key, ...modifiers, bubbles: true })));
    expect(props.onUpdate).toHaveBeenCalledWith(record.id, { note: '要核实' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('saves nothing when the note is unchanged', () => {
    const { props, area } = openEditor();
    act(() => {
      area.value = '';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => void area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(props.onUpdate).not.toHaveBeenCalled();
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });
});
