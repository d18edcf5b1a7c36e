/**
 * Applies the analysis to the live page, reversibly: hidden elements get an attribute and one
 * stylesheet (see cleanup-style) hides them while `<html>` says cleanup is on. Nothing is
 * removed, so "Show original" is one attribute flip.
 */
import type { HiddenItem, HiddenKind } from './analysis-types';
import { addedComments, addedFloatingBox, addedShareBar, boxJudge, classifyElement, popUpBackdrops, teaserHeading, type ClutterContext, type CommentPlace, type Verdict, type WaitingBox } from './clutter';
import { DOCUMENT_POSITION_FOLLOWING, ELEMENT_NODE, TEXT_NODE } from './dom-constants';
import { lateTeasers, type LateTeaser, type StoryToJudge } from './teaser-judge';
import { DomStats } from './dom-stats';
import { englishReason, type Why } from './reasons';
import { uniqueSelector } from './selector';
import { isKept } from './settings';
import { isInvisible, visibleText } from './text';
import { AROUND_ATTR, HIDDEN_ATTR, KEPT_ATTR, REVEALED_ATTR, ROOT_ATTR, SELECTABLE_ATTR, SHOWN_ATTR, UNFOLDED_ATTR, UNLOCKED_ATTR } from './cleanup-style';
import { later } from './tasks';
import { clipCandidates, holdsFoldControl, type Fold } from './unfold';

/** One hidden element as the page session tracks it. */
export interface TrackedItem {
  id: number;
  el: Element;
  item: HiddenItem;
  /** The item's reason as a message, for the popup to show in the reader's language. */
  why: Why;
  kept: boolean;
}

export interface CleanupOptions extends Pick<ClutterContext, 'position' | 'shown' | 'covers'> {
  /** Elements that must never be hidden, e.g. the article root (late ads inside it are still caught). */
  root: Element | null;
  /** Keep-rule fingerprints for this site ("Never hide this"). */
  keep: Set<string>;
  /** Kinds the reader leaves on every page (settings); the rest are hidden. */
  shownKinds?: readonly HiddenKind[];
  /** Called after late-injected clutter was hidden, so the popup count stays true. */
  onChange?: () => void;
  /**
   * The story's fold as the layout now shows it (see unfold.ts), asked again when a fold button
   * comes after the analysis or the boxes that may cut the story change class or style: a page's
   * script may cut the story's box once the page has loaded.
   */
  findFold?: () => Fold | null;
  /**
   * The story that teasers a page's script adds after the analysis are judged against (see
   * lateTeasers); unset, only late ads are hidden.
   */
  story?: StoryToJudge;
  /**
   * Floating boxes the page kept out of sight at load (see waitingBox), watched with
   * `shown`: one the page then shows by itself (a pop-up on a timer) is hidden; one it shows as the
   * reader's click or key asked (a login box) is theirs, and left. A floating box the page adds
   * later is judged the same way: added in sight, it goes unless the reader was acting; added out
   * of sight, it joins these.
   */
  waiting?: readonly WaitingBox[];
  /**
   * Whether the reader clicked or typed a moment ago (the browser's transient user activation).
   * Without it, every box that shows or comes counts as the reader's.
   */
  readerActing?: () => boolean;
  /**
   * Whether the page has stopped its own scrolling (see live-layout's scrollLocked), asked when a
   * floating box goes: a page that stopped scrolling for its pop-up then scrolls again.
   */
  scrollLocked?: (doc: Document) => boolean;
}

/** An open dialog shown with showModal(); where the browser knows no `:modal` (Chrome before 105), any open one may be. */
function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return true;
  }
}

/** Whether a reason is the floating-box rule's, itself or as the cause of a late verdict. */
const isFloatingBox = (why: Why): boolean => why.key === 'reason_floating_box' || why.args.some((arg) => typeof arg !== 'string' && arg.key === 'reason_floating_box');

/** The live cleanup of one page: what is hidden, and the switch that shows the original. */
export class Cleanup {
  readonly items: TrackedItem[] = [];
  /** The next item's id: an item a late thread takes in leaves the list (see takeIn), its id unused. */
  private nextId = 0;
  private observer: MutationObserver | null = null;
  private pending: Element[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** A box that may cut the story changed class or style since the last batch (see observe). */
  private foldDue = false;
  /** Kinds the settings leave on the page. */
  private shown: ReadonlySet<HiddenKind> = new Set();
  /** Items searched for the ads inside them once they showed (see revealAds). */
  private readonly searched = new WeakSet<Element>();
  /** The story's box shown whole (see unfold). */
  private unfolded: Element | null = null;
  /** Floating boxes still out of sight (see CleanupOptions.waiting); each leaves once it shows. */
  private waiting: readonly WaitingBox[];
  /** Watches them and every block around them up to <html> (see watch). */
  private watcher: MutationObserver | null = null;
  /** One of those changed class or style since the last batch ... */
  private wakeDue = false;
  /** ... and the reader was acting when one did. */
  private wokenByReader = false;
  /** Elements the page added while the reader was acting (see flush). */
  private readonly askedFor = new WeakSet<Element>();
  /** Heavy boxes late elements landed in, with the verdict and the teaser name found for each (see keptOnceHeavy). */
  private readonly heavyBoxes = new WeakMap<Element, Verdict | null>();
  private readonly heavyBlocks = new WeakMap<Element, string | null>();
  /** The page's <dialog> elements, live: most pages have none, and then nothing more is asked. */
  private readonly dialogs: HTMLCollectionOf<Element>;
  /** The story's last text as the watching began (see storyEnd): comment widgets below it may go. */
  private storyEnd: Text | null = null;
  /** The boxes a kept item is kept in sight in (see keepInSight). */
  private around: Element[] = [];

  constructor(
    private readonly doc: Document,
    private readonly options: CleanupOptions,
  ) {
    this.setShownKinds(options.shownKinds ?? []);
    this.waiting = options.waiting ?? [];
    this.dialogs = doc.getElementsByTagName('dialog');
    // A portal may forbid selecting its story; the reader highlights it all the same.
    options.root?.setAttribute(SELECTABLE_ATTR, '');
  }

  /** Marks the elements; they disappear while cleanup is active. */
  mark(elements: Array<{ el: Element; item: HiddenItem; why: Why }>): void {
    const tracked = elements.filter(({ el, item, why }) => this.track(el, item, why, false));
    // Once all are marked: a backdrop the analysis hid already is not listed twice.
    for (const { el, why } of tracked) if (isFloatingBox(why)) this.freeScreen(el);
    this.revealAds();
  }

  /**
   * Hides and lists one element; true when it now hides (not kept). A floating box's backdrop and
   * the page's scroll lock go with it, unless `free` is false (the caller frees the screen later).
   */
  private track(el: Element, item: HiddenItem, why: Why, free = true): boolean {
    // Never take away a field the user is typing in, nor the block around it.
    const active = this.doc.activeElement;
    if (active && active !== this.doc.body && el.contains(active)) return false;
    if (this.holdsModal(el) || (isFloatingBox(why) && this.storyBlocked())) return false;
    // A keep rule names the item by its text; without rules for the site, that text is not built.
    const kept = isKept(this.options.keep, item);
    el.setAttribute(HIDDEN_ATTR, item.kind);
    if (kept) el.setAttribute(KEPT_ATTR, '');
    this.items.push({ id: this.nextId++, el, item, why, kept });
    if (free && !kept && isFloatingBox(why)) this.freeScreen(el);
    return !kept;
  }

  /**
   * Whether `el` is or holds an open modal dialog (`showModal()`): the browser makes the rest of the
   * page inert while one is open, drawn or not, so hiding it would leave a page that takes no click.
   * The reader closes it; the page's own close button is there.
   */
  private holdsModal(el: Element): boolean {
    for (let i = 0; i < this.dialogs.length; i++) {
      const dialog = this.dialogs[i]!;
      if (dialog.hasAttribute('open') && el.contains(dialog) && isModal(dialog)) return true;
    }
    return false;
  }

  /**
   * Whether the page has made the story inert or hidden from assistive technology (what modal
   * scripts do to the rest of the page while their pop-up is open): hiding a pop-up then would
   * leave a story that takes no click, or that a screen reader cannot reach, with no way to close it.
   */
  private storyBlocked(): boolean {
    return this.options.root?.closest('[inert], [aria-hidden="true"]') != null;
  }

  /**
   * What a hidden pop-up leaves on the screen: its backdrop goes with it (listed, so "Never hide
   * this" brings it back), and a page that stopped scrolling for it scrolls again while its ads
   * are hidden. The original page brings back both, with the pop-up.
   */
  private freeScreen(box: Element): void {
    const { position, shown, covers, scrollLocked } = this.options;
    for (const pane of popUpBackdrops(box, { position, shown, covers, stats: new DomStats() })) {
      if (pane.hasAttribute(HIDDEN_ATTR)) continue;
      const why: Why = { key: 'reason_pop_up_backdrop', args: [] };
      this.track(pane, { kind: 'ad', selector: uniqueSelector(pane), text: '', reason: englishReason(why) }, why);
    }
    if (scrollLocked?.(this.doc)) this.doc.documentElement.setAttribute(UNLOCKED_ATTR, '');
  }

  /**
   * Shows a story cut to a height whole, hiding its fold button (see unfold.ts); the page's cut
   * comes back with the original, as everything hidden does.
   */
  unfold(fold: Fold): void {
    const why: Why = { key: 'reason_fold', args: [fold.label] };
    // A button the analysis hid already (a tool bar holding it) is listed once.
    if (!fold.control.closest(`[${HIDDEN_ATTR}]`)) this.mark([{ el: fold.control, item: { kind: 'widget', selector: uniqueSelector(fold.control), text: fold.label, reason: englishReason(why) }, why }]);
    fold.clip.setAttribute(UNFOLDED_ATTR, '');
    this.unfolded = fold.clip;
  }

  get active(): boolean {
    return this.doc.documentElement.getAttribute(ROOT_ATTR) === 'on';
  }

  /** On: clutter hidden and late ads watched. Off: the original page, observer disconnected. */
  setActive(on: boolean): void {
    if (on) {
      this.doc.documentElement.setAttribute(ROOT_ATTR, 'on');
      this.observe();
    } else {
      this.doc.documentElement.setAttribute(ROOT_ATTR, 'off');
      this.disconnect();
    }
  }

  /** Applies a changed set of keep rules without re-analysing the page. */
  setKeep(keep: Set<string>): void {
    this.options.keep = keep;
    for (const t of this.items) {
      t.kept = isKept(keep, t.item);
      if (t.kept) t.el.setAttribute(KEPT_ATTR, '');
      else t.el.removeAttribute(KEPT_ATTR);
    }
    this.keepInSight();
    this.revealAds();
  }

  /**
   * A hidden comment box holding an item the reader keeps (a thread hidden late around a comment
   * they kept as it came alone, see takeIn) is hidden around it: the box and the boxes down to the
   * item are marked, and the stylesheet hides all else in them. Marked anew with each change of
   * the rules: one taken back hides the box whole again.
   */
  private keepInSight(): void {
    for (const el of this.around) el.removeAttribute(AROUND_ATTR);
    this.around = [];
    for (const t of this.items) {
      if (!t.kept) continue;
      // Up to the outermost hidden comment box around it: one inside another is hidden by both.
      const path: Element[] = [];
      let boxed = 0;
      for (let el = t.el.parentElement; el; el = el.parentElement) {
        path.push(el);
        if (el.getAttribute(HIDDEN_ATTR) === 'comments') boxed = path.length;
      }
      path.length = boxed;
      for (const el of path) el.setAttribute(AROUND_ATTR, '');
      this.around.push(...path);
    }
  }

  /** Leaves these kinds on the page (the stylesheet reads the root's list); their items stay tracked. */
  setShownKinds(kinds: readonly HiddenKind[]): void {
    const root = this.doc.documentElement;
    if (kinds.length) root.setAttribute(SHOWN_ATTR, kinds.join(' '));
    else root.removeAttribute(SHOWN_ATTR);
    this.shown = new Set(kinds);
    this.revealAds();
  }

  /**
   * A block judged whole (comments, a teaser rail) was hidden with the ads inside it, which the
   * analysis did not look for. Once it shows (its kind left on pages, or a keep rule), they are
   * looked for as late ads are, so showing the comments does not show their ads.
   */
  private revealAds(): void {
    // One budget for the whole call: it runs as the page is cleaned.
    const search = { budget: MAX_SEARCH, found: false };
    // Over a copy: the ads found are tracked items too.
    for (const t of [...this.items]) {
      if (t.item.kind === 'ad') continue;
      // A block hidden again is searched again when it next shows: ads may have come meanwhile.
      if (!(t.kept || this.shown.has(t.item.kind))) this.searched.delete(t.el);
      else if (!this.searched.has(t.el) && search.budget > 0) {
        this.searched.add(t.el);
        this.trackAdsIn(t.el, search);
      }
    }
    if (search.found) this.options.onChange?.();
  }

  /** Tracks the ads among `block`'s elements while the search's budget lasts, not looking inside one found. */
  private trackAdsIn(block: Element, search: { budget: number; found: boolean }): void {
    const stats = new DomStats();
    const visit = (el: Element): void => {
      for (let child = el.firstElementChild; child && search.budget > 0; child = child.nextElementSibling, search.budget--) {
        if (child.hasAttribute(HIDDEN_ATTR)) continue;
        const verdict = classifyElement(child, { position: this.options.position, shown: this.options.shown, stats });
        if (verdict?.kind === 'ad') {
          this.track(child, { kind: 'ad', selector: uniqueSelector(child), text: visibleText(child), reason: englishReason(verdict.why) }, verdict.why);
          search.found = true;
        } else visit(child);
      }
    };
    visit(block);
  }

  /** Undoes everything: attributes, root switch, observer. */
  destroy(): void {
    this.disconnect();
    for (const t of this.items) {
      t.el.removeAttribute(HIDDEN_ATTR);
      t.el.removeAttribute(KEPT_ATTR);
    }
    for (const el of this.around) el.removeAttribute(AROUND_ATTR);
    this.unfolded?.removeAttribute(UNFOLDED_ATTR);
    this.options.root?.removeAttribute(SELECTABLE_ATTR);
    this.doc.documentElement.removeAttribute(UNLOCKED_ATTR);
    this.doc.documentElement.removeAttribute(ROOT_ATTR);
    this.doc.documentElement.removeAttribute(SHOWN_ATTR);
  }

  private observe(): void {
    const view = this.doc.defaultView;
    if (this.observer || !view?.MutationObserver || !this.doc.body) return;
    this.observer = new view.MutationObserver((records) => {
      // Asked now, not when the batch runs: the reader's activation is brief.
      const acting = this.options.readerActing?.() ?? true;
      for (const r of records) {
        // Once the story is shown whole, its boxes' changes ask nothing more.
        if (r.type === 'attributes') this.foldDue = this.mayUnfold;
        else
          for (const node of Array.from(r.addedNodes)) {
            if (node.nodeType !== 1) continue;
            this.pending.push(node as Element);
            if (acting) this.askedFor.add(node as Element);
          }
      }
      this.schedule();
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true });
    // Read once the analysis' items are marked, before anything late is looked at.
    if (this.options.root) this.storyEnd ??= storyEnd(this.options.root);
    this.watchWaiting();
    // A page's script may cut the story by a class or style on its box once the page has loaded;
    // only those few boxes are watched for it (the body keeps its own options above).
    const root = this.options.root;
    if (!this.mayUnfold || !root) return;
    for (const box of clipCandidates(root)) this.observer.observe(box, { attributes: true, attributeFilter: ['class', 'style'] });
  }

  /** Batch: ad scripts insert many nodes in a burst; classify once the burst settles. */
  private schedule(): void {
    if ((this.pending.length || this.foldDue || this.wakeDue) && !this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), 150);
  }

  private disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.watcher?.disconnect();
    this.watcher = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = [];
    this.foldDue = false;
    this.wakeDue = false;
    this.wokenByReader = false;
  }

  /**
   * Watches each waiting box for the page showing it: the box and every block around it up to
   * <html> (a dialog shown by its own class, its wrapper's, or one on <body>). A class, style,
   * hidden or open attribute is how a page shows one.
   */
  private watchWaiting(): void {
    for (const { el } of this.waiting) this.watch(el);
  }

  private watch(box: Element): void {
    const view = this.doc.defaultView;
    if (!this.options.shown || !this.observer || !view) return;
    // Its own observer: the body's registration (added nodes, whole subtree) must keep its options.
    this.watcher ??= new view.MutationObserver(() => {
      this.wakeDue = true;
      // Asked now, not when the batch runs: the reader's activation is brief.
      if (this.options.readerActing?.() ?? true) this.wokenByReader = true;
      this.schedule();
    });
    for (let el: Element | null = box; el; el = el.parentElement) this.watcher.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] });
  }

  /**
   * The waiting boxes the page has shown since the last batch: hidden when the page showed them by
   * itself, left (and no longer watched) when the reader was acting. True when one was hidden.
   */
  private wake(): boolean {
    const byReader = this.wokenByReader;
    this.wakeDue = false;
    this.wokenByReader = false;
    const shown = this.options.shown;
    if (!shown) return false;
    let hid = false;
    this.waiting = this.waiting.filter(({ el, why: floating }) => {
      if (!el.isConnected) return false;
      if (!shown(el)) return true;
      if (byReader || this.isCovered(el)) return false;
      const why: Why = { key: 'reason_shown_after_load', args: [floating] };
      this.track(el, { kind: 'ad', selector: uniqueSelector(el), text: visibleText(el), reason: englishReason(why) }, why);
      hid = true;
      return false;
    });
    if (!this.waiting.length) {
      this.watcher?.disconnect();
      this.watcher = null;
    }
    return hid;
  }

  /** Bounded work per batch: at most MAX_BATCH new elements are looked at (see nextBatch); the rest wait. */
  private flush(): void {
    this.flushTimer = null;
    const batch = this.nextBatch();
    let changed = false;
    if (this.foldDue) {
      this.foldDue = false;
      changed = this.unfoldNow();
    }
    if (this.wakeDue) changed = this.wake() || changed;
    // Late nodes are new to the load's cache; a fresh one per batch keeps the weights true (the
    // page's script does not run while the batch is read).
    const stats = new DomStats();
    const ctx: ClutterContext = { position: this.options.position, shown: this.options.shown, stats };
    // What the page added as the reader clicked or typed may be what they asked for (a login box):
    // it is judged without layout, so no floating box of it goes.
    const asked: ClutterContext = { stats };
    const story = this.options.story;
    const root = this.options.root;
    const judgeBox = keptOnceHeavy(this.heavyBoxes, boxJudge(ctx), stats);
    const teaserName = keptOnceHeavy(this.heavyBlocks, (block) => teaserHeading(block, ctx), stats);
    const boxesAsked = new Set<Element>();
    const commentBoxesAsked = new Set<Element>();
    const place = (box: Element): CommentPlace => this.commentPlace(box);
    for (const el of batch) {
      if (!el.isConnected || this.isCovered(el)) continue;
      if (this.mayUnfold && holdsFoldControl(el) && this.unfoldNow()) {
        changed = true;
        continue;
      }
      // Late arrivals are ads, share bars or comment widgets the page adds unasked, or teasers
      // where the page's script fills a teaser block (not one the reader chose to keep: what comes
      // into it is theirs to see); the rest were judged at load. What the reader's click brings
      // (comments, a share panel, a login box) is theirs.
      const byReader = this.askedFor.has(el);
      const verdict = classifyElement(el, byReader ? asked : ctx);
      // A wrapper the rules take for anything but an ad is looked into for a floating box.
      const floating = verdict?.kind === 'ad' || byReader ? null : addedFloatingBox(el, ctx);
      // A floating box added out of sight waits to show, as one out of sight at load does.
      if (floating && !(ctx.shown?.(floating.el) ?? true)) {
        this.waiting = [...this.waiting, { el: floating.el, why: floating.verdict.why }];
        this.watch(floating.el);
        continue;
      }
      const share = verdict?.kind === 'ad' || floating || byReader ? null : addedShareBar(el, verdict, judgeBox, boxesAsked);
      const comments = verdict?.kind === 'ad' || floating || share || byReader ? null : addedComments(el, verdict, judgeBox, commentBoxesAsked, place);
      const caught = verdict?.kind === 'ad' ? { el, verdict } : (floating ?? (share && !(root && share.el.contains(root)) ? share : comments));
      const judgeTeasers = story !== undefined && !el.closest(`[${KEPT_ATTR}]`);
      const late: LateTeaser[] = caught ? [{ ...caught, text: visibleText(caught.el) }] : judgeTeasers ? lateTeasers(el, story, ctx, teaserName) : [];
      for (const found of late) {
        const why: Why = { key: 'reason_added_after_load', args: [found.verdict.why] };
        this.track(found.el, { kind: found.verdict.kind, selector: uniqueSelector(found.el), text: found.text, reason: englishReason(why) }, why);
        if (found.verdict.kind === 'comments') this.takeIn(found.el);
        changed = true;
      }
    }
    if (this.pending.length) this.flushTimer = setTimeout(() => this.flush(), 150);
    if (changed) this.options.onChange?.();
  }

  /**
   * The next batch's new elements, up to MAX_BATCH, taken off the waiting ones. Those already gone
   * or covered are passed over first, up to MAX_PASSED: a hidden thread's comments (5,000 a script
   * adds, 250 at a time) are covered once it goes, and would otherwise drain 50 a batch, 15 s, with
   * nothing to judge. One found uncovered is asked again as the batch runs: an element before it
   * may hide what it lands in.
   */
  private nextBatch(): Element[] {
    // Each box they land in is read once: a thread's comments all land in it.
    const boxes = new Map<Element, boolean>();
    const inHidden = (box: Element): boolean => {
      let hidden = boxes.get(box);
      if (hidden === undefined) boxes.set(box, (hidden = this.inHidden(box)));
      return hidden;
    };
    const batch: Element[] = [];
    let taken = 0;
    for (let passed = 0; taken < this.pending.length && batch.length < MAX_BATCH && passed < MAX_PASSED; taken++) {
      const el = this.pending[taken]!;
      if (el.isConnected && !this.isCovered(el, inHidden)) batch.push(el);
      else passed++;
    }
    this.pending.splice(0, taken);
    return batch;
  }

  /**
   * A late comment box takes in the comments of it hidden one by one before it was known for theirs
   * (a thread whose first batch brought one comment): they are hidden with it and listed once, as
   * those coming later are. One the reader keeps stays theirs, in sight (see keepInSight); what the
   * analysis hid stays its own.
   */
  private takeIn(box: Element): void {
    // Most boxes hold nothing listed: the items are read only for one that does.
    if (!box.querySelector(`[${HIDDEN_ATTR}]`)) return;
    const inBox = (t: TrackedItem): boolean => t.el !== box && box.contains(t.el);
    const takenIn = (t: TrackedItem): boolean => t.item.kind === 'comments' && !t.kept && t.why.key === 'reason_added_after_load' && inBox(t);
    let left = 0;
    let holdsKept = false;
    for (const t of this.items) {
      if (takenIn(t)) t.el.removeAttribute(HIDDEN_ATTR);
      else {
        this.items[left++] = t;
        holdsKept ||= t.kept && inBox(t);
      }
    }
    this.items.length = left;
    if (holdsKept) this.keepInSight();
  }

  /**
   * Where a late comment widget may go (see addedComments): below or beside the story ('apart'), or
   * in the story's box after the last text it showed as the watching began ('below'), so holding
   * none of the story's text. Nowhere around the story, in its text, once the page took that text
   * away, or in anything listed: a comment that comes into a thread the reader keeps or shows (its
   * kind left on pages) is part of it.
   */
  private commentPlace(el: Element): CommentPlace {
    if (el.closest(`[${HIDDEN_ATTR}]`)) return null;
    const root = this.options.root;
    if (!root || !(root.contains(el) || el.contains(root))) return 'apart';
    // What follows a text in the box is neither the box nor around it.
    const end = this.storyEnd;
    return end && root.contains(end) && end.compareDocumentPosition(el) & DOCUMENT_POSITION_FOLLOWING ? 'below' : null;
  }

  /** Whether a late fold is still looked for: there is a way to find one, and the story is not shown whole yet. */
  private get mayUnfold(): boolean {
    return !this.unfolded && this.options.findFold !== undefined;
  }

  /** Shows the story whole when its box is now cut under a fold button (see CleanupOptions.findFold). True when it was. */
  private unfoldNow(): boolean {
    const fold = this.unfolded ? null : (this.options.findFold?.() ?? null);
    if (fold) this.unfold(fold);
    return fold !== null;
  }

  /**
   * Inside something hidden (not kept, its kind not shown), or inside the story's paragraphs' own
   * elements. `inHidden` answers for the box it is in (see nextBatch, which reads each box once).
   */
  private isCovered(el: Element, inHidden = (box: Element) => this.inHidden(box)): boolean {
    // Tracked already (an ad its script took out and put back), or inside a tracked ad: a kept
    // ad's rotating frame is part of it, not an ad of its own to hide.
    if (el.hasAttribute(HIDDEN_ATTR)) return true;
    const box = el.parentElement;
    if (box && inHidden(box)) return true;
    const root = this.options.root;
    // Inside the body only a self-declared ad (slot class, label, ad script) may go.
    return !!root && (el === root || el.contains(root));
  }

  /** Whether `el` is or is inside a hidden block that hides what comes into it: an ad, or one neither kept nor shown. */
  private inHidden(el: Element): boolean {
    for (let block = el.closest(`[${HIDDEN_ATTR}]`); block; block = block.parentElement?.closest(`[${HIDDEN_ATTR}]`) ?? null) {
      const kind = block.getAttribute(HIDDEN_ATTR) as HiddenKind;
      if (kind === 'ad' || (!block.hasAttribute(KEPT_ATTR) && !this.shown.has(kind))) return true;
    }
    return false;
  }
}

/**
 * Shows the hidden blocks around `node` (a provenance item's evidence in a disclaimer or footer
 * cleanup hid: the publisher is often named only there), apart from the keep rules; the returned
 * function hides them again.
 */
export function revealAround(node: Node): () => void {
  const revealed: Element[] = [];
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el.hasAttribute(HIDDEN_ATTR) && !el.hasAttribute(REVEALED_ATTR)) {
      el.setAttribute(REVEALED_ATTR, '');
      revealed.push(el);
    }
  }
  return () => {
    for (const el of revealed) el.removeAttribute(REVEALED_ATTR);
  };
}

/**
 * Reveals one place at a time: a new reveal ends the last, and each hides again after its time
 * unless a later reveal took over (the same line picked twice stays shown for the second's time).
 */
export function revealer(wait: (ms: number, fn: () => void) => void = later): (node: Node, ms: number) => void {
  let current: (() => void) | null = null;
  return (node, ms) => {
    current?.();
    const hide = revealAround(node);
    current = hide;
    wait(ms, () => {
      if (current !== hide) return;
      hide();
      current = null;
    });
  };
}

/**
 * `judge`'s answer for a box, kept from the batch that first found the box heavy. A thread or a
 * feed a script keeps filling is a region of the page, no bar or card being drawn; judged anew
 * with each batch, the whole of it was weighed again each time (a list filled with 5,000 comments,
 * 250 at a time: 2.6 s of the reader's main thread in 10 s, tasks of up to 100 ms).
 */
function keptOnceHeavy<T>(kept: WeakMap<Element, T>, judge: (box: Element) => T, stats: DomStats): (box: Element) => T {
  return (box) => {
    if (kept.has(box)) return kept.get(box) as T;
    const answer = judge(box);
    // Weighed by the judging already.
    if (stats.of(box).weight > HEAVY_BOX_WEIGHT) kept.set(box, answer);
    return answer;
  };
}

/** A box's weight beyond which it is a region of the page: several cards' (CARD_MAX_WEIGHT each at most), and no share bar's. */
const HEAVY_BOX_WEIGHT = 2000;

/**
 * The last text the story's box shows (its last paragraph, or a line after it such as the editor's):
 * not what cleanup hides there (a share bar, a teaser block) nor a script's text. Found from the end,
 * by hand: a TreeWalker's filter is a callback the browser will not run in a page whose scripts are
 * off (the bench's), though it runs the core's own code there.
 */
function storyEnd(el: Element): Text | null {
  for (let node = el.lastChild; node; node = node.previousSibling) {
    if (node.nodeType === TEXT_NODE) {
      if (node.nodeValue?.trim()) return node as Text;
    } else if (node.nodeType === ELEMENT_NODE && !(node as Element).hasAttribute(HIDDEN_ATTR) && !isInvisible(node as Element)) {
      const found = storyEnd(node as Element);
      if (found) return found;
    }
  }
  return null;
}

const MAX_BATCH = 50;
/**
 * Elements passed over as covered in one batch (see nextBatch): the boxes they land in are read
 * once each, so a thread's take little, and a batch of elements each in a box of its own takes
 * about what one of MAX_BATCH judged does.
 */
const MAX_PASSED = 1000;
/** Elements looked at for ads each time blocks come into view: a comment thread's first screens, not all of a huge one. */
const MAX_SEARCH = 2000;
