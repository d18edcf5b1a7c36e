import { describe, expect, it } from 'vitest';
import { ANALYSIS_KEY } from '@/utils/isolated-world';
import { ANALYSIS_SCRIPT, loadAnalysis, sendLoading, type Scripting } from '@/utils/load-analysis';

/** A tab's isolated world as `scripting.executeScript` sees it: the probe looks for the running analysis' context. */
function fakeTab(loaded: boolean) {
  const injected: string[] = [];
  const scripting: Scripting = {
    async executeScript({ files, func, args = [] }) {
      if (func) {
        const world = globalThis as Record<symbol, unknown>;
        const key = Symbol.for(ANALYSIS_KEY);
        if (loaded) world[key] = {};
        try {
          return [{ result: func(...args) }];
        } finally {
          delete world[key];
        }
      }
      injected.push(...(files ?? []));
      loaded = true;
      return [{}];
    },
  };
  return { scripting, injected };
}

describe('loadAnalysis', () => {
  it('injects the analysis script into a tab that has none', async () => {
    const tab = fakeTab(false);
    await loadAnalysis(tab.scripting, 7);
    expect(tab.injected).toEqual([ANALYSIS_SCRIPT]);
  });

  it('leaves a tab alone where the script already runs, so it is never analysed twice', async () => {
    const tab = fakeTab(false);
    await loadAnalysis(tab.scripting, 7);
    await loadAnalysis(tab.scripting, 7);
    expect(tab.injected).toEqual([ANALYSIS_SCRIPT]);
  });
});

describe('sendLoading', () => {
  it('sends once, without loading, when the tab answers', async () => {
    let loads = 0;
    const answer = await sendLoading(
      () => Promise.resolve('state'),
      async () => void loads++,
    );
    expect([answer, loads]).toEqual(['state', 0]);
  });

  it('loads the script and sends again when nobody listened', async () => {
    let listening = false;
    const answer = await sendLoading(
      () => (listening ? Promise.resolve('state') : Promise.reject(new Error('Receiving end does not exist'))),
      async () => void (listening = true),
    );
    expect(answer).toBe('state');
  });

  it('rejects when the tab takes no script (a browser page)', async () => {
    const sent = sendLoading(
      () => Promise.reject(new Error('Receiving end does not exist')),
      () => Promise.reject(new Error('Cannot access a chrome:// URL')),
    );
    await expect(sent).rejects.toThrow('chrome://');
  });
});
