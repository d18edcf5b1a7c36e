/** User settings: load/save over a storage area passed in, validated on the way out. */
import type { HiddenItem } from './analysis-types';
import { DEFAULT_SETTINGS, SettingsSchema, parseMessage, type Settings } from './messages';
import { oneAtATime } from './tasks';

/** The subset of `browser.storage.StorageArea` settings need; tests pass a plain fake. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SETTINGS_KEY = 'settings';

/** Stored settings, or the defaults when missing or malformed (never throws on bad data). */
export async function loadSettings(area: StorageArea): Promise<Settings> {
  const raw = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const s = parseMessage(SettingsSchema, raw) ?? structuredClone(DEFAULT_SETTINGS);
  // Keyed by host: without a prototype, a host named constructor or toString has no rules but its own.
  s.keepRules = Object.assign(Object.create(null) as Settings['keepRules'], s.keepRules);
  return s;
}

// Updates of each area in turn: the next one reads what the last wrote, so two quick clicks (two
// kinds unticked) both land instead of the second overwriting the first with what it read before.
const queues = new WeakMap<StorageArea, ReturnType<typeof oneAtATime>>();

/** Runs `task` after the updates of `area` asked before it. */
export function inTurnFor(area: StorageArea): ReturnType<typeof oneAtATime> {
  let inTurn = queues.get(area);
  if (!inTurn) queues.set(area, (inTurn = oneAtATime()));
  return inTurn;
}

/** Applies `change` to the stored settings and saves the result, after the updates asked before it. */
export function updateSettings(area: StorageArea, change: (s: Settings) => void): Promise<Settings> {
  return inTurnFor(area)(async () => {
    const s = await loadSettings(area);
    change(s);
    await area.set({ [SETTINGS_KEY]: s });
    return s;
  });
}

/** Per-site rules key on the host name without a leading www. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Whether cleanup should run on `url` under these settings. */
export function cleanupEnabled(s: Settings, url: string): boolean {
  return s.enabled && !s.disabledSites.includes(siteOf(url));
}

/** How much of an item's text its "Never hide this" rule keeps. */
const KEEP_TEXT_HEAD = 60;

/**
 * The fingerprint a "Never hide this" rule stores: kind + text head, which survives reloads
 * (selectors don't when ads reshuffle). An item without text (an empty ad frame) has only its
 * place to tell it from the others of its kind: kept by its text, keeping one would keep them all.
 * Here, beside the rules, so the popup needs no cleanup code.
 */
export function keepKey(item: Pick<HiddenItem, 'kind' | 'text' | 'selector'>): string {
  // A line break never occurs in an item's (whitespace-collapsed) text: it marks a place.
  const { text } = item; // read once: an item's text may be built on demand
  return text ? `${item.kind}:${text.slice(0, KEEP_TEXT_HEAD)}` : `${item.kind}:${PLACE_MARK}${item.selector}`;
}

const PLACE_MARK = '\n';

/**
 * The rules that would keep an item, its own first. An item without text is also kept by a rule
 * stored before places were (its kind alone, which keeps every such item, as it always did).
 */
export function keepKeys(item: Pick<HiddenItem, 'kind' | 'text' | 'selector'>): string[] {
  const key = keepKey(item);
  return key.includes(PLACE_MARK) ? [key, `${item.kind}:`] : [key];
}

/** Whether a rule of `keep` keeps the item. */
export function isKept(keep: ReadonlySet<string>, item: Pick<HiddenItem, 'kind' | 'text' | 'selector'>): boolean {
  return keep.size > 0 && keepKeys(item).some((key) => keep.has(key));
}

/**
 * What a "Never hide this" rule keeps, read back from its key for the settings page: the kind and
 * the text's head, with `cut` when the head may have been cut from a longer text; for an item
 * without text its `place` (a selector), so two such rules on a site can be told apart. A rule of
 * a kind alone (stored before places were) has neither.
 */
export function keptItem(key: string): { kind: string; text: string; cut: boolean; place: string | null } {
  const colon = key.indexOf(':');
  const text = key.slice(colon + 1);
  const kind = key.slice(0, Math.max(colon, 0));
  return text.startsWith(PLACE_MARK)
    ? { kind, text: '', cut: false, place: text.slice(PLACE_MARK.length) }
    : { kind, text, cut: text.length === KEEP_TEXT_HEAD, place: null };
}
