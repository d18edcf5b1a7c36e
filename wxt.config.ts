import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type EntrypointGroup, type ResolvedPublicFile } from 'wxt';
import type { Browser } from 'wxt/browser';
import preact from '@preact/preset-vite';
import { manifestCommands } from './utils/commands';
import { EVERY_PAGE } from './utils/early-hide-registration';

// Fixed add-on id so Firefox keeps its storage across reinstalls and e2e tests can address it.
export const GECKO_ID = 'sourcemark@sourcemark.example';

/**
 * Takes the popup out of the group of pages built together, into a build of its own: one script
 * file instead of five shared chunks, so opening it waits for one module fetch, not a chain of them
 * (issue 5, the first list's time). The other pages keep sharing theirs.
 */
export function buildPopupAlone(groups: EntrypointGroup[]): void {
  for (const group of groups) {
    if (!Array.isArray(group) || group.length < 2) continue;
    const at = group.findIndex((e) => e.type === 'popup');
    if (at >= 0) groups.push(group.splice(at, 1));
  }
}

/**
 * storage: settings and per-site rules; contextMenus: "Highlight selection"; scripting: loading
 * the analysis script. unlimitedStorage in Chrome only: without it Chrome may evict the extension's
 * IndexedDB, the reader's highlights, under storage pressure (its `navigator.storage.persist()`
 * answers no for an extension page). Firefox's quota manager does not evict an extension's
 * origin (its test_persist_eviction checks that one is kept when the storage limit is reached).
 */
export function permissionsFor(browser: string): string[] {
  return ['storage', 'contextMenus', 'scripting', ...(browser === 'firefox' ? [] : ['unlimitedStorage'])];
}

/**
 * Lists what every http(s) page gets: at document_start the cleanup stylesheet (inert until the
 * analysis marks the page), at document_idle the sentinel that has the analysis script loaded
 * where there is work. WXT lists only its own content scripts; the sentinel is a plain unlisted
 * script because it runs on every page the browser opens (see entrypoints/sentinel.ts). The early
 * ad-slot rule is registered by the background, from the settings (utils/early-hide-registration).
 */
export function listEveryPageScripts(manifest: Browser.runtime.Manifest): void {
  manifest.content_scripts = [
    ...(manifest.content_scripts ?? []),
    { matches: EVERY_PAGE, run_at: 'document_start', css: ['content-scripts/cleanup.css'] },
    { matches: EVERY_PAGE, run_at: 'document_idle', js: ['sentinel.js'] },
  ];
}

/**
 * Chinese readers in Hong Kong, Macau and Singapore: Chromium looks for the browser's own region
 * (zh_HK) and then falls back to English, never to another region's Chinese. Hong Kong and Macau
 * read Traditional characters (zh_TW's words), Singapore Simplified (zh_CN's), each file tagged
 * with its own region. Written at build time from the two files, so each text is kept once.
 */
export const REGION_LOCALES: Record<string, string> = { zh_HK: 'zh_TW', zh_MO: 'zh_TW', zh_SG: 'zh_CN' };

export function addRegionLocales(files: ResolvedPublicFile[], readMessages: (locale: string) => string): void {
  for (const [region, base] of Object.entries(REGION_LOCALES)) {
    const messages = JSON.parse(readMessages(base)) as Record<string, { message: string }>;
    messages.lang_tag!.message = region.replace('_', '-');
    files.push({ relativeDest: `_locales/${region}/messages.json`, contents: JSON.stringify(messages, null, 2) });
  }
}

/** V8's explicit compile hint (Chrome 136 and later): every function of the script is compiled with it. */
export const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad\n';

/** The part of a build's output this reads: its files by name, each a script chunk or another asset. */
type Bundle = Record<string, { type: 'chunk'; code: string } | { type: 'asset' }>;

/**
 * Puts V8's compile hint on top of the sentinel, the script every page pays for, nearly all of
 * whose functions run on each page (see entrypoints/sentinel.ts). Without it V8 pre-parses each
 * function with the script and parses it again on its first call; with it each is compiled once,
 * with the script: in fresh tabs over the corpus's non-articles, the compile took 0.5 ms more and
 * the run 1.1–1.3 ms less (paired medians, Chromium 156). Other engines read a comment.
 */
export function hintSentinelCompile(bundle: Bundle): void {
  const sentinel = bundle['sentinel.js'];
  if (sentinel?.type === 'chunk') sentinel.code = COMPILE_ALL_HINT + sentinel.code;
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), { name: 'sourcemark:sentinel-compile-hint', generateBundle: (_options, bundle) => hintSentinelCompile(bundle) }] }),
  hooks: {
    'entrypoints:grouped': (_wxt, groups) => buildPopupAlone(groups),
    'build:manifestGenerated': (_wxt, manifest) => listEveryPageScripts(manifest),
    'build:publicAssets': (wxt, files) =>
      addRegionLocales(files, (locale) => readFileSync(resolve(wxt.config.publicDir, '_locales', locale, 'messages.json'), 'utf8')),
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // README lists why each is asked for; the host permissions let the analysis script load into
    // the pages that need it (the sentinel content script already runs on every http(s) page).
    permissions: permissionsFor(browser),
    host_permissions: EVERY_PAGE,
    action: { default_title: '__MSG_extName__' },
    commands: manifestCommands(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the ESR in Debian bookworm's main archive; it reads data_collection_permissions.
              strict_min_version: '140.0',
              // Sourcemark collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
