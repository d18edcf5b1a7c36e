import { useEffect, useRef, useState } from 'preact/hooks';
import { counted, type Translate } from './i18n';
import type { ExportFormat } from '@/utils/messages';
import { IMPORT_MAX_BYTES, fitsOneMessage } from '@/utils/export/import';
import type { LibraryServices } from './Library';
import { errorText } from './error-text';

export interface LibraryTransferProps {
  services: Pick<LibraryServices, 'exportFile' | 'previewImport' | 'applyImport' | 'download'>;
  /** Pages holding the current results: what "export results" writes. */
  resultPageUrls: string[];
  /** The library holds no highlight: there is nothing to export. */
  empty: boolean;
  /** The database changed under us: the library must load again. */
  onImported: () => void;
  onError: (message: string) => void;
  t: Translate;
}

type ImportState =
  | { stage: 'idle' }
  | { stage: 'busy' }
  | { stage: 'preview'; fileName: string; text: string; newPages: number; newHighlights: number; mergedHighlights: number; pageNotes: number; skipped: number }
  | { stage: 'done'; added: number; merged: number }
  | { stage: 'error'; error: string };


/** Export (everything, or the pages in the results) and import with a preview before anything is written. */
export function LibraryTransfer({ services, resultPageUrls, empty, onImported, onError, t }: LibraryTransferProps) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [exporting, setExporting] = useState(false);
  const [imp, setImp] = useState<ImportState>({ stage: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const formats: Array<[ExportFormat, string]> = [
    ['markdown', t('lib_format_markdown')],
    ['json', t('lib_format_json')],
    ['html', t('lib_format_html')],
    ['csv', t('lib_format_csv')],
  ];

  // The preview is a decision point: put the keyboard on it. What came of the import is read next:
  // the Import button, which had focus, was disabled while the file was read, leaving focus nowhere.
  useEffect(() => {
    if (imp.stage === 'preview') confirmButton.current?.focus();
    else if (imp.stage === 'done' || imp.stage === 'error') outcome.current?.focus();
  }, [imp.stage]);

  const exportPages = async (pageUrls: string[] | null) => {
    setExporting(true);
    try {
      services.download(await services.exportFile(format, pageUrls));
    } catch (e) {
      onError(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // picking the same file again must fire change again
    if (!file) return;
    // Refused here, by its size: too large a file would not even reach the background, whose message the browser refuses.
    const tooLarge = () => setImp({ stage: 'error', error: t('export_import_too_large', String(IMPORT_MAX_BYTES / 1024 / 1024)) });
    if (file.size > IMPORT_MAX_BYTES) return tooLarge();
    setImp({ stage: 'busy' });
    try {
      const text = await file.text();
      if (!fitsOneMessage(text)) return tooLarge();
      const preview = await services.previewImport(text);
      if (!preview.ok) return setImp({ stage: 'error', error: preview.error });
      const { newPages, newHighlights, mergedHighlights, pageNotes, skipped } = preview;
      setImp({ stage: 'preview', fileName: file.name, text, newPages, newHighlights, mergedHighlights, pageNotes, skipped });
    } catch (e) {
      setImp({ stage: 'error', error: errorText(e) });
    }
  };

  const apply = async (text: string) => {
    setImp({ stage: 'busy' });
    try {
      const result = await services.applyImport(text);
      if (!result.ok) return setImp({ stage: 'error', error: result.error });
      setImp({ stage: 'done', added: result.added, merged: result.merged });
      onImported();
    } catch (e) {
      setImp({ stage: 'error', error: errorText(e) });
    }
  };

  return (
    <section class="transfer" aria-label={t('lib_transfer')}>
      <div class="actions">
        <label class="field">
          {t('lib_format')}
          <select value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}>
            {formats.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={exporting || empty} onClick={() => void exportPages(null)}>
          {t('lib_exportAll')}
        </button>
        <button type="button" disabled={exporting || resultPageUrls.length === 0} onClick={() => void exportPages(resultPageUrls)}>
          {t('lib_exportResults', String(resultPageUrls.length))}
        </button>
        <button ref={importButton} type="button" disabled={imp.stage === 'busy'} onClick={() => fileInput.current?.click()}>
          {t('lib_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          hidden
          data-testid="import-file"
          onChange={(e) => void pick(e.currentTarget as HTMLInputElement)}
        />
      </div>
      {imp.stage === 'preview' && (
        <div class="import-preview" role="region" aria-label={t('lib_importPreview')}>
          <p>
            <strong>{imp.fileName}</strong>: {t('lib_importSummary', [counted(t, 'count_newPages', imp.newPages), counted(t, 'count_newHighlights', imp.newHighlights), counted(t, 'count_merged', imp.mergedHighlights)])}
          </p>
          {imp.pageNotes > 0 && <p>{counted(t, 'lib_importNotes', imp.pageNotes)}</p>}
          {imp.skipped > 0 && <p>{counted(t, 'lib_importSkipped', imp.skipped)}</p>}
          <div class="actions">
            <button ref={confirmButton} type="button" onClick={() => void apply(imp.text)}>
              {t('lib_importConfirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                // Cancel goes with the preview: focus goes back to where the import began.
                setImp({ stage: 'idle' });
                importButton.current?.focus();
              }}
            >
              {t('lib_cancel')}
            </button>
          </div>
        </div>
      )}
      {imp.stage === 'done' && (
        <p ref={outcome} tabIndex={-1} role="status" class="import-done">
          {t('lib_importDone', [String(imp.added), String(imp.merged)])}
        </p>
      )}
      {imp.stage === 'error' && (
        <p ref={outcome} tabIndex={-1} role="alert" class="banner">
          {t('lib_importFailed', imp.error)}
        </p>
      )}
    </section>
  );
}
