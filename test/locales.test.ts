import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeMessages } from './helpers/locale';

const root = join(import.meta.dirname, '..');

/** Every literal key passed to t('…') in components and entrypoints. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/\bt\('([\w]+)'/g)) keys.add(m[1]!);
    }
  };
  walk(join(root, 'components'));
  walk(join(root, 'entrypoints'));
  return [...keys];
}

describe('_locales', () => {
  const en = localeMessages('en');
  const zh = localeMessages('zh_CN');

  it('uses only key characters Chromium accepts (it refuses the whole extension otherwise)', () => {
    for (const key of [...Object.keys(en), ...Object.keys(zh)]) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('has the same keys in Chinese and English', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('defines every key the UI asks for', () => {
    const missing = usedKeys().filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });
});
