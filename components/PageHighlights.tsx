/**
 * The popup's list of this page's highlights: document order, the ones not found on the page as it
 * is now listed after them (never dropped), note edited in place, colour changed, delete with undo.
 * A row opens its note editor or colour menu only when asked, so the first list stays cheap to draw.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_PALETTE, UNDO_MS, type HighlightColor, type HighlightRecord, type HighlightRow } from '@/utils/annotation-types';
import type { AnchorStatus, ExportFormat } from '@/utils/messages';
import { clip } from '@/utils/text';
import { counted, type Translate } from './i18n';
import { ColorMenu, NoteEditor } from './PageHighlightsControls';
import { errorText } from './error-text';

/** This page's stored highlights and where the page placed them (status null: no content script). */
export interface PageHighlightsData {
  highlights: HighlightRow[];
  status: AnchorStatus | null;
}

export interface PageHighlightsServices {
  load(): Promise<PageHighlightsData>;
  update(id: string, patch: { color?: HighlightColor; note?: string }): Promise<void>;
  remove(id: string): Promise<HighlightRecord[]>;
  restore(records: HighlightRecord[]): Promise<void>;
  scrollTo(id: string): void;
  /** Downloads this page's highlights, with its provenance, in one of the export formats. */
  exportPage(format: ExportFormat): Promise<void>;
}

const FORMATS: ExportFormat[] = ['markdown', 'json', 'html', 'csv'];

/** Highlights in document order, then the unplaced ones, each flagged. */
export function orderHighlights(highlights: HighlightRow[], status: AnchorStatus | null): Array<{ h: HighlightRow; found: boolean }> {
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const placed = (status?.placed ?? []).filter((id) => byId.has(id));
  const placedSet = new Set(placed);
  const rest = highlights.filter((h) => !placedSet.has(h.id)).sort((a, b) => a.created.localeCompare(b.created));
  // Without a content script nothing is known to be missing; list by creation time, unflagged.
  return [...placed.map((id) => ({ h: byId.get(id)!, found: true })), ...rest.map((h) => ({ h, found: status === null }))];
}

export interface PageHighlightsProps {
  services: PageHighlightsServices;
  /** Already loaded by the caller; null loads on mount. */
  initial?: PageHighlightsData | null;
  t: Translate;
  onError(message: string): void;
}

/** The row whose colour menu or note editor is open; one at a time. */
interface Active {
  id: string;
  part: 'color' | 'note';
}

/** Where focus goes once the element that had it is gone: a row's button, or the toast's Undo. */
type Refocus = { id: string; part: Active['part'] | 'danger' } | 'undo';

export function PageHighlights({ services, initial = null, t, onError }: PageHighlightsProps) {
  const [data, setData] = useState<PageHighlightsData | null>(initial);
  const [undo, setUndo] = useState<HighlightRecord[] | null>(null);
  const [active, setActive] = useState<Active | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  // The button to focus once what had focus has gone: a menu or editor closed by a key, a deleted row.
  const refocus = useRef<Refocus | null>(null);
  const reload = () => services.load().then(setData, (err: unknown) => onError(errorText(err)));
  useEffect(() => {
    if (!initial) void reload();
  }, [services]);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);
  useEffect(() => {
    const back = refocus.current;
    if (!back || active) return;
    if (back === 'undo') {
      refocus.current = null;
      undoRef.current?.focus();
      return;
    }
    const row = [...(listRef.current?.children ?? [])].find((li) => (li as HTMLElement).dataset.id === back.id);
    const button = row?.querySelector<HTMLElement>(`button.${back.part}`);
    // A row brought back by Undo is drawn by the next load: focus waits for it.
    if (!button) return;
    refocus.current = null;
    button.focus();
  });

  if (!data) return null;
  const rows = orderHighlights(data.highlights, data.status);
  const act = (work: Promise<unknown>) => void work.then(reload, (err: unknown) => onError(errorText(err)));
  const close = (restoreFocus: boolean) => {
    if (restoreFocus) refocus.current = active;
    setActive(null);
  };
  // One listener for every row's buttons (four a row otherwise), told apart by their class.
  const onListClick = (e: MouseEvent) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button.quote, button.color, button.note, button.danger');
    const id = button?.closest<HTMLElement>('.hl-row')?.dataset.id;
    if (!button || !id) return;
    if (button.classList.contains('quote')) services.scrollTo(id);
    else if (button.classList.contains('danger')) {
      // Keyboard users keep their place: the next row's Delete, else the previous one's, else Undo.
      const row = button.closest<HTMLElement>('.hl-row')!;
      const near = (row.nextElementSibling ?? row.previousElementSibling) as HTMLElement | null;
      const hadFocus = row.contains(document.activeElement);
      act(
        services.remove(id).then((records) => {
          if (hadFocus) refocus.current = near?.dataset.id ? { id: near.dataset.id, part: 'danger' } : 'undo';
          // Each delete joins the ones still undoable: Undo brings back every row deleted since the toast came.
          setUndo((before) => [...(before ?? []), ...records]);
        }),
      );
    } else {
      const part = button.classList.contains('color') ? 'color' : 'note';
      setActive(active?.id === id && active.part === part ? null : { id, part });
    }
  };
  // A colour menu closes when focus leaves its row (a click elsewhere, Tab away); its own button toggles it.
  const onListFocusOut = (e: FocusEvent) => {
    if (active?.part === 'color' && !(e.target as Element).closest('.hl-row')?.contains(e.relatedTarget as Node | null)) setActive(null);
  };
  const isOpen = (id: string, part: Active['part']) => active?.id === id && active.part === part;
  return (
    <section aria-labelledby="hl-h" data-testid="page-highlights">
      <h2 id="hl-h">{t('hl_section', String(rows.length))}</h2>
      {rows.length === 0 && <p class="muted">{t('hl_empty')}</p>}
      {/* Above the list: under 200 highlights it was some 800 buttons and a long scroll away. */}
      {rows.length > 0 && (
        <div class="row export" role="group" aria-label={t('hl_export')}>
          <span class="muted">{t('hl_export')}</span>
          {FORMATS.map((f) => (
            <button key={f} type="button" class="small" data-format={f} onClick={() => act(services.exportPage(f))}>
              {t(`lib_format_${f}`)}
            </button>
          ))}
        </div>
      )}
      <ol ref={listRef} class="hl-list" style={HIGHLIGHT_PALETTE} onClick={onListClick} onFocusOut={onListFocusOut}>
        {rows.map(({ h, found }) => (
          <li key={h.id} class={found ? 'hl-row' : 'hl-row missing'} data-id={h.id}>
            <button type="button" class="quote" dir="auto" data-color={h.color} disabled={!found}>
              {h.quote}
            </button>
            {/* Which passage the row's buttons are for (Delete, Add a note, Colour said alike on every
                row): the quote's start, as their description; hidden, as referenced text may be. */}
            <span id={`hl-what-${h.id}`} hidden>
              {clip(h.quote, 40)}
            </span>
            {!found && <span class="badge">{t('hl_not_found')}</span>}
            {isOpen(h.id, 'note') ? (
              <NoteEditor
                note={h.note}
                label={t('hl_note')}
                placeholder={t('hl_note_placeholder')}
                onDone={(note, restoreFocus) => {
                  close(restoreFocus);
                  if (note !== null && note !== h.note) act(services.update(h.id, { note }));
                }}
              />
            ) : (
              <button
                type="button"
                class={h.note ? 'note' : 'note empty'}
                dir="auto"
                aria-label={h.note ? t('hl_note_edit', h.note) : undefined}
                aria-describedby={`hl-what-${h.id}`}
              >
                {h.note || t('hl_note_add')}
              </button>
            )}
            <div class="row">
              <button
                type="button"
                class="color swatch"
                data-color={h.color}
                aria-expanded={isOpen(h.id, 'color')}
                aria-label={t('hl_color', t(`color_${h.color}`))}
                aria-describedby={`hl-what-${h.id}`}
              />
              {isOpen(h.id, 'color') && (
                <ColorMenu
                  value={h.color}
                  label={t('lib_color')}
                  t={t}
                  onPick={(color) => {
                    close(true);
                    if (color !== h.color) act(services.update(h.id, { color }));
                  }}
                  onCancel={() => close(true)}
                />
              )}
              <button type="button" class="small danger" aria-describedby={`hl-what-${h.id}`}>
                {t('hl_delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {undo && (
        <div class="toast" role="status">
          {counted(t, 'hl_deleted', undo.length)}
          <button
            ref={undoRef}
            type="button"
            class="small"
            onClick={() => {
              // Undo from the keyboard goes back to the row it brought back, not to the page.
              const hadFocus = document.activeElement === undoRef.current;
              act(
                services.restore(undo).then(() => {
                  if (hadFocus) refocus.current = { id: undo[0]!.id, part: 'danger' };
                  // A delete made while these came back keeps its own Undo.
                  setUndo((current) => {
                    const rest = current?.filter((r) => !undo.includes(r)) ?? [];
                    return rest.length ? rest : null;
                  });
                }),
              );
            }}
          >
            {t('hl_undo')}
          </button>
        </div>
      )}
    </section>
  );
}
