// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator, placePanel } from '@/components/Annotator';
import { COLOR_VALUES, HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/annotation-types';
import { quoteHighlight } from '../helpers/records';
import { translator } from '../helpers/locale';

const record = quoteHighlight('https://news.example.cn/a', '联合早报', { note: '' });

/** The editor open on `record`, '要核实' typed; closing it unmounts it, as the highlighter does. */
function openEditor() {
  const host = document.createElement('div');
  document.body.append(host);
  const props = { onHighlight: vi.fn(), onUpdate: vi.fn(), onDelete: vi.fn(), onClose: vi.fn(() => render(null, host)), onUndo: vi.fn(), onUndoExpired: vi.fn() };
  act(() => render(<Annotator toolbar={null} editor={{ at: { x: 0, top: 0, bottom: 0 }, record }} error={null} undo={null} t={(key) => key} {...props} />, host));
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
  // On a right-to-left page the shadow host inherits the page's direction: the English editor ran
  // backwards there, while a note in Arabic or Hebrew should run its own way in any editor.
  it("is laid out in the UI's direction, and the note in its own words' direction", () => {
    const { area, host } = openEditor();
    expect(host.querySelector('.annotator')!.getAttribute('dir')).toBe('lang_dir');
    expect(area.getAttribute('dir')).toBe('auto');
  });

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

describe('the language', () => {
  it('is marked as the reader’s, not the page’s the toolbar is drawn over', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const at = { x: 0, top: 0, bottom: 0 };
    act(() => render(<Annotator toolbar={at} editor={null} error={null} undo={null} t={translator('ja')} onHighlight={vi.fn()} onUpdate={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} onUndo={vi.fn()} onUndoExpired={vi.fn()} />, host));
    expect(host.querySelector('.annotator')!.getAttribute('lang')).toBe('ja');
    act(() => render(null, host));
  });
});

describe('placePanel', () => {
  const view = { x: 0, y: 1000, width: 700, height: 800 };
  const size = { width: 280, height: 170 };

  it('puts a panel on its side of the passage, from where the passage starts', () => {
    expect(placePanel({ x: 100, top: 1400, bottom: 1420 }, 'above', size, view)).toEqual({ left: 100, top: 1224 });
    expect(placePanel({ x: 100, top: 1400, bottom: 1420 }, 'below', size, view)).toEqual({ left: 100, top: 1426 });
  });

  it('keeps it inside the viewport beside the last words of a line', () => {
    expect(placePanel({ x: 640, top: 1400, bottom: 1420 }, 'below', size, view).left).toBe(700 - 280 - 6);
    expect(placePanel({ x: 640, top: 1400, bottom: 1420 }, 'below', size, { ...view, x: 300 }).left).toBe(640);
  });

  it('takes the other side when there is no room on its own, near the viewport’s top or bottom', () => {
    expect(placePanel({ x: 100, top: 1010, bottom: 1030 }, 'above', size, view).top).toBe(1036);
    expect(placePanel({ x: 100, top: 1700, bottom: 1720 }, 'below', size, view).top).toBe(1700 - 6 - 170);
  });
});

describe('the colour swatches', () => {
  it('are solid, as each colour looks on a white page, on a light panel as on a dark one', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const noop = () => undefined;
    act(() =>
      render(
        <Annotator toolbar={{ x: 0, top: 0, bottom: 0 }} editor={null} error={null} undo={null} t={(key) => key} onHighlight={noop} onUpdate={noop} onDelete={noop} onClose={noop} onUndo={noop} onUndoExpired={noop} />,
        host,
      ),
    );
    const swatches = [...host.querySelectorAll<HTMLElement>('.swatch')];
    expect(swatches.map((s) => s.dataset.color)).toEqual([...HIGHLIGHT_COLORS]);
    for (const swatch of swatches) {
      // The translucent colour laid on white, by hand: rgba(255, 214, 0, 0.45) is rgb(255, 236, 140).
      const [r, g, b, a] = COLOR_VALUES[swatch.dataset.color as HighlightColor].match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
      const onWhite = (v: number) => Math.round(v * a + 255 * (1 - a));
      expect(swatch.style.backgroundColor).toBe(`rgb(${onWhite(r)}, ${onWhite(g)}, ${onWhite(b)})`);
    }
  });
});

describe('the undo toast', () => {
  it('is put away by Escape on it, which leaves the editor beside it open', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const props = { onHighlight: vi.fn(), onUpdate: vi.fn(), onDelete: vi.fn(), onClose: vi.fn(), onUndo: vi.fn(), onUndoExpired: vi.fn() };
    act(() => render(<Annotator toolbar={null} editor={{ at: { x: 0, top: 0, bottom: 0 }, record }} error={null} undo={{ count: 2, focus: false }} t={(key) => key} {...props} />, host));
    expect(host.querySelector('[role="status"]')!.textContent).toBe('hl_deleted_otherhl_undo');
    press(host.querySelector('.toast button')!, { key: 'Escape' });
    expect(props.onUndoExpired).toHaveBeenCalledWith(true);
    expect(props.onClose).not.toHaveBeenCalled();
  });
});
