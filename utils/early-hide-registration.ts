/**
 * Where the document_start ad-slot rule (entrypoints/early-hide.ts) runs, from the settings. That
 * script runs before any storage can be read, so it cannot ask whether the reader wants ads; the
 * background registers it with the browser instead, and only where cleanup would hide ads: not
 * with "Clean pages" off, not with ads left on pages, not on a site switched off. Elsewhere the
 * slots would be hidden until the analysis lifted the rule, and shown again late.
 */
import type { Settings } from './messages';

export const EARLY_HIDE_SCRIPT_ID = 'sourcemark-early-hide';
/** The script as WXT builds the unlisted entrypoint. */
export const EARLY_HIDE_FILE = 'early-hide.js';
export const EVERY_PAGE = ['http://*/*', 'https://*/*'];

/** The subset of `scripting.RegisteredContentScript` used here. */
export interface EarlyHideScript {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  runAt: 'document_start';
}

/** A registration as the browser reports it back. */
export type RegisteredScript = { id: string; matches?: string[]; excludeMatches?: string[]; js?: string[]; runAt?: string };

/** The part of `browser.scripting` that registers content scripts; tests pass a fake. */
export interface ScriptRegistry {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: EarlyHideScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

/** The registration these settings call for, or null where the rule should run nowhere. */
export function earlyHideScript(settings: Settings): EarlyHideScript | null {
  if (!settings.enabled || settings.shownKinds.includes('ad')) return null;
  return {
    id: EARLY_HIDE_SCRIPT_ID,
    matches: EVERY_PAGE,
    excludeMatches: [...new Set(settings.disabledSites)].flatMap(sitePatterns),
    js: [EARLY_HIDE_FILE],
    runAt: 'document_start',
  };
}

// A host name as `siteOf` gives it (ASCII: the URL parser has punycoded it). Anything else (an IPv6
// address, a hand-edited entry) would make the browser refuse the whole registration, so that one
// site goes without the exclusion rather than every site without the rule.
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

/** An IPv4 address: it has no www form, and the browsers refuse a pattern that gives it one. */
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Sites are host names without a leading www (settings' `siteOf`): both forms are excluded. */
function sitePatterns(site: string): string[] {
  if (IPV4.test(site)) return [`*://${site}/*`];
  return HOST.test(site) ? [`*://${site}/*`, `*://www.${site}/*`] : [];
}

/**
 * Brings the browser's registration in line with the settings: kept when it already matches,
 * replaced when the excluded sites changed (or an update changed the script), or removed. Callers
 * run one at a time: the browser refuses a second registration of the same id. Replaced, not
 * updated: Chromium 156 kept running the rule on a site newly excluded by updateContentScripts.
 */
export async function syncEarlyHide(registry: ScriptRegistry, settings: Settings): Promise<void> {
  const wanted = earlyHideScript(settings);
  const [current] = await registry.getRegisteredContentScripts({ ids: [EARLY_HIDE_SCRIPT_ID] });
  if (current && wanted && sameScript(current, wanted)) return;
  if (current) await registry.unregisterContentScripts({ ids: [EARLY_HIDE_SCRIPT_ID] });
  if (wanted) await registry.registerContentScripts([wanted]);
}

// The browsers leave out empty lists when they report a registration.
function sameScript(current: RegisteredScript, wanted: EarlyHideScript): boolean {
  const same = (a: string[] = [], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
  return current.runAt === wanted.runAt && same(current.js, wanted.js) && same(current.matches, wanted.matches) && same(current.excludeMatches, wanted.excludeMatches);
}
