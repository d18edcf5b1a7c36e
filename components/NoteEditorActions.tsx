/** Save and Cancel under a note edited in place in the library (a highlight's, a page's). */
import type { Translate } from './i18n';

export function NoteEditorActions({ onSave, onCancel, t }: { onSave: () => void; onCancel: () => void; t: Translate }) {
  return (
    <div class="actions">
      <button type="button" class="small" onClick={onSave}>
        {t('lib_save')}
      </button>
      <button type="button" class="small" onClick={onCancel}>
        {t('lib_cancel')}
      </button>
    </div>
  );
}
