import { useEffect, useRef, useState } from 'preact/hooks';
import { HIDDEN_KINDS } from '@/utils/analysis-types';
import type { Settings } from '@/utils/messages';
import { keptItem } from '@/utils/settings';
import { clip } from '@/utils/text';
import { GlobalSwitch } from './GlobalSwitch';
import type { Translate } from './i18n';
import { Shortcuts, type ShortcutServices } from './Shortcuts';
import { useRefocusAfterRemoval } from './use-refocus';

/** Characters of a kept item's place shown (a selector may run to thousands). */
const PLACE_SHOWN = 80;

export interface SettingsPageProps {
  load: () => Promise<Settings>;
  update: (change: (s: Settings) => void) => Promise<Settings>;
  /**
   * Calls `onChange` when the stored settings change elsewhere (the popup's "Off on this site",
   * another options tab); returns what stops it. An open page would show them stale otherwise.
   */
  watch: (onChange: () => void) => () => void;
  shortcuts: ShortcutServices;
  t: Translate;
}

/**
 * Options: the global switch, the kinds cleanup hides, the sites where it is off, the items kept
 * per site, and the keyboard shortcuts.
 */
export function SettingsPage({ load, update, watch, shortcuts, t }: SettingsPageProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const sitesOff = { heading: useRef<HTMLHeadingElement>(null), list: useRef<HTMLUListElement>(null) };
  const kept = { heading: useRef<HTMLHeadingElement>(null), list: useRef<HTMLUListElement>(null) };
  const refocus = useRefocusAfterRemoval();
  useEffect(() => {
    void load().then(setSettings);
    return watch(() => void load().then(setSettings));
  }, [load, watch]);
  if (!settings) return <main class="page" aria-busy="true" />;
  const change = async (fn: (s: Settings) => void) => setSettings(await update(fn));
  /** A row's button: its row goes once `fn` is saved, and focus goes on in its list. */
  const removeRow = (e: MouseEvent, section: typeof kept, fn: (s: Settings) => void) => {
    refocus(e.currentTarget as HTMLElement, [...(section.list.current?.querySelectorAll('button') ?? [])], section.heading.current);
    void change(fn);
  };
  const keptSites = Object.entries(settings.keepRules).filter(([, keys]) => keys.length);
  const kindName = (kind: string) => ((HIDDEN_KINDS as readonly string[]).includes(kind) ? t(`kind_${kind}`) : kind);
  return (
    <main class="page">
      <h1>{t('extName')}</h1>
      <GlobalSwitch enabled={settings.enabled} onChange={(on) => void change((s) => (s.enabled = on))} t={t} />
      {/* Left active while "Clean pages" is off, and said so: the choices are saved, so one can untick
          a kind before turning cleanup back on; disabled boxes would leave the Tab order unexplained. */}
      <fieldset class="kinds" aria-describedby={settings.enabled ? 'kinds-note' : 'kinds-off kinds-note'}>
        <legend>
          <h2>{t('hideKindsHeading')}</h2>
        </legend>
        {!settings.enabled && (
          <p id="kinds-off" class="kinds-off" data-testid="kinds-off">
            {t('hideKindsWhenOff', t('globalSwitch'))}
          </p>
        )}
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
      <h2 ref={sitesOff.heading} tabIndex={-1}>
        {t('sitesOff')}
      </h2>
      {settings.disabledSites.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul ref={sitesOff.list} data-testid="sites-off">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              {/* The button's words are the popup's ("On for this site"): the row's site says which. */}
              <span id={`off-${site}`}>{site}</span>{' '}
              <button
                type="button"
                class="small"
                aria-describedby={`off-${site}`}
                onClick={(e) => removeRow(e, sitesOff, (s) => (s.disabledSites = s.disabledSites.filter((x) => x !== site)))}
              >
                {t('onOnSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2 ref={kept.heading} tabIndex={-1}>
        {t('keptItems')}
      </h2>
      {keptSites.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul ref={kept.list} data-testid="kept-items">
          {keptSites.map(([site, keys]) => (
            <li key={site}>
              {site}
              {/* Each rule is what "Never hide this" stored: the item's kind and the head of its text. */}
              <ul class="kept">
                {keys.map((key, i) => {
                  const item = keptItem(key);
                  const id = `kept-${site}-${i}`;
                  return (
                    <li key={key}>
                      <span id={id}>
                        <span class="kept-kind">{kindName(item.kind)}</span> ·{' '}
                        {item.text ? `${item.text}${item.cut ? '…' : ''}` : item.place ? <code>{clip(item.place, PLACE_SHOWN)}</code> : t('keptEveryUntexted')}
                      </span>{' '}
                      <button
                        type="button"
                        class="small"
                        aria-describedby={id}
                        onClick={(e) =>
                          removeRow(e, kept, (s) => {
                            const rest = (s.keepRules[site] ?? []).filter((k) => k !== key);
                            if (rest.length) s.keepRules[site] = rest;
                            else delete s.keepRules[site];
                          })
                        }
                      >
                        {t('hideAgain')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Shortcuts services={shortcuts} t={t} />
      <p class="muted">{t('privacyNote')}</p>
    </main>
  );
}
