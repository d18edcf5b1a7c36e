/**
 * The keyboard shortcuts, in one table: the manifest's `commands` (wxt.config.ts), what each asks
 * of the tab's analysis (the background sends it), and the message naming it (the options page).
 */
import type { PopupToContent } from './messages';

interface Command {
  /** Suggested to the browser; the reader may change it in the browser's shortcut settings. */
  key: string;
  /** The locale message that names it. */
  label: string;
  message: PopupToContent;
}

export const COMMANDS = {
  'highlight-selection': { key: 'Alt+Shift+H', label: 'cmd_highlight', message: { type: 'highlight-selection' } },
  // Not Alt+Shift+R: Chromium keeps that one and leaves the command without keys.
  'open-reader': { key: 'Alt+Shift+V', label: 'cmd_reader', message: { type: 'open-reader' } },
  'toggle-cleanup': { key: 'Alt+Shift+O', label: 'cmd_toggleCleanup', message: { type: 'toggle-cleanup' } },
} as const satisfies Record<string, Command>;

type CommandName = keyof typeof COMMANDS;

function commandOf(name: string): Command | null {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : null;
}

/** The manifest's `commands`. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, { suggested_key: { default: c.key }, description: `__MSG_${c.label}__` }]));
}

/** The message a shortcut sends, or null for a command this version does not have. */
export function commandMessage(name: string): PopupToContent | null {
  return commandOf(name)?.message ?? null;
}

/** The locale message naming a shortcut, or null for a command this version does not have. */
export function commandLabel(name: string): string | null {
  return commandOf(name)?.label ?? null;
}
