import { useEffect, useState } from 'preact/hooks';
import { HIDDEN_KINDS } from '@/utils/analysis-types';
import type { Settings } from '@/utils/messages';
import { GlobalSwitch } from './GlobalSwitch';
import type { Translate } from './i18n';
import { Shortcuts, type ShortcutServices } from './Shortcuts';

export interface SettingsPageProps {
  load: () => Promise<Settings>;
  update: (change: (s: Settings) => void) => Promise<Settings>;
  shortcuts: ShortcutServices;
  t: Translate;
}

/**
 * Options: the global switch, the kinds cleanup hides, the sites where it is off, the items kept
 * per site, and the keyboard shortcuts.
 */
export function SettingsPage({ load, update, shortcuts, t }: SettingsPageProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void load().then(setSettings), [load]);
  if (!settings) return <main class="page" aria-busy="true" />;
  const change = async (fn: (s: Settings) => void) => setSettings(await update(fn));
  const keptSites = Object.entries(settings.keepRules).filter(([, keys]) => keys.length);
  return (
    <main class="page">
      <h1>{t('extName')}</h1>
      <GlobalSwitch enabled={settings.enabled} onChange={(on) => void change((s) => (s.enabled = on))} t={t} />
      <fieldset class="kinds" aria-describedby="kinds-note">
        <legend>
          <h2>{t('hideKindsHeading')}</h2>
        </legend>
        {HIDDEN_KINDS.map((kind) => (
          // The kind's name labels the box; what it covers describes it, so a screen reader says both.
          <div key={kind}>
            <label>
              <input
                type="checkbox"
                data-kind={kind}
                aria-describedby={`kind-hint-${kind}`}
                checked={!settings.shownKinds.includes(kind)}
                onChange={(e) => {
                  const hide = (e.currentTarget as HTMLInputElement).checked;
                  void change((s) => {
                    const others = s.shownKinds.filter((k) => k !== kind);
                    s.shownKinds = hide ? others : [...others, kind];
                  });
                }}
              />
              {t(`kind_${kind}`)}
            </label>{' '}
            <span id={`kind-hint-${kind}`} class="muted">
              · {t(`kindHint_${kind}`)}
            </span>
          </div>
        ))}
      </fieldset>
      <p id="kinds-note" class="muted">
        {t('hideKindsNote')}
      </p>
      <h2>{t('sitesOff')}</h2>
      {settings.disabledSites.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul data-testid="sites-off">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" class="small" onClick={() => void change((s) => (s.disabledSites = s.disabledSites.filter((x) => x !== site)))}>
                {t('onOnSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('keptItems')}</h2>
      {keptSites.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul>
          {keptSites.map(([site, keys]) => (
            <li key={site}>
              {site} · {keys.length}{' '}
              <button type="button" class="small" onClick={() => void change((s) => delete s.keepRules[site])}>
                {t('hideAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Shortcuts services={shortcuts} t={t} />
      <p class="muted">{t('privacyNote')}</p>
    </main>
  );
}
