/**
 * A page's own note under its heading in the library: shown as the reader wrote it (plain text, its
 * lines kept), edited in place as a highlight's note is.
 */
import { useRef, useState } from 'preact/hooks';
import { hasPageNote, type PageRecord } from '@/utils/annotation-types';
import type { Translate } from './i18n';
import { pure } from './pure';
import { useEditorFocus } from './use-refocus';
import { NoteEditorActions } from './NoteEditorActions';

export interface LibraryPageNoteProps {
  page: PageRecord;
  /** The id of the page's heading, which says which page the button's note is on (its name stays what it shows). */
  headingId: string;
  /** Resolves true when saved; on false the editor stays open so nothing typed is lost. */
  onSave: (url: string, note: string) => Promise<boolean>;
  t: Translate;
}

export const LibraryPageNote = pure(function LibraryPageNote({ page, headingId, onSave, t }: LibraryPageNoteProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;
  useEditorFocus(editing, fieldRef, buttonRef);
  const save = async () => {
    if (draft !== null && (await onSave(page.url, draft))) setDraft(null);
  };
  if (editing) {
    return (
      <div class="note-editor page-note-editor">
        <textarea
          ref={fieldRef}
          dir="auto"
          aria-label={t('page_note')}
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(null);
            else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
          }}
        />
        <NoteEditorActions onSave={() => void save()} onCancel={() => setDraft(null)} t={t} />
      </div>
    );
  }
  const noted = hasPageNote(page);
  return (
    <>
      {noted && (
        <p class="page-note-text" dir="auto">
          {page.note}
        </p>
      )}
      <button ref={buttonRef} type="button" class="small page-note-edit" aria-describedby={headingId} onClick={() => setDraft(page.note ?? '')}>
        {t(noted ? 'lib_editPageNote' : 'lib_addPageNote')}
      </button>
    </>
  );
});
