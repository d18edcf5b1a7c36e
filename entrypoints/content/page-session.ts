import type { ShownPage } from '@/components/highlighter';
import type { HiddenElement, PageAnalysis, PageLayout } from '@/utils/analyze';
import type { Cleanup } from '@/utils/cleanup';
import { MAX_SELECTOR, type PageState } from '@/utils/messages';
import { normalizeUrl } from '@/utils/normalize-url';
import { pageInfoFrom } from '@/utils/page-info';
import { leadingRawText } from '@/utils/text';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What a mounted card offers: taking it away. */
export interface Card {
  remove(): void;
}

/** One page as the analysis script applies it: its analysis, its cleanup and its provenance card. */
export interface PageSession {
  url: string;
  layout: PageLayout;
  page: PageAnalysis;
  cleanup: Cleanup | null;
  card: Card | null;
  /** Replaced by the next page: a card that finishes mounting after that is taken away again. */
  closed: boolean;
}

/**
 * The provenance card above an article's body, when the page names a source or a credit. `mount`
 * draws it; a single-page site may move on while it does, so a card for a page already closed goes.
 */
export async function mountCard(session: PageSession, mount: (root: Element, analysis: PageAnalysis['analysis']) => Promise<Card>): Promise<void> {
  const { page, cleanup } = session;
  if (!cleanup || !page.root || !(page.analysis.sources.length || page.analysis.credits.length)) return;
  session.card = await mount(page.root, page.analysis);
  if (session.closed) session.card.remove();
}

/**
 * Mounts a card (`mount`) under a context of its own, which ends with the page's (`ctx`) or when
 * the card is removed. WXT's shadow-root UI, and the card, register their clean-up on the context
 * they are given and never take it off: under the page's own, each card a single-page site's
 * stories got kept the story it stood above, and that old page with it, until the tab closed.
 */
export async function cardOfItsOwn(ctx: ContentScriptContext, mount: (own: ContentScriptContext) => Promise<unknown>): Promise<Card> {
  // The page's context in all but its end: its options (the UI's styles) and its checks stay.
  const own = Object.create(ctx, { abortController: { value: new AbortController() } }) as ContentScriptContext;
  own.onInvalidated(ctx.onInvalidated(() => own.abort()));
  await mount(own);
  // The card and its UI take themselves away as their context ends.
  return { remove: () => own.abort() };
}

/**
 * Whether the page drew its story anew after the analysis: the article's element is no longer in
 * the document, and its card and the cleanup around it went with it (a framework's re-render, a
 * router drawing the page again on a hash change).
 */
export function storyReplaced(session: PageSession): boolean {
  const root = session.cleanup && session.layout.root;
  return Boolean(root && !root.isConnected);
}

/** Readings of a replaced story allowed per minute: a page that re-renders forever is not read forever. */
export const REREADS_PER_MINUTE = 3;
const MINUTE_MS = 60_000;

/**
 * How long until the page may be read again, at `now`: 0 is now, and the reading is counted in
 * `times` (the last readings, oldest first).
 */
export function readAgainIn(times: number[], now: number): number {
  while (times.length && now - times[0]! >= MINUTE_MS) times.shift();
  if (times.length >= REREADS_PER_MINUTE) return times[0]! + MINUTE_MS - now;
  times.push(now);
  return 0;
}

/**
 * What the popup lists as hidden: the cleanup's items still in the document. What the page dropped
 * since (a re-render, until the page is read again) is hidden nowhere.
 */
export function hiddenOnPage(cleanup: Cleanup | null): PageState['hidden'] {
  return (cleanup?.items ?? [])
    .filter((t) => t.el.isConnected)
    .map((t) => ({ id: t.id, kind: t.item.kind, text: t.item.text.slice(0, 300), selector: t.item.selector.slice(0, MAX_SELECTOR), why: t.why, kept: t.kept }));
}

/** Undoes a page's cleanup and takes its card away. */
export function closeSession(session: PageSession): void {
  session.closed = true;
  session.cleanup?.destroy();
  session.card?.remove();
}

/** A story read on this page under `url`: its body (`root`), headline and page as saved with a highlight. */
export interface ReadStory extends ShownPage {
  headline: Element | null;
  /** Its body's opening text when read: a site that reuses the element for the next story changes it. */
  opening: string;
  /** What its page's cleanup hid inside its body (an ad between paragraphs): hidden again beside the next story. */
  hidden(): Array<Pick<HiddenElement, 'el' | 'item' | 'why'>>;
}

/** Keeps the session's story under its (normalised) address, for a continuous-reading site's later moves. */
export function rememberStory(read: Map<string, ReadStory>, session: PageSession, documentTitle: string): void {
  const story = session.layout.story;
  if (!story) return;
  const info = pageInfoFrom(session.page.analysis, session.url, documentTitle);
  const root = story.body.root;
  // Read when the next story is analysed, so ads caught after load are in it too.
  const hidden = () => (session.cleanup?.items ?? []).filter((t) => root.contains(t.el));
  // A story read under another address in the same place (a URL rewritten in place) is this one now;
  // one the page took away is no story beside any other, and would keep its old page alive.
  for (const [address, other] of read) if (!other.root.isConnected || other.root === root || other.root.contains(root) || root.contains(other.root)) read.delete(address);
  read.set(normalizeUrl(session.url), { url: session.url, root, headline: story.headline, opening: openingOf(root), info: () => info, hidden });
}

/** The first characters of an element's text, read without stringifying the rest: enough to tell one story from the next. */
const openingOf = (el: Element): string => leadingRawText(el, OPENING_CHARS).slice(0, OPENING_CHARS);
const OPENING_CHARS = 200;

/**
 * The stories read under other addresses than `url` that are still on the page, unchanged. A site
 * that replaces its page, or reuses the story's element for the next one, leaves none; a
 * continuous-reading site appends the next story below the one read and moves the URL to it, so
 * the story that address names is another one.
 */
export function storiesBesides(read: ReadonlyMap<string, ReadStory>, url: string): ReadStory[] {
  const here = normalizeUrl(url);
  return [...read].filter(([address, story]) => address !== here && story.root.isConnected && openingOf(story.root) === story.opening).map(([, story]) => story);
}

/**
 * True when a layout found with `others` set aside is a story of its own: a body apart from
 * theirs under a headline of its own. A site that only rewrites its URL (a player's `?t=`) still
 * shows the story read, so the search finds its headline again, or nothing.
 */
export function isAnotherStory(layout: PageLayout, others: readonly ReadStory[]): boolean {
  const story = layout.story;
  const headline = story?.headline;
  if (!story || !headline) return false;
  const { root } = story.body;
  return others.every((o) => !root.contains(o.root) && !o.root.contains(root) && headline !== o.headline && !o.root.contains(headline));
}
