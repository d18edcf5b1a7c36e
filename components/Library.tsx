import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_PALETTE, type HighlightColor, type HighlightRecord, type PageRecord } from '@/utils/annotation-types';
import { listedPages } from '@/utils/db';
import { buildLibraryIndex, librarySites, searchLibrary, searchPageNotes, type LibraryQuery } from '@/utils/library-search';
import type { LibrarySort } from '@/utils/library-sort';
import type { ExportFormat } from '@/utils/messages';
import type { ApplyAnswer, PreviewAnswer } from '@/utils/transfer-service';
import type { ExportedBlob } from './download';
import { counted, type Translate } from './i18n';
import { LibraryFilters } from './LibraryFilters';
import { LibraryResults } from './LibraryResults';
import { LibraryTransfer } from './LibraryTransfer';
import { errorText } from './error-text';

export type LibraryPage = PageRecord & { highlightCount: number };

/** What the library needs from the extension, passed in so tests can hand in fakes. */
export interface LibraryServices {
  load(): Promise<{ pages: LibraryPage[]; highlights: HighlightRecord[] }>;
  /** Resolves to the records it deleted, which is what undo restores. */
  deleteHighlights(ids: string[]): Promise<HighlightRecord[]>;
  restoreHighlights(records: HighlightRecord[]): Promise<void>;
  /** Undefined when the highlight no longer exists (deleted in another tab). */
  updateHighlight(id: string, patch: { note?: string; color?: HighlightColor }): Promise<HighlightRecord | undefined>;
  /** Sets the page's own note; the page record as stored (undefined: a note cleared on a page with no record). */
  setPageNote(page: PageRecord, note: string): Promise<PageRecord | undefined>;
  exportFile(format: ExportFormat, pageUrls: string[] | null): Promise<ExportedBlob>;
  previewImport(text: string): Promise<PreviewAnswer>;
  applyImport(text: string): Promise<ApplyAnswer>;
  openHighlight(h: HighlightRecord): void;
  download(file: ExportedBlob): void;
  /** The order the reader chose last visit; never rejects. */
  loadSort(): Promise<LibrarySort>;
  saveSort(sort: LibrarySort): Promise<void>;
}

export interface LibraryProps {
  services: LibraryServices;
  t: Translate;
  /** Rows rendered at first and added by each "show more": about two screens, cheap to build on every search. */
  pageSize?: number;
}

export const EMPTY_QUERY: LibraryQuery = { text: '', site: null, color: null, from: null, to: null };

type Data = { pages: LibraryPage[]; highlights: HighlightRecord[] };
type Toast = { kind: 'deleted'; records: HighlightRecord[] } | { kind: 'restored'; count: number };

const isTextField = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/** The library page: every highlight, searchable and filterable, with bulk delete, undo, export and import. */
export function Library({ services, t, pageSize = 50 }: LibraryProps) {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<{ message: string; retry: boolean } | null>(null);
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  // Null until read: the list is drawn once, in the order chosen, not redrawn in another a moment later.
  const [sort, setSort] = useState<LibrarySort | null>(null);
  const [limit, setLimit] = useState(pageSize);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Highlights edited under the current search stay listed until it changes (see searchLibrary).
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  // Pages whose own note was edited under the current search, likewise.
  const [editedPages, setEditedPages] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<Toast | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  // Where the keyboard goes once the next render is on screen (the focused control may be gone).
  const focusNext = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const target = focusNext.current?.();
    focusNext.current = null;
    target?.focus();
  });

  // A load's answer is shown only when no later load began. A change made here while it was on its
  // way (a delete, an undo, a saved note) makes it stale, so the library is read again: shown as
  // it was, it would bring deleted highlights back on screen and take their Undo away.
  const loads = useRef(0);
  const changes = useRef(0);
  const load = async (): Promise<void> => {
    const mine = ++loads.current;
    const changed = changes.current;
    try {
      const fresh = await services.load();
      if (mine !== loads.current) return;
      if (changed !== changes.current) return load();
      setData(fresh);
      setError(null);
      // Deleted highlights that are back (restored in another tab, imported) can't be undone again.
      const ids = new Set(fresh.highlights.map((h) => h.id));
      setToast((shown) => (shown?.kind === 'deleted' && shown.records.some((r) => ids.has(r.id)) ? null : shown));
    } catch (e) {
      if (mine === loads.current) setError({ message: errorText(e), retry: true });
    }
  };
  useEffect(() => {
    void load();
    void services.loadSort().then(setSort);
    // Highlights made or deleted in other tabs meanwhile: show them when the reader comes back.
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [services]);

  const index = useMemo(() => data && buildLibraryIndex(data.pages, data.highlights), [data]);
  const results = useMemo(() => (index ? searchLibrary(index, query, edited) : []), [index, query, edited]);
  const sites = useMemo(() => (index ? librarySites(index) : []), [index]);
  const notedPages = useMemo(() => (index ? searchPageNotes(index, query, editedPages) : []), [index, query, editedPages]);
  // As the store lists them, so highlights shown without their page (an Undo brought back a page's
  // last highlights after a reload stopped listing it) still have a page, and a note button, here.
  const pages = useMemo(() => new Map(data && listedPages(data.pages, data.highlights).map((p) => [p.url, p])), [data]);
  const resultPageUrls = useMemo(() => [...new Set([...results.map((h) => h.pageUrl), ...notedPages])], [results, notedPages]);
  // Nothing at all yet: said once, with how to start, instead of a toolbar counting nothing.
  const empty = data !== null && data.highlights.length === 0 && data.pages.length === 0;
  // Runs on every search: skip the pass over 10,000 results when nothing is selected (the usual case).
  const selectedCount = useMemo(() => (selected.size ? results.reduce((n, h) => n + (selected.has(h.id) ? 1 : 0), 0) : 0), [results, selected]);

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedCount > 0 && selectedCount < results.length;
  }, [selectedCount, results.length]);

  const changeQuery = (patch: Partial<LibraryQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setLimit(pageSize);
    // A selection the reader can no longer see must not be deleted by the next click.
    setSelected(new Set());
    setEdited(new Set());
    setEditedPages(new Set());
  };

  const changeSort = (next: LibrarySort) => {
    setSort(next);
    setLimit(pageSize);
    // Not remembered when storage fails: the list is still in the order chosen, and no more is lost.
    services.saveSort(next).catch(() => undefined);
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  /** `focusUndo`: the control that asked is going away (it disables itself), so the keyboard moves to Undo. */
  const remove = async (ids: string[], focusUndo = false) => {
    if (!ids.length) return;
    try {
      const records = await services.deleteHighlights(ids);
      const gone = new Set(records.map((r) => r.id));
      changes.current++;
      setData((d) => d && { ...d, highlights: d.highlights.filter((h) => !gone.has(h.id)) });
      setSelected((s) => new Set([...s].filter((id) => !gone.has(id))));
      // Deletes in a row add up: Undo brings back all of them, not only the last.
      setToast((before) => ({ kind: 'deleted', records: before?.kind === 'deleted' ? [...before.records, ...records] : records }));
      if (focusUndo) focusNext.current = () => undoButton.current;
    } catch (e) {
      setError({ message: errorText(e), retry: false });
    }
  };

  const undo = async (records: HighlightRecord[]) => {
    try {
      await services.restoreHighlights(records);
      const back = new Set(records.map((r) => r.id));
      changes.current++;
      setData((d) => d && { ...d, highlights: [...d.highlights.filter((h) => !back.has(h.id)), ...records] });
      setToast({ kind: 'restored', count: records.length });
      // A page no longer listed when the library was read again (all its highlights were deleted)
      // comes back with its record, its title and publisher, from the store.
      if (records.some((r) => !data?.pages.some((p) => p.url === r.pageUrl))) void load();
      // The Undo button is gone: put the keyboard on what came back, if it is on screen.
      focusNext.current = () => [...(mainRef.current?.querySelectorAll<HTMLElement>('.hl') ?? [])].find((el) => back.has(el.dataset.id!));
    } catch (e) {
      setError({ message: errorText(e), retry: false });
    }
  };

  // An Undo offered before an import no longer knows the library: what it would restore may be
  // back, or back under other ids (another tool's annotations of the same passages).
  const imported = () => {
    setToast(null);
    void load();
  };

  const save = async (id: string, patch: { note: string; color: HighlightColor }) => {
    try {
      const updated = await services.updateHighlight(id, patch);
      if (!updated) {
        setError({ message: t('lib_goneElsewhere'), retry: false });
        return false;
      }
      changes.current++;
      setData((d) => d && { ...d, highlights: d.highlights.map((h) => (h.id === id ? updated : h)) });
      setEdited((ids) => (ids.has(id) ? ids : new Set(ids).add(id)));
      return true;
    } catch (e) {
      setError({ message: errorText(e), retry: false });
      return false;
    }
  };

  const savePageNote = async (url: string, note: string) => {
    const page = pages.get(url);
    if (!page) return false;
    try {
      const updated = await services.setPageNote(page, note);
      changes.current++;
      const stored = updated && { ...updated, highlightCount: page.highlightCount };
      // A page listed by its highlights alone had no record here until now.
      if (stored) {
        setData((d) => d && { ...d, pages: d.pages.some((p) => p.url === url) ? d.pages.map((p) => (p.url === url ? stored : p)) : [...d.pages, stored] });
      }
      setEditedPages((urls) => (urls.has(url) ? urls : new Set(urls).add(url)));
      return true;
    } catch (e) {
      setError({ message: errorText(e), retry: false });
      return false;
    }
  };

  // Ctrl/Cmd+Z outside text fields undoes the last delete, as in any editor.
  useEffect(() => {
    if (toast?.kind !== 'deleted') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !isTextField(e.target)) {
        e.preventDefault();
        void undo(toast.records);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toast]);

  return (
    <main ref={mainRef} class="library" style={HIGHLIGHT_PALETTE} aria-busy={!(data && sort) && !error}>
      <header class="lib-head">
        <h1>{t('lib_title')}</h1>
        {data && <LibraryTransfer services={services} resultPageUrls={resultPageUrls} empty={empty} onImported={imported} onError={(message) => setError({ message, retry: false })} t={t} />}
      </header>
      {error && (
        <div class="banner" role="alert">
          <strong>{t('lib_storageError')}</strong> {error.message}{' '}
          {error.retry ? (
            <button type="button" class="small" onClick={() => void load()}>
              {t('lib_retry')}
            </button>
          ) : (
            <button type="button" class="small" onClick={() => setError(null)}>
              {t('lib_dismiss')}
            </button>
          )}
        </div>
      )}
      {empty && <p class="empty muted">{t('lib_empty')}</p>}
      {data && sort && !empty && (
        <>
          <LibraryFilters query={query} sites={sites} onChange={changeQuery} sort={sort} onSort={changeSort} t={t} />
          <div class="lib-toolbar">
            <label class="switch">
              <input
                ref={selectAll}
                type="checkbox"
                checked={results.length > 0 && selectedCount === results.length}
                disabled={results.length === 0}
                onChange={() => setSelected(selectedCount === results.length ? new Set() : new Set(results.map((h) => h.id)))}
              />
              {t('lib_selectAll')}
            </label>
            <button
              type="button"
              disabled={selectedCount === 0}
              onClick={() => void remove(results.filter((h) => selected.has(h.id)).map((h) => h.id), true)}
            >
              {t('lib_deleteSelected', String(selectedCount))}
            </button>
            <p class="muted" role="status" data-testid="result-count">
              {t('lib_resultCount', [counted(t, 'count_highlights', results.length), counted(t, 'count_pages', resultPageUrls.length)])}
            </p>
          </div>
          {resultPageUrls.length === 0 ? (
            <p class="empty muted">{t('lib_noMatches')}</p>
          ) : (
            <LibraryResults
              results={results}
              notedPages={notedPages}
              pages={pages}
              sort={sort}
              limit={limit}
              onShowMore={() => setLimit((n) => n + pageSize)}
              selected={selected}
              onToggle={toggle}
              onOpen={(h) => services.openHighlight(h)}
              onDelete={(id) => remove([id])}
              onSave={save}
              onSavePageNote={savePageNote}
              t={t}
            />
          )}
        </>
      )}
      {/* Always in the DOM: a live region inserted together with its text is not announced. */}
      <div class="toast-region" role="status">
        {toast && (
          <div class="toast">
            {toast.kind === 'deleted' ? (
              <>
                {counted(t, 'lib_deleted', toast.records.length)}{' '}
                <button ref={undoButton} type="button" class="small" onClick={() => void undo(toast.records)}>
                  {t('lib_undo')}
                </button>
              </>
            ) : (
              counted(t, 'lib_restored', toast.count)
            )}{' '}
            <button type="button" class="small linklike" aria-label={t('lib_dismiss')} onClick={() => setToast(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </main>
  );
}
