// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsPage } from '@/components/SettingsPage';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/messages';
import { loadSettings, updateSettings } from '@/utils/settings';
import { translator } from '../helpers/locale';
import { memoryArea } from '../helpers/memory-area';

const t = translator('en');

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(saved: Settings) {
  const area = memoryArea({ settings: saved });
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<SettingsPage load={() => loadSettings(area)} update={(change) => updateSettings(area, change)} t={t} />, root));
  // The page reads the settings in an effect, which runs as the render is flushed.
  await act(settle);
  return area;
}

// Settings are read and saved through a storage area's promises: a macrotask later they are done.
const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

async function click(input: HTMLInputElement): Promise<void> {
  await act(async () => {
    input.click();
    await settle();
  });
}

describe('SettingsPage: the global switch', () => {
  it('turns cleanup off and on again', async () => {
    const area = await mount(DEFAULT_SETTINGS);
    const globalSwitch = root.querySelector<HTMLInputElement>('.switch input')!;
    await click(globalSwitch);
    expect((await loadSettings(area)).enabled).toBe(false);
    expect(globalSwitch.checked).toBe(false);
    await click(globalSwitch);
    expect((await loadSettings(area)).enabled).toBe(true);
  });
});
