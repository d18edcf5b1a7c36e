/**
 * The in-page annotation UI, rendered in a shadow root by the content script: the toolbar shown over
 * a selection, the editor of a clicked highlight (colour, note, delete) and the storage error line.
 * Plain props and callbacks; the content script owns the state and the page.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, UNDO_MS, swatchColor, type HighlightColor, type HighlightRecord } from '@/utils/annotation-types';
import { counted, type Translate } from './i18n';

/** The passage a floating panel belongs to: where it starts and its top and bottom, in document coordinates (px). */
export interface At {
  x: number;
  top: number;
  bottom: number;
}

/** Between a panel and its passage, and between a panel and the viewport's edges (px). */
const GAP = 6;

/**
 * Where a panel of `size` goes beside the passage: on its `side` when it fits in the visible
 * viewport `view`, else on the other side when that fits; never past the viewport's edges, so the
 * reader sees it whole and focusing it does not scroll the page.
 */
export function placePanel(at: At, side: 'above' | 'below', size: { width: number; height: number }, view: { x: number; y: number; width: number; height: number }): { left: number; top: number } {
  const above = at.top - GAP - size.height;
  const below = at.bottom + GAP;
  const fitsAbove = above >= view.y + GAP;
  const fitsBelow = below + size.height <= view.y + view.height - GAP;
  const top = side === 'above' ? (fitsAbove || !fitsBelow ? above : below) : fitsBelow || !fitsAbove ? below : above;
  // The far edges first: a panel wider or taller than the viewport keeps its start in view.
  const clamp = (value: number, start: number, room: number, extent: number) => Math.max(start + GAP, Math.min(value, start + room - extent - GAP));
  return { left: clamp(at.x, view.x, view.width, size.width), top: clamp(top, view.y, view.height, size.height) };
}

/** Places the panel once it is laid out (its size is known only then), before it is painted or focused. */
function usePlaced(at: At, side: 'above' | 'below') {
  const panel = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = panel.current;
    const win = el?.ownerDocument.defaultView;
    if (!el || !win) return;
    const vv = win.visualViewport;
    const root = el.ownerDocument.documentElement;
    const view = vv ? { x: vv.pageLeft, y: vv.pageTop, width: vv.width, height: vv.height } : { x: win.scrollX, y: win.scrollY, width: root.clientWidth, height: root.clientHeight };
    const { left, top } = placePanel(at, side, { width: el.offsetWidth, height: el.offsetHeight }, view);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  }, [at]);
  return panel;
}

export interface AnnotatorProps {
  toolbar: At | null;
  editor: { at: At; record: HighlightRecord } | null;
  error: { message: string; retry: (() => void) | null } | null;
  /** Highlights just deleted here, and whether Undo takes the focus (Delete had it). */
  undo: { count: number; focus: boolean } | null;
  onHighlight(color: HighlightColor, withNote: boolean): void;
  onUpdate(id: string, patch: { color?: HighlightColor; note?: string }): void;
  onDelete(id: string): void;
  onClose(): void;
  onUndo(): void;
  /** The toast is put away (its time up, or Escape on it): the delete stays. */
  onUndoExpired(hadFocus: boolean): void;
  t: Translate;
}

export function Annotator(props: AnnotatorProps) {
  const { toolbar, editor, error, undo, t } = props;
  return (
    // In the UI's language and its direction: on a right-to-left page the host inherits the page's.
    <div class="annotator" lang={t('lang_tag')} dir={t('lang_dir') as 'ltr' | 'rtl'} onKeyDown={(e) => e.key === 'Escape' && !e.isComposing && props.onClose()}>
      {toolbar && !editor && <Toolbar at={toolbar} onHighlight={props.onHighlight} t={t} />}
      {/* One editor per highlight: another one opened in its place first closes this one, which saves it. */}
      {editor && <Editor key={editor.record.id} {...editor} onUpdate={props.onUpdate} onDelete={props.onDelete} onClose={props.onClose} t={t} />}
      {error && (
        <div class="panel error" role="alert" data-testid="hl-error">
          <span>{error.message}</span>
          {error.retry && (
            <button type="button" onClick={error.retry}>
              {t('hl_retry')}
            </button>
          )}
          <button type="button" aria-label={t('hl_close')} onClick={props.onClose}>
            ×
          </button>
        </div>
      )}
      {/* Always there, so a screen reader announces the toast when it comes into it. */}
      <div class="status" role="status">
        {undo && <UndoToast {...undo} onUndo={props.onUndo} onExpired={props.onUndoExpired} t={t} />}
      </div>
    </div>
  );
}

/** "Highlight deleted · Undo": gone after a while (or on Escape), but never while the reader is on it. */
function UndoToast({ count, focus, onUndo, onExpired, t }: { count: number; focus: boolean; onUndo(): void; onExpired(hadFocus: boolean): void; t: Translate }) {
  const button = useRef<HTMLButtonElement>(null);
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const held = focused || hovered;
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [count]);
  useEffect(() => {
    if (held) return;
    // Not held, so the focus is elsewhere: there is none to give back.
    const timer = setTimeout(() => onExpired(false), UNDO_MS);
    return () => clearTimeout(timer);
  }, [held, count]);
  return (
    <div
      class="toast"
      data-testid="hl-undo"
      onFocusIn={() => setFocused(true)}
      onFocusOut={() => setFocused(false)}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onKeyDown={(e) => {
        // Escape puts the toast away, not the editor or toolbar open beside it.
        if (e.key !== 'Escape' || e.isComposing) return;
        e.stopPropagation();
        onExpired(true);
      }}
    >
      <span>{counted(t, 'hl_deleted', count)}</span>
      <button ref={button} type="button" onClick={onUndo}>
        {t('hl_undo')}
      </button>
    </div>
  );
}

function Toolbar({ at, onHighlight, t }: { at: At } & Pick<AnnotatorProps, 'onHighlight' | 't'>) {
  const panel = usePlaced(at, 'above');
  return (
    <div class="panel toolbar" role="toolbar" aria-label={t('hl_toolbar')} ref={panel} data-testid="hl-toolbar">
      <Swatches current={null} onPick={(c) => onHighlight(c, false)} t={t} />
      <button type="button" class="note-btn" onClick={() => onHighlight('yellow', true)}>
        {t('hl_note')}
      </button>
    </div>
  );
}

function Swatches({ current, onPick, t }: { current: HighlightColor | null; onPick(c: HighlightColor): void; t: Translate }) {
  return (
    <>
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class="swatch"
          aria-pressed={current === c}
          aria-label={t(`color_${c}`)}
          title={t(`color_${c}`)}
          data-color={c}
          style={{ background: swatchColor(c) }}
          onClick={() => onPick(c)}
        />
      ))}
    </>
  );
}

function Editor({
  at,
  record,
  onUpdate,
  onDelete,
  onClose,
  t,
}: { at: At; record: HighlightRecord } & Pick<AnnotatorProps, 'onUpdate' | 'onDelete' | 'onClose' | 't'>) {
  const [note, setNote] = useState(record.note);
  const area = useRef<HTMLTextAreaElement>(null);
  const panel = usePlaced(at, 'below');
  // A note changed elsewhere (the popup, another tab) while this editor is open replaces the one
  // shown, unless the reader has typed here since.
  const shown = useRef(record.note);
  useEffect(() => {
    if (record.note === shown.current) return;
    const before = shown.current;
    shown.current = record.note;
    setNote((current) => (current === before ? record.note : current));
  }, [record.note]);
  useEffect(() => area.current?.focus(), [record.id]);
  // Saved when the reader closes the editor (Done, Escape, Ctrl+Enter, a click elsewhere on the
  // page), never on blur: a page's script can blur our field, and insert text before it does.
  const save = () => {
    if (note === shown.current) return;
    shown.current = note;
    onUpdate(record.id, { note });
  };
  const saveOnClose = useRef(save);
  saveOnClose.current = save;
  useEffect(() => {
    // Also when the reader leaves the page with it open: the window loses focus (the popup opens,
    // another tab or app comes up) or the page goes away. Events a script makes are not that.
    const view = area.current?.ownerDocument.defaultView;
    const leave = (e: Event) => {
      if (!e.isTrusted || !view) return;
      if (e.type === 'visibilitychange' && view.document.visibilityState !== 'hidden') return;
      // A page can make the window's blur itself, by focusing a frame of its own: the document
      // still has the focus then. Only a blur that takes it away (another app, the popup) counts.
      if (e.type === 'blur') queueMicrotask(() => view.document.hasFocus() || saveOnClose.current());
      else saveOnClose.current();
    };
    view?.addEventListener('blur', leave);
    view?.addEventListener('pagehide', leave);
    view?.document.addEventListener('visibilitychange', leave);
    return () => {
      view?.removeEventListener('blur', leave);
      view?.removeEventListener('pagehide', leave);
      view?.document.removeEventListener('visibilitychange', leave);
      saveOnClose.current();
    };
  }, []);
  return (
    <div class="panel editor" role="dialog" aria-label={t('hl_editor')} ref={panel} data-testid="hl-editor">
      <div class="row">
        <Swatches current={record.color} onPick={(color) => onUpdate(record.id, { color })} t={t} />
      </div>
      {/* A note goes the way its own words do: Arabic right to left in an English editor. */}
      <textarea
        ref={area}
        dir="auto"
        value={note}
        placeholder={t('hl_note_placeholder')}
        aria-label={t('hl_note')}
        onInput={(e) => setNote(e.currentTarget.value)}
        onKeyDown={(e) => {
          // A key that ends an input method's composition (Escape cancels the pinyin) is the IME's.
          if (e.isComposing) return;
          // Closing keeps what was typed, as Done and a click elsewhere do.
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <div class="row end">
        <button type="button" class="danger" onClick={() => onDelete(record.id)}>
          {t('hl_delete')}
        </button>
        <button type="button" onClick={onClose}>
          {t('hl_done')}
        </button>
      </div>
    </div>
  );
}
