/**
 * A page's own note under its heading in the library: shown as the reader wrote it (plain text, its
 * lines kept), edited in place as a highlight's note is.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasPageNote, type PageRecord } from '@/utils/annotation-types';
import type { Translate } from './i18n';
import { pure } from './pure';

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
  const mounted = useRef(false);
  // Into the editor on opening, back to its button on closing, as a highlight's note editor does.
  useEffect(() => {
    if (editing) fieldRef.current?.focus();
    else if (mounted.current) buttonRef.current?.focus();
    mounted.current = true;
  }, [editing]);
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
        <div class="actions">
          <button type="button" class="small" onClick={() => void save()}>
            {t('lib_save')}
          </button>
          <button type="button" class="small" onClick={() => setDraft(null)}>
            {t('lib_cancel')}
          </button>
        </div>
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
