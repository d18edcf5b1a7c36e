import { describe, expect, it } from 'vitest';
import { EARLY_HIDE_SCRIPT_ID, earlyHideScript, syncEarlyHide, type EarlyHideScript, type RegisteredScript, type ScriptRegistry } from '@/utils/early-hide-registration';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/messages';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...change });

/** The browser's registry as far as it goes here: it refuses an id registered twice, as both browsers do. */
function fakeRegistry(report: (s: EarlyHideScript) => RegisteredScript = (s) => s) {
  const scripts = new Map<string, EarlyHideScript>();
  const calls: string[] = [];
  const registry: ScriptRegistry = {
    async getRegisteredContentScripts({ ids }) {
      return ids.flatMap((id) => (scripts.has(id) ? [report(structuredClone(scripts.get(id)!))] : []));
    },
    async registerContentScripts(list) {
      calls.push('register');
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, structuredClone(s));
      }
    },
    async unregisterContentScripts({ ids }) {
      calls.push('unregister');
      for (const id of ids) scripts.delete(id);
    },
  };
  return { registry, scripts, calls };
}

describe('earlyHideScript', () => {
  it('runs on every http(s) page at document_start under the default settings', () => {
    expect(earlyHideScript(settings())).toEqual({
      id: EARLY_HIDE_SCRIPT_ID,
      matches: ['http://*/*', 'https://*/*'],
      excludeMatches: [],
      js: ['early-hide.js'],
      runAt: 'document_start',
    });
  });

  it('runs nowhere with "Clean pages" off or with ads left on pages', () => {
    expect(earlyHideScript(settings({ enabled: false }))).toBeNull();
    expect(earlyHideScript(settings({ shownKinds: ['ad'] }))).toBeNull();
    // Another kind shown leaves the ads, and the rule, as they were.
    expect(earlyHideScript(settings({ shownKinds: ['comments', 'navigation'] }))).not.toBeNull();
  });

  it('leaves out the sites where cleanup is off, with and without www, once each', () => {
    const script = earlyHideScript(settings({ disabledSites: ['hinews.example', '127.0.0.1', 'hinews.example'] }));
    // An address has no www form: Chromium refuses *://www.127.0.0.1/* and with it the whole registration.
    expect(script?.excludeMatches).toEqual(['*://hinews.example/*', '*://www.hinews.example/*', '*://127.0.0.1/*']);
  });

  it('skips a site no match pattern can name instead of making the browser refuse them all', () => {
    const script = earlyHideScript(settings({ disabledSites: ['[::1]', '', 'a/b', '*.example', 'ok.example'] }));
    expect(script?.excludeMatches).toEqual(['*://ok.example/*', '*://www.ok.example/*']);
  });
});

describe('syncEarlyHide', () => {
  it('registers the rule, keeps a registration that matches, and removes it when ads are left on pages', async () => {
    const { registry, scripts, calls } = fakeRegistry();
    await syncEarlyHide(registry, settings());
    expect(scripts.get(EARLY_HIDE_SCRIPT_ID)?.excludeMatches).toEqual([]);
    await syncEarlyHide(registry, settings());
    expect(calls).toEqual(['register']);

    await syncEarlyHide(registry, settings({ shownKinds: ['ad'] }));
    expect(scripts.size).toBe(0);
    await syncEarlyHide(registry, settings({ shownKinds: ['ad'] }));
    expect(calls).toEqual(['register', 'unregister']);
  });

  it('replaces the registration when the sites switched off change', async () => {
    const { registry, scripts } = fakeRegistry();
    await syncEarlyHide(registry, settings());
    await syncEarlyHide(registry, settings({ disabledSites: ['hinews.example'] }));
    expect(scripts.get(EARLY_HIDE_SCRIPT_ID)?.excludeMatches).toEqual(['*://hinews.example/*', '*://www.hinews.example/*']);
    await syncEarlyHide(registry, settings());
    expect(scripts.get(EARLY_HIDE_SCRIPT_ID)?.excludeMatches).toEqual([]);
  });

  it('takes a registration reported without its empty lists, in another order, as the same', async () => {
    const { registry, calls } = fakeRegistry(({ excludeMatches, matches, ...rest }) => ({
      ...rest,
      matches: [...matches].reverse(),
      ...(excludeMatches.length ? { excludeMatches } : {}),
    }));
    await syncEarlyHide(registry, settings());
    await syncEarlyHide(registry, settings());
    expect(calls).toEqual(['register']);
  });

  it('replaces a registration left by a version that loaded another file', async () => {
    const { registry, scripts } = fakeRegistry();
    await registry.registerContentScripts([{ ...earlyHideScript(settings())!, js: ['old-early-hide.js'] }]);
    await syncEarlyHide(registry, settings());
    expect(scripts.get(EARLY_HIDE_SCRIPT_ID)?.js).toEqual(['early-hide.js']);
  });
});
