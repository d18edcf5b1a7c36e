/**
 * The in-page half of highlighting: makes highlights from the selection, draws the stored ones,
 * re-anchors what is not placed after the page changes, and answers the popup. Storage is the
 * background's; everything here goes through validated messages.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Annotator, type AnnotatorProps, type At } from '@/components/Annotator';
import { t } from '@/components/i18n';
import { anchorMany, describeRange } from '@/utils/anchoring';
import type { HighlightColor, HighlightRecord } from '@/utils/annotation-types';
import { flashRange } from '@/utils/flash';
import { createPainter, type Painter } from '@/utils/highlight-painter';
import type { AnchorStatus, PageInfo, StorageFailure, ToBackground } from '@/utils/messages';
import { normalizeUrl } from '@/utils/normalize-url';
import './annotator.css';

const UI_NAME = 'sourcemark-annotator';
const REANCHOR_DEBOUNCE_MS = 400;
const TOOLBAR_HEIGHT = 40;

/** What the highlighter needs from its surroundings. */
export interface HighlighterDeps {
  ctx: ContentScriptContext;
  /** The page as it will be saved with a new highlight (title, publisher, provenance). */
  pageInfo(): PageInfo;
  send(msg: ToBackground): Promise<unknown>;
}

class StorageProblem extends Error {}

export class Highlighter {
  private readonly painter: Painter;
  private records = new Map<string, HighlightRecord>();
  private orphans = new Set<string>();
  private pageUrl = normalizeUrl(location.href);
  private ui: Promise<HTMLElement> | null = null;
  private view: Omit<AnnotatorProps, 't' | 'onHighlight' | 'onUpdate' | 'onDelete' | 'onClose'> = { toolbar: null, editor: null, error: null };
  private observer: MutationObserver | null = null;
  private reanchorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: HighlighterDeps) {
    this.painter = createPainter(document);
    const { ctx } = deps;
    ctx.addEventListener(document, 'mouseup', (e) => this.onPointerUp(e as MouseEvent));
    ctx.addEventListener(document, 'keyup', (e) => (e as KeyboardEvent).shiftKey && this.showToolbarForSelection());
    ctx.addEventListener(window, 'wxt:locationchange', () => void this.onLocationChange());
    ctx.onInvalidated(() => this.destroy());
  }

  /** Loads and draws this page's stored highlights. */
  async restore(): Promise<void> {
    const answer = await this.call({ type: 'page-highlights', url: this.pageUrl }).catch(() => null);
    const list = (answer as { highlights?: HighlightRecord[] } | null)?.highlights ?? [];
    this.records = new Map(list.map((h) => [h.id, h]));
    this.clearDrawn();
    this.orphans = new Set(this.records.keys());
    this.placeOrphans();
    this.watchPage();
    // The library opens a page at a highlight as `#sourcemark=<id>`.
    const wanted = /^#sourcemark=(.+)$/.exec(location.hash)?.[1];
    if (wanted) this.scrollTo(decodeURIComponent(wanted));
  }

  status(): AnchorStatus {
    const placed = this.painter.ids().filter((id) => !this.painter.rangeOf(id)!.collapsed);
    placed.sort((a, b) => this.painter.rangeOf(a)!.compareBoundaryPoints(Range.START_TO_START, this.painter.rangeOf(b)!));
    return { placed, orphaned: [...this.orphans] };
  }

  scrollTo(id: string): boolean {
    const range = this.painter.rangeOf(id);
    if (!range || range.collapsed) return false;
    flashRange(document, range);
    this.painter.focus(id);
    return true;
  }

  /** Context menu and keyboard shortcut: highlight the selection in the default colour. */
  highlightSelection(): void {
    void this.create('yellow', false);
  }

  private clearDrawn(): void {
    for (const id of this.painter.ids()) this.painter.remove(id);
  }

  /** Anchors every highlight not yet on the page; those that fail stay listed, never dropped. */
  private placeOrphans(): void {
    // A placed highlight whose text the page removed has collapsed: look for it again.
    for (const id of this.painter.ids()) {
      if (this.painter.rangeOf(id)!.collapsed) {
        this.painter.remove(id);
        this.orphans.add(id);
      }
    }
    if (!this.orphans.size) return;
    const pending = [...this.orphans].map((id) => this.records.get(id)!);
    const anchored = anchorMany(pending.map((h) => h.selectors), document.body);
    anchored.forEach((result, i) => {
      const record = pending[i]!;
      if (!result) return;
      this.painter.draw(record.id, result.range, record.color);
      this.orphans.delete(record.id);
    });
  }

  /** Late content (lazy-loaded story pages, portals re-shuffling ads): retry the unplaced ones. */
  private watchPage(): void {
    if (this.observer || !this.records.size) return;
    this.observer = new MutationObserver(() => {
      clearTimeout(this.reanchorTimer);
      this.reanchorTimer = setTimeout(() => this.placeOrphans(), REANCHOR_DEBOUNCE_MS);
    });
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  private async onLocationChange(): Promise<void> {
    const url = normalizeUrl(location.href);
    if (url === this.pageUrl) return;
    this.pageUrl = url;
    this.clearDrawn();
    await this.restore();
  }

  private onPointerUp(e: MouseEvent): void {
    if (isOurs(e)) return;
    const selection = getSelection();
    if (selection && !selection.isCollapsed) {
      this.showToolbarForSelection();
      return;
    }
    const id = this.painter.hitTest(e.clientX, e.clientY, e.target);
    const record = id ? this.records.get(id) : undefined;
    if (record) {
      this.painter.focus(record.id);
      this.update({ toolbar: null, editor: { at: { x: e.pageX, y: e.pageY + 12 }, record } });
    } else if (this.view.toolbar || this.view.editor) {
      this.painter.focus(null);
      this.update({ toolbar: null, editor: null });
    }
  }

  private showToolbarForSelection(): void {
    const range = selectedRange();
    if (!range) {
      if (this.view.toolbar) this.update({ toolbar: null });
      return;
    }
    const rect = range.getBoundingClientRect();
    const above = rect.top > TOOLBAR_HEIGHT + 8;
    const at: At = { x: rect.left + scrollX, y: (above ? rect.top - TOOLBAR_HEIGHT - 4 : rect.bottom + 6) + scrollY };
    this.update({ toolbar: at, editor: null });
  }

  private async create(color: HighlightColor, withNote: boolean): Promise<void> {
    const range = selectedRange();
    if (!range) return;
    const selectors = describeRange(range, document.body);
    if (!selectors) return;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!.exact;
    const now = new Date().toISOString();
    const record: HighlightRecord = { id: crypto.randomUUID(), pageUrl: this.pageUrl, selectors, quote, color, note: '', created: now, updated: now };
    // Drawn at once from the live selection; if saving fails the user is told and can retry.
    this.records.set(record.id, record);
    this.painter.draw(record.id, range.cloneRange(), color);
    getSelection()?.removeAllRanges();
    this.update({ toolbar: null, editor: withNote ? { at: editorSpot(this.painter.rangeOf(record.id)!), record } : null });
    this.watchPage();
    await this.save(record);
  }

  private async save(record: HighlightRecord): Promise<void> {
    try {
      await this.call({ type: 'highlight-create', page: this.deps.pageInfo(), highlight: record });
      if (this.view.error) this.update({ error: null });
    } catch (err) {
      this.update({ error: { message: t('hl_save_failed', errorText(err)), retry: () => void this.save(record) } });
    }
  }

  private async patch(id: string, patch: { color?: HighlightColor; note?: string }): Promise<void> {
    const current = this.records.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    this.records.set(id, next);
    if (patch.color) this.painter.draw(id, this.painter.rangeOf(id)!, patch.color);
    if (this.view.editor?.record.id === id) this.update({ editor: { ...this.view.editor, record: next } });
    try {
      await this.call({ type: 'highlight-update', id, patch });
    } catch (err) {
      this.update({ error: { message: t('hl_save_failed', errorText(err)), retry: () => void this.patch(id, patch) } });
    }
  }

  private async remove(id: string): Promise<void> {
    try {
      await this.call({ type: 'highlights-delete', ids: [id] });
      this.painter.remove(id);
      this.records.delete(id);
      this.orphans.delete(id);
      this.update({ editor: null });
    } catch (err) {
      this.update({ error: { message: t('hl_save_failed', errorText(err)), retry: () => void this.remove(id) } });
    }
  }

  /** The stored highlights changed elsewhere (popup, library, another tab): take the store's view. */
  async refresh(pageUrls: string[]): Promise<void> {
    if (!pageUrls.includes(this.pageUrl)) return;
    const answer = (await this.call({ type: 'page-highlights', url: this.pageUrl }).catch(() => null)) as { highlights?: HighlightRecord[] } | null;
    if (!answer?.highlights) return;
    const fresh = new Map(answer.highlights.map((h) => [h.id, h]));
    for (const id of this.records.keys()) {
      if (fresh.has(id)) continue;
      this.painter.remove(id);
      this.orphans.delete(id);
    }
    for (const [id, h] of fresh) {
      const old = this.records.get(id);
      const range = this.painter.rangeOf(id);
      if (!old) this.orphans.add(id);
      else if (range && old.color !== h.color) this.painter.draw(id, range, h.color);
    }
    this.records = fresh;
    this.placeOrphans();
    this.watchPage();
  }

  private async call(msg: ToBackground): Promise<unknown> {
    const answer = await this.deps.send(msg);
    const failure = (answer as Partial<StorageFailure> | undefined)?.error;
    if (failure) throw new StorageProblem(failure.message);
    return answer;
  }

  private update(change: Partial<typeof this.view>): void {
    this.view = { ...this.view, ...change };
    this.ui ??= this.mountUi();
    void this.ui.then((container) =>
      render(
        <Annotator
          {...this.view}
          t={t}
          onHighlight={(color, withNote) => void this.create(color, withNote)}
          onUpdate={(id, patch) => void this.patch(id, patch)}
          onDelete={(id) => void this.remove(id)}
          onClose={() => {
            this.painter.focus(null);
            this.update({ toolbar: null, editor: null, error: null });
          }}
        />,
        container,
      ),
    );
  }

  /** The shadow-root host is made on first use, so pages nobody highlights get no extra element. */
  private async mountUi(): Promise<HTMLElement> {
    const ui = await createShadowRootUi(this.deps.ctx, {
      name: UI_NAME,
      position: 'inline',
      anchor: document.documentElement,
      append: 'last',
      onMount: (container) => container,
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
    return ui.uiContainer;
  }

  private destroy(): void {
    this.observer?.disconnect();
    clearTimeout(this.reanchorTimer);
    this.painter.destroy();
  }
}

/** The selection as a range worth highlighting: not empty, not in a form field or in our own UI. */
function selectedRange(): Range | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.toString().trim()) return null;
  const start = range.startContainer.parentElement;
  if (!start || !document.body.contains(range.commonAncestorContainer)) return null;
  if (start.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return null;
  return range;
}

function editorSpot(range: Range): At {
  const rect = range.getBoundingClientRect();
  return { x: rect.left + scrollX, y: rect.bottom + scrollY + 8 };
}

function isOurs(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof HTMLElement && n.tagName.toLowerCase() === UI_NAME);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
