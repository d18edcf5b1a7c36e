import { describe, expect, it } from 'vitest';
import type { Entrypoint, EntrypointGroup } from 'wxt';
import { buildPopupAlone, permissionsFor } from '../../wxt.config';

const entry = (name: string, type: Entrypoint['type']) => ({ name, type }) as Entrypoint;

describe('buildPopupAlone', () => {
  it('moves the popup out of the pages built together into a group of its own', () => {
    const background = entry('background', 'background');
    const [popup, options, library] = [entry('popup', 'popup'), entry('options', 'options'), entry('library', 'unlisted-page')];
    const groups: EntrypointGroup[] = [background, [popup, options, library]];
    buildPopupAlone(groups);
    expect(groups).toEqual([background, [options, library], [popup]]);
  });

  it('leaves a popup that is already alone, and groups without one, as they are', () => {
    const groups: EntrypointGroup[] = [[entry('popup', 'popup')], [entry('options', 'options'), entry('library', 'unlisted-page')]];
    const before = structuredClone(groups);
    buildPopupAlone(groups);
    expect(groups).toEqual(before);
  });
});

describe('permissionsFor', () => {
  it('keeps the highlights from eviction in Chrome, which may evict an extension’s storage; Firefox does not', () => {
    expect(permissionsFor('chrome')).toContain('unlimitedStorage');
    expect(permissionsFor('firefox')).not.toContain('unlimitedStorage');
    expect(permissionsFor('firefox')).toEqual(permissionsFor('chrome').filter((p) => p !== 'unlimitedStorage'));
  });
});
