import { useEffect, useState } from 'preact/hooks';
import { COMMANDS, findCommand } from '@/utils/commands';
import type { Translate } from './i18n';

/** One shortcut as the browser has it now: the reader may have changed or removed its keys. */
export interface Shortcut {
  name: string;
  /** Empty when no keys are set. */
  shortcut: string;
}

export interface ShortcutServices {
  /** The extension's shortcuts as the browser has them (`commands.getAll`). */
  list(): Promise<Shortcut[]>;
  /** Opens the browser's own page for changing them. */
  openSettings(): void;
}

const ORDER = Object.keys(COMMANDS);

/** The keyboard shortcuts with their current keys, and the way to the browser's page that changes them. */
export function Shortcuts({ services, t }: { services: ShortcutServices; t: Translate }) {
  const [list, setList] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    const read = () => void services.list().then(setList, () => setList([]));
    read();
    // Back from the browser's shortcut page, the keys may have changed.
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, [services]);
  // Ours only (a browser may list its own, such as _execute_action), in the table's order.
  const known = (list ?? [])
    .flatMap((c) => {
      const command = findCommand(c.name);
      return command ? [{ ...c, label: command.label }] : [];
    })
    .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  return (
    <>
      <h2 id="shortcuts-h">{t('shortcutsHeading')}</h2>
      <ul class="shortcuts" aria-labelledby="shortcuts-h" aria-busy={list === null}>
        {known.map((c) => (
          <li key={c.name}>
            {c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t('shortcutUnset')}</span>} {t(c.label)}
          </li>
        ))}
      </ul>
      <button type="button" class="small" onClick={() => services.openSettings()}>
        {t('shortcutsChange')}
      </button>
    </>
  );
}
