/**
 * Teaser items judged by how related they are to the story: the verdicts the load's analysis
 * gives a teaser block's items, and the same judgement of the teasers a page's script adds once
 * the page has loaded (a 相关新闻 feed filled when its request returns, a 为你推荐 list that grows
 * as the reader scrolls), which the load's analysis never saw.
 */
import { classifyElement, namesNextStory, teaserHeading, teaserItems, type ClutterContext, type Verdict } from './clutter';
import { because } from './reasons';
import { RELATED_THRESHOLD, relatedness, type ArticleProfile } from './relatedness';
import { textWeight, visibleText } from './text';

/** A teaser item, its text and how related it is to the story. */
export interface ScoredTeaser {
  el: Element;
  text: string;
  score: number;
}

export function scoreTeaser(el: Element, profile: ArticleProfile): ScoredTeaser {
  const text = visibleText(el);
  return { el, text, score: relatedness(profile, text) };
}

export function scoreTeasers(items: readonly Element[], profile: ArticleProfile): ScoredTeaser[] {
  return items.map((el) => scoreTeaser(el, profile));
}

export function isRelated(teaser: ScoredTeaser): boolean {
  return teaser.score >= RELATED_THRESHOLD;
}

/** The verdict on an item of the block named `name` that is not about the story. */
export function unrelatedTeaser(name: string, teaser: ScoredTeaser): Verdict {
  return { kind: 'teaser', why: because('reason_unrelated_teaser', name, teaser.score.toFixed(2)) };
}

/** The verdict on a block none of whose items is about the story; null when one is. */
export function noneRelated(name: string, scored: readonly ScoredTeaser[]): Verdict | null {
  if (scored.some(isRelated)) return null;
  // One teaser is told as one, not as “1 teasers, none related”.
  if (scored.length === 1) return unrelatedTeaser(name, scored[0]!);
  const best = Math.max(0, ...scored.map((s) => s.score));
  return { kind: 'teaser', why: because('reason_teasers_none_related', name, String(scored.length), best.toFixed(2)) };
}

/**
 * A feed's controls inside a teaser kept as related (头条's 不感兴趣 under each card of its 相关推荐):
 * each widget or ad holding no linked text. What holds a link (the headline, the source, the
 * comment count) is only looked into, so the teaser itself stays whole. `classify` is the page's
 * (cached at load).
 */
export function itemControls(item: Element, ctx: ClutterContext, classify: (el: Element) => Verdict | null = (el) => classifyElement(el, ctx)): Array<{ el: Element; verdict: Verdict }> {
  const found: Array<{ el: Element; verdict: Verdict }> = [];
  const look = (box: Element): void => {
    for (let child = box.firstElementChild; child; child = child.nextElementSibling) {
      const w = ctx.stats.of(child);
      if (w.weight === 0) continue;
      const verdict = w.linkWeight === 0 ? classify(child) : null;
      if (verdict?.kind === 'ad' || verdict?.kind === 'widget') found.push({ el: child, verdict });
      else if (child.firstElementChild) look(child);
    }
  };
  look(item);
  return found;
}

/** A teaser found among late additions, with its verdict. */
export interface LateTeaser {
  el: Element;
  verdict: Verdict;
  text: string;
}

/** The story a late addition is judged against: its paragraphs' box and its words. */
export interface StoryToJudge {
  root: Element;
  profile: () => ArticleProfile;
}

/**
 * How far above an added element its block's name is looked for: a feed's card sits in its list,
 * the list in the feed's box, that in a tab's pane, the pane in the block that opens with the name
 * (sina's 相关新闻 is five levels above a card).
 */
const NAME_CLIMB = 6;
/**
 * The least text a teaser has: a headline's. A source's name, a comment count or a pager's turn
 * (下一页, Next page) is less.
 */
export const HEADLINE_MIN_WEIGHT = 8;
/** The most a card weighs, a headline with its summary: more under one headline is a story of its own, not a teaser. */
export const CARD_MAX_WEIGHT = 300;

/**
 * Whether `el` links more than one headline: a card links one (beside its thumbnail's, its
 * source's and its comment count's links), a list or a page of a feed several.
 */
function linksHeadlines(el: Element): boolean {
  let headlines = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) {
    if (textWeight(a.textContent ?? '') >= HEADLINE_MIN_WEIGHT && ++headlines > 1) return true;
  }
  return false;
}

/**
 * The block named for teasers that `added` lands in, or is: the nearest one, below the story's box
 * and what holds it. `heading` names a block (teaserHeading, or the cleanup's answer kept from an
 * earlier batch).
 */
function namedBlock(added: Element, story: StoryToJudge, heading: (block: Element) => string | null): { block: Element; name: string } | null {
  let block: Element | null = added;
  for (let up = 0; block && up <= NAME_CLIMB; up++, block = block.parentElement) {
    // The story's box and what holds it are no teaser block, whatever they open with.
    if (block === story.root || block.contains(story.root)) return null;
    const name = heading(block);
    if (name) return { block, name };
  }
  return null;
}

/**
 * The teasers among what a page's script added after the analysis (`added`, one element of a
 * batch) that are not about the story: when it lands in a block named for teasers (相关新闻, 为你推荐,
 * Related) outside the story's paragraphs, or is such a block. A card is judged as one teaser, a
 * list or a page of a feed item by item; a whole block added with its name goes whole when none
 * of its items is related, as at load. Elements without links are no teasers. `heading` names a
 * block above it (the cleanup keeps a heavy block's name from one batch to the next).
 */
export function lateTeasers(added: Element, story: StoryToJudge, ctx: ClutterContext, heading: (block: Element) => string | null = (block) => teaserHeading(block, ctx)): LateTeaser[] {
  const w = ctx.stats.of(added);
  // Less text than a headline is a part of a card the script filled in (its thumbnail's link, its
  // comment count, its source's name), judged with the card if at all: inside a related card it stays.
  if (w.links === 0 || w.weight < HEADLINE_MIN_WEIGHT) return [];
  const found = namedBlock(added, story, heading);
  // The next story's slot filled late is a page-turn link, judged at load if at all.
  if (!found || namesNextStory(found.name)) return [];
  const { block, name } = found;
  const whole = block === added;
  // A block added with its name holds its items (a name row alone holds none); below a name, an
  // addition linking one headline is one card.
  const listed = whole || linksHeadlines(added) ? teaserItems(added) : [];
  if (listed.length === 0 && (whole || w.weight > CARD_MAX_WEIGHT)) return [];
  const scored = scoreTeasers(listed.length > 0 ? listed : [added], story.profile());
  const none = whole ? noneRelated(name, scored) : null;
  if (none) return [{ el: added, verdict: none, text: visibleText(added) }];
  // A related teaser stays, without its feed controls.
  return scored.flatMap((s) =>
    isRelated(s) ? itemControls(s.el, ctx).map((c) => ({ ...c, text: visibleText(c.el) })) : [{ el: s.el, verdict: unrelatedTeaser(name, s), text: s.text }],
  );
}
