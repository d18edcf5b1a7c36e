import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../helpers/contrast';

const CSS = readFileSync(join(__dirname, '../../entrypoints/popup/style.css'), 'utf8');

/** The custom properties of a `:root { … }` block. */
const props = (block: string): Record<string, string> => Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
const light = props(/^:root \{([^}]*)\}/m.exec(CSS)![1]!);
const dark = { ...light, ...props(/prefers-color-scheme: dark\)\s*\{\s*:root \{([^}]*)\}/.exec(CSS)![1]!) };

/** The colour a rule gives its selector, with custom properties read in `scheme`. */
function colorOf(selector: string, scheme: Record<string, string>): string {
  const value = new RegExp(`^${selector.replace(/\./g, '\\.')} \\{[^}]*?[^-]color: ([^;]+);`, 'm').exec(CSS)![1]!.trim();
  const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  return name ? scheme[name]! : value;
}

describe('popup colours', () => {
  for (const [name, scheme] of [['light', light], ['dark', dark]] as const) {
    it(`${name}: Delete buttons, errors and the not-found badge read at 4.5:1 or more`, () => {
      expect(contrast(colorOf('.danger', scheme), scheme['--chip']!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colorOf('.error', scheme), scheme['--bg']!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colorOf('.hl-row .badge', scheme), scheme['--bg']!)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
