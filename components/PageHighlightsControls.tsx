/**
 * The popup row's controls that exist only while a row is being changed: the colour menu and the
 * note editor. Rows show one colour button and the note as text, so the first list draws four
 * buttons a row instead of seven buttons and a textarea.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/annotation-types';
import type { Translate } from './i18n';

// Arrow keys move the choice through the colours, wrapping around.
const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export interface ColorMenuProps {
  value: HighlightColor;
  label: string;
  t: Translate;
  /** A colour picked (click, Enter or Space); the caller closes the menu. */
  onPick(color: HighlightColor): void;
  /** Escape: closed without a pick (the caller sends focus back to the menu's button). */
  onCancel(): void;
}

/** A radio group of the colours: arrows choose, Enter or Space picks, Escape closes unchanged. */
export function ColorMenu({ value, label, t, onPick, onCancel }: ColorMenuProps) {
  const [choice, setChoice] = useState(value);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus(), [choice]);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEPS[e.key];
    const n = HIGHLIGHT_COLORS.length;
    if (step) setChoice(HIGHLIGHT_COLORS[(HIGHLIGHT_COLORS.indexOf(choice) + step + n) % n]!);
    else if (e.key === 'Enter' || e.key === ' ') onPick(choice);
    else if (e.key === 'Escape') onCancel();
    else return;
    e.preventDefault(); // no page scroll, no second pick from the button's own click, no popup close
    e.stopPropagation();
  };
  return (
    <div ref={ref} role="radiogroup" aria-label={label} class="color-menu" onKeyDown={onKeyDown}>
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          class="swatch"
          data-color={c}
          aria-checked={c === choice}
          tabIndex={c === choice ? 0 : -1}
          aria-label={t(`color_${c}`)}
          onClick={() => onPick(c)}
        />
      ))}
    </div>
  );
}

export interface NoteEditorProps {
  note: string;
  label: string;
  placeholder: string;
  /** The text to save (null: cancelled), and whether focus goes back to the note (a key ended it, not a click elsewhere). */
  onDone(note: string | null, restoreFocus: boolean): void;
}

/** The note's textarea, focused on opening: leaving it or Ctrl+Enter saves, Escape cancels. */
export function NoteEditor({ note, label, placeholder, onDone }: NoteEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // A key ends the editor; the blur that follows when it goes away must not end it a second time.
  const ended = useRef(false);
  useEffect(() => ref.current?.focus(), []);
  const end = (save: boolean, restoreFocus: boolean) => {
    if (ended.current) return;
    ended.current = true;
    onDone(save ? ref.current!.value : null, restoreFocus);
  };
  return (
    <textarea
      ref={ref}
      dir="auto"
      class="note-editor"
      aria-label={label}
      placeholder={placeholder}
      defaultValue={note}
      onBlur={() => end(true, false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') end(false, true);
        else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) end(true, true);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    />
  );
}
