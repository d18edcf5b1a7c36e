import { useRef, useState } from 'preact/hooks';
import type { HighlightColor, HighlightRecord } from '@/utils/annotation-types';
import { clip } from '@/utils/text';
import type { Translate } from './i18n';
import { colorName, LibrarySwatches } from './LibrarySwatches';
import { pure } from './pure';
import { useEditorFocus } from './use-refocus';
import { NoteEditorActions } from './NoteEditorActions';

export interface HighlightItemProps {
  highlight: HighlightRecord;
  selected: boolean;
  onToggle: (id: string) => void;
  onOpen: (h: HighlightRecord) => void;
  onDelete: (id: string) => Promise<void>;
  /** Resolves true when saved; on false the editor stays open so nothing typed is lost. */
  onSave: (id: string, patch: { note: string; color: HighlightColor }) => Promise<boolean>;
  t: Translate;
}

// The reader's calendar day, as the date filter counts it, written as the words around it are (the
// locale file's language: an English page under a French browser wrote 23 févr. 2024). One
// formatter per language, not per row.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const formatDay = (iso: string, lang: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let format = dayFormats.get(lang);
  if (!format) dayFormats.set(lang, (format = new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'medium' })));
  return format.format(d);
};

/** The row that takes focus next when this one goes away, so keyboard users keep their place. */
function neighbourRow(row: HTMLElement): HTMLElement | null {
  const rows = [...(row.closest('.results')?.querySelectorAll<HTMLElement>('.hl') ?? [])];
  const i = rows.indexOf(row);
  return rows[i + 1] ?? rows[i - 1] ?? null;
}

/**
 * One highlight in the library: quote, colour, note (edited in place), date, open and select.
 * The row itself is focusable: Enter opens, Space selects, Delete deletes (the toast offers undo),
 * as its Delete button does.
 */
export const HighlightItem = pure(function HighlightItem({ highlight: h, selected, onToggle, onOpen, onDelete, onSave, t }: HighlightItemProps) {
  const [draft, setDraft] = useState<{ note: string; color: HighlightColor } | null>(null);
  const rowRef = useRef<HTMLLIElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const editing = draft !== null;
  useEditorFocus(editing, noteRef, rowRef);
  const snippet = clip(h.quote, 40);

  // Focus goes on to the next row (the toast offers undo), by the Delete key or the button alike.
  const remove = async () => {
    const next = rowRef.current && neighbourRow(rowRef.current);
    await onDelete(h.id);
    next?.focus();
  };

  const onRowKey = async (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return; // keys typed into the note or on a button are theirs
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      await remove();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(h);
    } else if (e.key === ' ') {
      e.preventDefault(); // not a page scroll
      onToggle(h.id);
    }
  };

  const save = async () => {
    if (draft && (await onSave(h.id, draft))) setDraft(null);
  };

  return (
    <li ref={rowRef} class={selected ? 'hl selected' : 'hl'} tabIndex={0} data-id={h.id} aria-label={snippet} onKeyDown={(e) => void onRowKey(e)}>
      <input type="checkbox" checked={selected} aria-label={t('lib_selectOne', snippet)} onChange={() => onToggle(h.id)} />
      <span class="swatch" data-color={h.color} role="img" aria-label={colorName(h.color, t)} title={colorName(h.color, t)} />
      <div class="hl-body">
        <blockquote class="quote" dir="auto">
          {h.quote}
        </blockquote>
        {draft ? (
          <div class="note-editor">
            <textarea
              dir="auto"
              aria-label={t('lib_note')}
              value={draft.note}
              ref={noteRef}
              onInput={(e) => setDraft({ ...draft, note: (e.currentTarget as HTMLTextAreaElement).value })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setDraft(null);
                else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
              }}
            />
            <LibrarySwatches legend={t('lib_color')} value={draft.color} onChange={(color) => color && setDraft({ ...draft, color })} t={t} />
            <NoteEditorActions onSave={() => void save()} onCancel={() => setDraft(null)} t={t} />
          </div>
        ) : (
          h.note && (
            <p class="note" dir="auto">
              {h.note}
            </p>
          )
        )}
        <div class="hl-meta">
          <time dateTime={h.created} class="muted">
            {formatDay(h.created, t('lang_tag'))}
          </time>
          {!draft && (
            <button type="button" class="small" onClick={() => setDraft({ note: h.note, color: h.color })}>
              {h.note ? t('lib_editNote') : t('lib_addNote')}
            </button>
          )}
          <button type="button" class="small" onClick={() => onOpen(h)}>
            {t('lib_open')}
          </button>
          <button type="button" class="small danger" aria-label={t('lib_deleteOne', snippet)} onClick={() => void remove()}>
            {t('lib_delete')}
          </button>
        </div>
      </div>
    </li>
  );
});
