/**
 * Highlighting in a document: makes highlights from the selection, draws the stored ones,
 * re-anchors what is not placed after the document changes, and answers the popup. Used by the
 * content script on the page and by the reader view on its copy of the story; storage is the
 * background's, reached through validated messages.
 */
import { render } from 'preact';
import { Annotator, type AnnotatorProps, type At } from './Annotator';
import type { Translate } from './i18n';
import { anchorMany, describeRange } from '@/utils/anchoring';
import { renderedText } from '@/utils/rendered';
import { TextIndex } from '@/utils/text-index';
import { highlightRow, type HighlightColor, type HighlightRecord } from '@/utils/annotation-types';
import { flashRange } from '@/utils/flash';
import { keepKeyboardAt } from '@/utils/keyboard-place';
import { createPainter, type Painter } from '@/utils/highlight-painter';
import { MAX_QUOTE, type AnchorStatus, type HeldHighlights, type PageInfo, type StorageFailure, type ToBackground } from '@/utils/messages';
import { normalizeUrl } from '@/utils/normalize-url';
import { randomUuid } from '@/utils/uuid';
import { errorText } from './error-text';

/** Tag of the in-page UI host; events from inside it are ours, not the reader's selection. */
export const ANNOTATOR_HOST = 'sourcemark-annotator';
const REANCHOR_DEBOUNCE_MS = 400;

/** What the highlighter needs from its surroundings. */
export interface HighlighterDeps {
  /**
   * The element whose text highlights are anchored in. Read at each use: a page may put a new body
   * in place of its own (Turbo's navigation swaps it), where the old one holds nothing to anchor in.
   */
  root: Element;
  /** The page the highlights belong to (any form; it is normalised). */
  pageUrl: string;
  /** The page as it will be saved with a new highlight (title, publisher, provenance). */
  pageInfo(): PageInfo;
  /**
   * Other pages whose stories this document also shows, besides `pageUrl` (a continuous-reading
   * site keeps the stories read before on the page): their highlights are drawn too, and a
   * selection inside one of their stories is filed under that page.
   */
  alsoShown?(pageUrl: string): ShownPage[];
  send(msg: ToBackground): Promise<unknown>;
  /** Adds an event listener for the highlighter's lifetime (the content script's context, or plain). */
  listen(target: EventTarget, type: string, handler: (e: Event) => void): void;
  /** Where the toolbar and editor render; made on first use. */
  mountUi(): Promise<HTMLElement>;
  /** Shows for a moment the page's blocks cleanup hid around `node`: a passage scrolled to there would be nowhere to see. */
  reveal?(node: Node): void;
  t: Translate;
}

/** A page whose story is on this document beside the current one. */
export interface ShownPage {
  url: string;
  /** Its story's body: a selection inside it belongs to this page. */
  root: Element;
  info(): PageInfo;
}

class StorageProblem extends Error {}

export class Highlighter {
  private readonly painter: Painter;
  private records = new Map<string, HighlightRecord>();
  private orphans = new Set<string>();
  /**
   * Each drawn highlight's text when it was drawn, whitespace left out. A range whose text differs
   * since has been moved by the page. Not the stored quote: a passage found again after an edit, or
   * over a hidden line, is drawn on text other than its quote and would be placed again at every change.
   */
  private drawnText = new Map<string, string>();
  /** Whether `records` holds the store's answer yet (false while the first load is in flight). */
  private loaded = false;
  private pageUrl: string;
  private ui: Promise<HTMLElement> | null = null;
  private view: Omit<AnnotatorProps, 't' | `on${string}`> = { toolbar: null, editor: null, error: null, undo: null };
  /** The records deleted here that the toast's Undo brings back, as the store returned them. */
  private deleted: HighlightRecord[] = [];
  /** Where the passage deleted last ended: the reader's place when the toast goes with the focus on it. */
  private deletedAt: Range | null = null;
  private observer: MutationObserver | null = null;
  /** Counts refreshes: an answer that comes after a later refresh began is stale (URLs that move as the reader scrolls). */
  private refreshes = 0;
  /** The last refresh begun; an earlier one resolves only once this has. */
  private latestRefresh: Promise<void> = Promise.resolve();
  /** The latest store answer that came, for the pages then shown: what a failed later refresh falls back to. */
  private lastAnswer: { refresh: number; pages: string; records: HighlightRecord[] } | null = null;
  /** The refresh whose answer is drawn, and the last refresh that failed while it was the latest. */
  private drawnRefresh = 0;
  private failed = 0;
  /**
   * Highlights made here, each with the number of refreshes begun before it was: a store's answer to
   * one begun no earlier could not hold it (the page read again as the reader picked a colour), and
   * must not take it off the page.
   */
  private madeHere = new Map<string, number>();
  private reanchorTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly doc: Document;

  constructor(private readonly deps: HighlighterDeps) {
    this.doc = deps.root.ownerDocument;
    this.pageUrl = normalizeUrl(deps.pageUrl);
    this.painter = createPainter(this.doc);
    deps.listen(this.doc, 'mouseup', (e) => this.onPointerUp(e as MouseEvent));
    deps.listen(this.doc, 'keyup', (e) => (e as KeyboardEvent).shiftKey && this.showToolbarForSelection());
    // Escape anywhere on the page puts an open toolbar or editor away, as it does inside them; the
    // selection stays. The key is marked taken, so the reader view, which also listens, stays open.
    deps.listen(this.doc, 'keydown', (e) => {
      const key = e as KeyboardEvent;
      if (key.key !== 'Escape' || key.isComposing || !(this.view.toolbar || this.view.editor) || isOurs(e)) return;
      key.preventDefault();
      this.closePanels();
    });
  }

  /** Loads and draws this page's stored highlights. */
  async restore(): Promise<void> {
    this.clearDrawn();
    this.records = new Map();
    this.orphans = new Set();
    this.loaded = false;
    await this.refresh([this.pageUrl]);
  }

  /** The page's highlights as held here, or null before the store has answered. */
  held(): HeldHighlights | null {
    return this.loaded ? { highlights: [...this.records.values()].filter((h) => this.isCurrent(h.id)).map(highlightRow), status: this.status() } : null;
  }

  /** Where the current page's highlights stand (the other pages shown are not the popup's). */
  status(): AnchorStatus {
    const placed = this.painter.ids().filter((id) => this.isCurrent(id) && !this.painter.rangeOf(id)!.collapsed);
    placed.sort((a, b) => this.painter.rangeOf(a)!.compareBoundaryPoints(Range.START_TO_START, this.painter.rangeOf(b)!));
    return { placed, orphaned: [...this.orphans].filter((id) => this.isCurrent(id)) };
  }

  private isCurrent(id: string): boolean {
    return this.records.get(id)?.pageUrl === this.pageUrl;
  }

  /** The current page and the others shown with it, normalised. */
  private shownUrls(): string[] {
    return [this.pageUrl, ...(this.deps.alsoShown?.(this.pageUrl) ?? []).map((p) => normalizeUrl(p.url))];
  }

  /**
   * Jumps to a highlight (the popup's row, the library's Open): scrolled to and flashed, and the
   * keyboard taken to its start, as after an in-page link: the next Tab goes on from the passage.
   */
  scrollTo(id: string): boolean {
    const range = this.painter.rangeOf(id);
    if (!range || range.collapsed) return false;
    this.deps.reveal?.(range.startContainer);
    flashRange(this.doc, range);
    this.painter.focus(id);
    keepKeyboardAt(this.doc, range.startContainer, range.startOffset);
    return true;
  }

  /**
   * The page wrote itself anew (utils/rewritten-page.ts): the panels' host went with the old root
   * element, and the browser erased the listeners of what was in it. The next panel is drawn in a
   * new host; the toolbar and editor close, their passages being gone with the old page.
   */
  remountUi(): void {
    const old = this.ui;
    if (!old) return;
    this.ui = null;
    void old.then((container) => render(null, container));
    this.view = { ...this.view, toolbar: null, editor: null };
    if (this.view.error || this.view.undo) this.update({});
  }

  /** Tells the reader why nothing was done, in the line where a failed save is told. */
  notice(message: string): void {
    this.update({ error: { message, retry: null } });
  }

  /** Context menu and keyboard shortcut: highlight the selection in the default colour. */
  highlightSelection(): void {
    void this.create('yellow', false);
  }

  private paint(record: HighlightRecord, range: Range): void {
    this.painter.draw(record.id, range, record.color, hasNote(record));
    this.drawnText.set(record.id, withoutSpaces(range.toString()));
  }

  private clearDrawn(): void {
    for (const id of this.painter.ids()) this.painter.remove(id);
  }

  /** Anchors every highlight not yet on the page; those that fail stay listed, never dropped. */
  private placeOrphans(): void {
    // A placed highlight whose text the page changed is looked for again: one whose text was removed
    // has collapsed, and one whose paragraphs the page swapped for copies (a framework's re-render)
    // has stretched over whole new paragraphs, since a live range's ends move out of removed nodes.
    for (const id of this.painter.ids()) {
      if (withoutSpaces(this.painter.rangeOf(id)!.toString()) !== this.drawnText.get(id)) {
        this.painter.remove(id);
        this.orphans.add(id);
      }
    }
    if (!this.orphans.size) return;
    const pending = [...this.orphans].map((id) => this.records.get(id)!);
    const anchored = anchorMany(pending.map((h) => h.selectors), this.deps.root);
    anchored.forEach((result, i) => {
      const record = pending[i]!;
      if (!result) return;
      this.paint(record, result.range);
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
    // The whole document, not the root: a root replaced by another is no change inside it.
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
  }

  /**
   * In-page navigation (history API) moved to another URL: show that page's highlights. Those of
   * pages still shown (see `alsoShown`) stay drawn; the store's answer replaces the rest.
   */
  async setPage(pageUrl: string): Promise<void> {
    const url = normalizeUrl(pageUrl);
    if (url === this.pageUrl) return;
    this.pageUrl = url;
    this.loaded = false;
    await this.refresh(this.shownUrls());
  }

  private onPointerUp(e: MouseEvent): void {
    if (isOurs(e)) return;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) {
      this.showToolbarForSelection();
      return;
    }
    // A click in text the reader edits (a page in design mode drawn with highlights before) puts the
    // caret there: a note editor opened on it would take the keys typed.
    const target = e.target as Node | null;
    const id = target?.nodeType && editable(target) ? null : this.painter.hitTest(e.clientX, e.clientY, e.target);
    const record = id ? this.records.get(id) : undefined;
    if (record) {
      this.painter.focus(record.id);
      // Beside the line clicked, not the whole passage: a long one may run past the screen.
      this.update({ toolbar: null, editor: { at: { x: e.pageX, top: e.pageY - 6, bottom: e.pageY + 6 }, record } });
    } else if (this.view.toolbar || this.view.editor) {
      this.painter.focus(null);
      this.update({ toolbar: null, editor: null });
    }
  }

  /** Shows the colour toolbar over the selection, if there is one worth highlighting. */
  showToolbarForSelection(): void {
    const range = this.selectedRange();
    if (!range) {
      if (this.view.toolbar) this.update({ toolbar: null });
      return;
    }
    this.update({ toolbar: this.spotOf(range), editor: null });
  }

  private async create(color: HighlightColor, withNote: boolean): Promise<void> {
    const range = this.selectedRange();
    if (!range) return;
    const keyboard = this.ownsFocus();
    // The same passage highlighted again is the one already there, in the colour just picked: a
    // second record would be listed twice, and the page could open only one of them.
    const same = this.highlightOn(range);
    if (same) {
      this.doc.getSelection()?.removeAllRanges();
      this.painter.focus(same.id);
      if (keyboard && !withNote) this.keepPlace(this.painter.rangeOf(same.id)!);
      this.update({ toolbar: null, editor: withNote ? { at: this.spotOf(this.painter.rangeOf(same.id)!), record: same } : null });
      // "Note" opens the editor on it as it is: its colour is the one a new highlight would take.
      if (!withNote && same.color !== color) await this.patch(same.id, { color });
      return;
    }
    const index = new TextIndex(this.deps.root);
    const selectors = describeRange(range, this.deps.root, index);
    if (!selectors) return;
    // The quote is what the reader saw: the selectors keep the text of a hidden ad slot the passage
    // runs over (offsets must not depend on cleanup), the quote listed and exported does not.
    const { start, end } = selectors.find((s) => s.type === 'TextPositionSelector')!;
    const quote = index.textWhere(start, end, renderedText()) || selectors.find((s) => s.type === 'TextQuoteSelector')!.exact;
    const now = new Date().toISOString();
    // A passage of another story shown here is that story's page's.
    const shown = this.deps.alsoShown?.(this.pageUrl).find((p) => p.root.contains(range.commonAncestorContainer));
    const page = shown ? shown.info() : this.deps.pageInfo();
    const pageUrl = shown ? normalizeUrl(shown.url) : this.pageUrl;
    const record: HighlightRecord = { id: randomUuid(), pageUrl, selectors, quote, color, note: '', created: now, updated: now };
    // Drawn at once from the live selection; if saving fails the user is told and can retry.
    this.records.set(record.id, record);
    this.madeHere.set(record.id, this.refreshes);
    this.paint(record, range.cloneRange());
    this.doc.getSelection()?.removeAllRanges();
    if (keyboard && !withNote) this.keepPlace(this.painter.rangeOf(record.id)!);
    this.update({ toolbar: null, editor: withNote ? { at: this.spotOf(this.painter.rangeOf(record.id)!), record } : null });
    this.watchPage();
    await this.save(record, page);
  }

  /**
   * The drawn highlight whose passage `range` is exactly: the same text from the same place. The
   * place is counted in characters, since two ranges may bound the same text by different nodes;
   * the same words next to a highlight (哈哈|哈哈) are another passage.
   */
  private highlightOn(range: Range): HighlightRecord | undefined {
    // Whitespace at either end is no part of the passage: a triple-click's selection takes the
    // paragraph's line breaks, a highlight placed again from its selectors (after a reload) does not.
    const text = range.toString().trim();
    let start: number | undefined;
    for (const id of this.painter.ids()) {
      const drawn = this.painter.rangeOf(id)!;
      if (drawn.toString().trim() !== text) continue;
      start ??= this.textStart(range);
      if (this.textStart(drawn) === start) return this.records.get(id);
    }
    return undefined;
  }

  /** Characters of the root's text before a range's first character other than whitespace. */
  private textStart(range: Range): number {
    const text = range.toString();
    return this.textBefore(range.startContainer, range.startOffset) + text.length - text.trimStart().length;
  }

  /** Characters of the root's text before a point. */
  private textBefore(node: Node, offset: number): number {
    const before = this.doc.createRange();
    before.setStart(this.deps.root, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  }

  private async save(record: HighlightRecord, page: PageInfo): Promise<void> {
    try {
      const answer = (await this.call({ type: 'highlight-create', page, highlight: record })) as { highlight?: unknown } | undefined;
      // No record back means the background refused it: a highlight drawn but never kept must say so.
      if (!answer?.highlight) throw new StorageProblem('not saved');
      if (this.view.error) this.update({ error: null });
    } catch (err) {
      this.update({ error: { message: this.deps.t('hl_save_failed', errorText(err)), retry: () => void this.save(record, page) } });
    }
  }

  private async patch(id: string, patch: { color?: HighlightColor; note?: string }): Promise<void> {
    // A highlight no longer held here (the page moved on in place while its editor was open, or it
    // was deleted elsewhere) is only saved: what was typed still goes to the store, which keeps it
    // when the highlight is there and refuses it, answering nothing, when it is not.
    const current = this.records.get(id);
    if (current) {
      const next = { ...current, ...patch };
      this.records.set(id, next);
      const range = this.painter.rangeOf(id);
      if (range && (patch.color || hasNote(current) !== hasNote(next))) this.paint(next, range);
      if (this.view.editor?.record.id === id) this.update({ editor: { ...this.view.editor, record: next } });
    }
    try {
      await this.call({ type: 'highlight-update', id, patch });
    } catch (err) {
      this.update({ error: { message: this.deps.t('hl_save_failed', errorText(err)), retry: () => void this.patch(id, patch) } });
    }
  }

  private async remove(id: string): Promise<void> {
    // Delete pressed from the keyboard leaves the focus on the toast's Undo, not on the page's body.
    const focus = this.ownsFocus();
    try {
      const answer = (await this.call({ type: 'highlights-delete', ids: [id] })) as { deleted?: HighlightRecord[] } | undefined;
      const end = this.painter.rangeOf(id)?.cloneRange();
      end?.collapse(false);
      this.deletedAt = end ?? this.deletedAt;
      this.painter.remove(id);
      this.records.delete(id);
      this.orphans.delete(id);
      // Each delete joins those still undoable, as in the popup.
      this.deleted = [...this.deleted, ...(answer?.deleted ?? [])];
      this.update({ editor: null, undo: this.deleted.length ? { count: this.deleted.length, focus } : null });
    } catch (err) {
      this.update({ error: { message: this.deps.t('hl_save_failed', errorText(err)), retry: () => void this.remove(id) } });
    }
  }

  /** Undo: the deleted records go back to the store as they were (id, colour, note, selectors) and are drawn again. */
  private async undoDelete(): Promise<void> {
    const records = this.deleted;
    try {
      await this.call({ type: 'highlights-restore', records });
    } catch (err) {
      this.update({ error: { message: this.deps.t('hl_save_failed', errorText(err)), retry: () => void this.undoDelete() } });
      return;
    }
    for (const record of records) {
      this.records.set(record.id, record);
      this.orphans.add(record.id);
    }
    this.placeOrphans();
    this.deletedAt = this.painter.rangeOf(records[0]!.id) ?? null;
    this.watchPage();
    this.forgetDeleted(this.ownsFocus());
  }

  /** The toast goes (Undo done, its time up, Escape on it); the focus it had goes back to the passage. */
  private forgetDeleted(hadFocus: boolean): void {
    if (this.deletedAt && hadFocus) this.keepPlace(this.deletedAt);
    this.deleted = [];
    this.deletedAt = null;
    this.update({ undo: null });
  }

  /** Closes the toolbar and the editor (which saves its note); the focus they had stays at the passage. */
  private closePanels(): void {
    const open = this.view.editor ? this.painter.rangeOf(this.view.editor.record.id) : this.view.toolbar ? this.selectedRange() : null;
    if (open && this.ownsFocus()) this.keepPlace(open);
    this.painter.focus(null);
    this.update({ toolbar: null, editor: null, error: null });
  }

  /** Whether the keyboard focus is in our panels. */
  private ownsFocus(): boolean {
    return this.doc.activeElement?.localName === ANNOTATOR_HOST;
  }

  /**
   * A panel that had the focus closes: the reader goes on from the end of the passage, not from the
   * top of the page (where the focus of a removed button goes).
   */
  private keepPlace(range: Range): void {
    keepKeyboardAt(this.doc, range.endContainer, range.endOffset);
  }

  /**
   * The stored highlights changed elsewhere (popup, library, another tab): take the store's view.
   * Resolves once the store's view is drawn: a refresh overtaken by a later one (the popup's notice,
   * then the background's) waits for that one, so whoever asked reads what the store holds.
   */
  async refresh(pageUrls: string[]): Promise<void> {
    const shown = this.shownUrls();
    if (!pageUrls.some((url) => shown.includes(url))) return;
    let mine = this.takeStoreView(shown, ++this.refreshes);
    this.latestRefresh = mine;
    await mine;
    while (this.latestRefresh !== mine) {
      mine = this.latestRefresh;
      await mine;
    }
  }

  private async takeStoreView(shown: string[], refresh: number): Promise<void> {
    const answers = (await Promise.all(shown.map((url) => this.call({ type: 'page-highlights', url }).catch(() => null)))) as Array<{ highlights?: HighlightRecord[] } | null>;
    const ok = answers.every((a) => a?.highlights);
    const pages = shown.join(' ');
    if (ok && refresh > (this.lastAnswer?.refresh ?? 0)) this.lastAnswer = { refresh, pages, records: answers.flatMap((a) => a!.highlights!) };
    if (refresh === this.refreshes && !ok) this.failed = refresh;
    // The latest refresh draws its answer; when it failed, the latest answer that did come for the
    // same pages is drawn instead (an earlier one, answered before or after), never one older than what is drawn.
    if (refresh !== this.refreshes && !(ok && this.failed === this.refreshes)) return;
    const view = this.lastAnswer;
    if (!view || view.refresh <= this.drawnRefresh || view.pages !== this.shownUrls().join(' ')) return;
    this.drawnRefresh = view.refresh;
    const fresh = new Map(view.records.map((h) => [h.id, h]));
    for (const [id, record] of this.records) {
      if (fresh.has(id)) {
        this.madeHere.delete(id);
        continue;
      }
      if ((this.madeHere.get(id) ?? -1) >= view.refresh && shown.includes(record.pageUrl)) {
        fresh.set(id, record);
        continue;
      }
      this.painter.remove(id);
      this.orphans.delete(id);
    }
    for (const [id, h] of fresh) {
      const old = this.records.get(id);
      const range = this.painter.rangeOf(id);
      if (!old) this.orphans.add(id);
      else if (range && (old.color !== h.color || hasNote(old) !== hasNote(h))) this.paint(h, range);
    }
    this.records = fresh;
    this.loaded = true;
    // An editor open on a highlight changed or deleted elsewhere shows the store's view too.
    const editor = this.view.editor;
    if (editor && fresh.get(editor.record.id) !== editor.record) {
      const record = fresh.get(editor.record.id);
      this.update({ editor: record ? { ...editor, record } : null });
    }
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
    this.ui ??= this.deps.mountUi();
    void this.ui.then((container) =>
      render(
        <Annotator
          {...this.view}
          t={this.deps.t}
          onHighlight={(color, withNote) => void this.create(color, withNote)}
          onUpdate={(id, patch) => void this.patch(id, patch)}
          onDelete={(id) => void this.remove(id)}
          onClose={() => this.closePanels()}
          onUndo={() => void this.undoDelete()}
          onUndoExpired={(hadFocus) => this.forgetDeleted(hadFocus)}
        />,
        container,
      ),
    );
  }

  /** The selection as a range worth highlighting: not empty, not in text the reader can edit, not in our own UI. */
  private selectedRange(): Range | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const text = range.toString();
    if (!text.trim()) return null;
    // A passage that could not be saved is not offered. Its saved text gains a space or a line
    // break at each block's edge, so it may run to twice the selection's length.
    if (text.length > MAX_QUOTE / 2) return null;
    if (!this.deps.root.contains(range.commonAncestorContainer)) return null;
    if (editable(range.startContainer) || editable(range.endContainer)) return null;
    return range;
  }

  /** The passage's box in document coordinates, for the panel placed beside it. */
  private spotOf(range: Range): At {
    const rect = range.getBoundingClientRect();
    const { scrollX, scrollY } = this.doc.defaultView!;
    return { x: rect.left + scrollX, top: rect.top + scrollY, bottom: rect.bottom + scrollY };
  }

  destroy(): void {
    this.observer?.disconnect();
    clearTimeout(this.reanchorTimer);
    this.painter.destroy();
  }
}

function isOurs(e: Event): boolean {
  return e.composedPath().some((n) => (n as Partial<Element>).localName === ANNOTATOR_HOST);
}

/** contenteditable's values that let the reader edit, as the browser reads them (any case); another value inherits. */
const EDITING = new Set(['', 'true', 'plaintext-only']);

/**
 * Whether the reader may edit the text at `node` (a form field, a box marked contenteditable by its
 * own attribute or an ancestor's, or any text of a document in design mode, where only a part marked
 * contenteditable="false" is not): a selection there is for editing, and a highlight would be typed over.
 */
function editable(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el.matches('input, textarea, select')) return true;
    const value = el.getAttribute('contenteditable')?.toLowerCase();
    if (value === 'false') return false;
    if (value !== undefined && EDITING.has(value)) return true;
  }
  // The browser answers 'on' or 'off', whatever case the page set it in.
  return node.ownerDocument?.designMode === 'on';
}

function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Whether the page marks the highlight as having a note: one of spaces alone is none. */
function hasNote(record: HighlightRecord): boolean {
  return record.note.trim() !== '';
}

