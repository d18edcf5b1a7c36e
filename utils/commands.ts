/**
 * The keyboard shortcuts, in one table: the manifest's `commands` (wxt.config.ts), what each asks
 * of the tab's analysis (the background sends it), and the message naming it (the options page).
 */
import type { PopupToContent } from './messages';

export interface Command {
  /** Suggested to the browser; the reader may change it in the browser's shortcut settings. */
  key: string;
  /** The locale message that names it. */
  label: string;
  message: PopupToContent;
  /**
   * Whether the analysis is loaded into a page that lacks it: a highlight or the reader view needs
   * it; showing the original of a page where nothing was hidden does not.
   */
  loadsAnalysis: boolean;
}

export const COMMANDS = {
  'highlight-selection': { key: 'Alt+Shift+H', label: 'cmd_highlight', message: { type: 'highlight-selection' }, loadsAnalysis: true },
  // Not Alt+Shift+R: Chromium keeps that one and leaves the command without keys.
  'open-reader': { key: 'Alt+Shift+V', label: 'cmd_reader', message: { type: 'open-reader' }, loadsAnalysis: true },
  'toggle-cleanup': { key: 'Alt+Shift+O', label: 'cmd_toggleCleanup', message: { type: 'toggle-cleanup' }, loadsAnalysis: false },
} as const satisfies Record<string, Command>;

type CommandName = keyof typeof COMMANDS;

/** A shortcut of this version by its name, or null for one it does not have. */
export function findCommand(name: string): Command | null {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : null;
}

/** The manifest's `commands`. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, { suggested_key: { default: c.key }, description: `__MSG_${c.label}__` }]));
}
