/**
 * The reader's note on the whole page, in the popup: saved as it is typed (after a short pause), when
 * the field loses focus, and when the popup closes, which it may do at any moment with no blur first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from './i18n';
import { errorText } from './error-text';

export interface PageNoteServices {
  /** The stored note ('' when the page has none). */
  load(): Promise<string>;
  save(note: string): Promise<void>;
}

/** The pause in typing after which the note is saved: short, so a popup closed right after loses nothing. */
export const NOTE_SAVE_DELAY_MS = 300;

export interface NoteSaver {
  /** The field's text now: saved once typing pauses. */
  typed(note: string): void;
  /** Saves what is typed and not yet saved, at once. */
  flush(): void;
}

/**
 * Saves the latest text after a pause, or at once on flush; the same text is not sent twice. Each
 * save is sent as soon as it is due, not after the last one's answer: a popup closing would take a
 * queued one with it. The background stores them in the order sent (one transaction each, begun in
 * the order the messages came).
 */
export function noteSaver(initial: string, save: (note: string) => Promise<void>, onError: (err: unknown) => void, delay = NOTE_SAVE_DELAY_MS): NoteSaver {
  // The text stored as far as we know; null after a failed save, when what is stored is unknown.
  let sent: string | null = initial;
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    const note = pending;
    pending = null;
    if (note === null || note === sent) return;
    sent = note;
    save(note).catch((err: unknown) => {
      // Not saved: the next blur or pause sends it again, unless newer text is on its way.
      if (sent === note) sent = null;
      pending ??= note;
      onError(err);
    });
  };
  return {
    typed(note) {
      pending = note;
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
    },
    flush,
  };
}

export interface PageNoteProps {
  services: PageNoteServices;
  t: Translate;
  onError(message: string): void;
}

/** The field, drawn once the stored note is read (typing before that would be overwritten by it). */
export function PageNote({ services, t, onError }: PageNoteProps) {
  const [stored, setStored] = useState<string | null>(null);
  const saver = useRef<NoteSaver | null>(null);
  useEffect(() => {
    let live = true;
    services.load().then(
      (note) => {
        if (!live) return;
        saver.current = noteSaver(note, (n) => services.save(n), (err) => onError(errorText(err)));
        setStored(note);
      },
      (err: unknown) => live && onError(errorText(err)),
    );
    const flush = () => saver.current?.flush();
    addEventListener('pagehide', flush);
    return () => {
      live = false;
      removeEventListener('pagehide', flush);
      flush();
    };
  }, [services]);
  if (stored === null) return null;
  const typed = (e: Event) => saver.current?.typed((e.currentTarget as HTMLTextAreaElement).value);
  return (
    <section class="page-note" aria-labelledby="page-note-h">
      <h2 id="page-note-h">{t('page_note')}</h2>
      {/* Uncontrolled: re-setting the value while an IME is composing (pinyin) breaks the composition. */}
      <textarea
        aria-labelledby="page-note-h"
        dir="auto"
        placeholder={t('page_note_placeholder')}
        defaultValue={stored}
        onInput={(e) => {
          if (!(e as InputEvent).isComposing) typed(e);
        }}
        onCompositionEnd={typed}
        onBlur={() => saver.current?.flush()}
      />
    </section>
  );
}
