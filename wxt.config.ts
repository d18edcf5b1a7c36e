import { defineConfig, type EntrypointGroup } from 'wxt';
import preact from '@preact/preset-vite';

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

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: { 'entrypoints:grouped': (_wxt, groups) => buildPopupAlone(groups) },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and per-site rules; contextMenus: "Highlight selection". Nothing else
    // until a feature needs it (README lists why each is asked for).
    permissions: ['storage', 'contextMenus'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmd_highlight__' },
      'open-reader': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_cmd_reader__' },
    },
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
