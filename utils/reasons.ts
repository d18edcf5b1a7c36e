/**
 * Why cleanup hid an element, and the signals that made the page an article or not, as messages
 * of `_locales` and their arguments. The popup shows them in the reader's language; the
 * contract's `reason` and `reasons` are their English text, filled in from the same file, so the
 * two never drift apart.
 */
import {
  reason_ad_label,
  reason_ad_network_frame,
  reason_ad_network_slot,
  reason_ad_script,
  reason_ad_token,
  reason_added_after_load,
  reason_affiliate,
  reason_breadcrumb,
  reason_comment_section,
  reason_comments_heading,
  reason_copyright,
  reason_disclaimer,
  reason_floating_box,
  reason_nav_token,
  reason_newsletter,
  reason_page_footer,
  reason_page_header,
  reason_page_turn,
  reason_qr_code,
  reason_site_navigation,
  reason_teaser_block,
  reason_teasers_none_related,
  reason_tool_bar,
  reason_unrelated_links,
  reason_unrelated_teaser,
  reason_widget_token,
  signal_article_element,
  signal_article_url,
  signal_breadcrumb,
  signal_dense_run,
  signal_forum_markers,
  signal_framed_headline,
  signal_headline,
  signal_json_ld,
  signal_linked_list,
  signal_links_outweigh,
  signal_list_url,
  signal_little_text,
  signal_meta_line,
  signal_no_paragraphs,
  signal_og_type,
  signal_published_time,
  signal_quick_check_failed,
  signal_repeated_posts,
  signal_search_title,
  signal_short_run,
  signal_short_story,
  signal_site_root,
} from '../public/_locales/en/messages.json';

/** One entry of a messages.json file. */
export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

// Named imports, so a bundle carries these entries and not the whole UI's strings.
const ENGLISH = {
  reason_ad_label,
  reason_ad_network_frame,
  reason_ad_network_slot,
  reason_ad_script,
  reason_ad_token,
  reason_added_after_load,
  reason_affiliate,
  reason_breadcrumb,
  reason_comment_section,
  reason_comments_heading,
  reason_copyright,
  reason_disclaimer,
  reason_floating_box,
  reason_nav_token,
  reason_newsletter,
  reason_page_footer,
  reason_page_header,
  reason_page_turn,
  reason_qr_code,
  reason_site_navigation,
  reason_teaser_block,
  reason_teasers_none_related,
  reason_tool_bar,
  reason_unrelated_links,
  reason_unrelated_teaser,
  reason_widget_token,
  signal_article_element,
  signal_article_url,
  signal_breadcrumb,
  signal_dense_run,
  signal_forum_markers,
  signal_framed_headline,
  signal_headline,
  signal_json_ld,
  signal_linked_list,
  signal_links_outweigh,
  signal_list_url,
  signal_little_text,
  signal_meta_line,
  signal_no_paragraphs,
  signal_og_type,
  signal_published_time,
  signal_quick_check_failed,
  signal_repeated_posts,
  signal_search_title,
  signal_short_run,
  signal_short_story,
  signal_site_root,
} satisfies Record<string, LocaleMessage>;

export type ReasonKey = keyof typeof ENGLISH;

/** Every reason's and signal's message key; messages naming one are checked against these. */
export const REASON_KEYS = Object.keys(ENGLISH) as ReasonKey[];

/** A rule's reason: its message key and the words that fill the message's placeholders, in order. */
export interface Cause {
  key: ReasonKey;
  args: string[];
}

/** A reason; an argument may be a rule's own reason, explained in turn (an ad "…, added after load"). */
export interface Why {
  key: ReasonKey;
  args: Array<string | Cause>;
}

export const because = (key: ReasonKey, ...args: string[]): Cause => ({ key, args });

/** Looks a message up and fills it in, as the browser's `i18n.getMessage(key, substitutions)` does. */
export type Translate = (key: string, substitutions: string[]) => string;

/** A reason in words, its arguments first. */
export function explain(why: Why | Cause, translate: Translate): string {
  return translate(
    why.key,
    why.args.map((a) => (typeof a === 'string' ? a : explain(a, translate))),
  );
}

/**
 * Fills a message in as Chrome and Firefox do: `$NAME$` takes its placeholder's content, in which
 * `$1`…`$9` are the substitutions; `$$` is a dollar sign.
 */
export function fillMessage(entry: LocaleMessage, substitutions: readonly string[]): string {
  return entry.message.replace(/\$(\w+)\$|\$\$/g, (_, name?: string) => {
    if (!name) return '$';
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_, i: string) => substitutions[Number(i) - 1] ?? '');
  });
}

/** The reason in English: what the contract's `reason`, the CLI and the exports print. */
export function englishReason(why: Why | Cause): string {
  return explain(why, (key, subs) => fillMessage(ENGLISH[key as ReasonKey], subs));
}
