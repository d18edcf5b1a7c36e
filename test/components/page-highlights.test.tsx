// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageHighlights, orderHighlights, type PageHighlightsServices } from '@/components/PageHighlights';
import type { HighlightRecord } from '@/utils/annotation-types';
import type { AnchorStatus } from '@/utils/messages';

const t = (key: string, subs?: string | string[]) => (subs === undefined ? key : `${key}:${[subs].flat().join('|')}`);

function record(id: string, quote: string, created: string): HighlightRecord {
  return { id, pageUrl: 'https://a.example/x', selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }], quote, color: 'yellow', note: '', created, updated: created };
}

const A = record('a', '第一段', '2024-01-03T00:00:00.000Z');
const B = record('b', '第二段', '2024-01-01T00:00:00.000Z');
const C = record('c', '被改写的段落', '2024-01-02T00:00:00.000Z');

describe('orderHighlights', () => {
  it('lists placed highlights in document order, then the unplaced ones flagged', () => {
    const status: AnchorStatus = { placed: ['b', 'a'], orphaned: ['c'] };
    expect(orderHighlights([A, B, C], status).map((r) => [r.h.id, r.found])).toEqual([
      ['b', true],
      ['a', true],
      ['c', false],
    ]);
  });

  it('without a content script, lists by creation time and flags nothing as missing', () => {
    expect(orderHighlights([A, B, C], null).map((r) => [r.h.id, r.found])).toEqual([
      ['b', true],
      ['c', true],
      ['a', true],
    ]);
  });
});

describe('PageHighlights', () => {
  let host: HTMLElement;
  let stored: HighlightRecord[];
  let services: PageHighlightsServices;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    stored = [A, B, C];
    services = {
      load: vi.fn(async () => ({ highlights: [...stored], status: { placed: ['a', 'b'], orphaned: ['c'] } })),
      update: vi.fn(async () => undefined),
      remove: vi.fn(async (id: string) => {
        const gone = stored.filter((h) => h.id === id);
        stored = stored.filter((h) => h.id !== id);
        return gone;
      }),
      restore: vi.fn(async (records: HighlightRecord[]) => void stored.push(...records)),
      scrollTo: vi.fn(),
      exportPage: vi.fn(async () => undefined),
    };
  });
  afterEach(() => render(null, host));

  const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
  const show = async (onError: (m: string) => void) => {
    await act(() => render(<PageHighlights services={services} t={t} onError={onError} />, host));
    await flush();
  };
  const rows = () => [...host.querySelectorAll('.hl-row')].map((li) => (li as HTMLElement).dataset.id);

  it('shows the unplaced highlight with its quote as not found, and scrolls to a placed one', async () => {
    await show(() => undefined);
    expect(rows()).toEqual(['a', 'b', 'c']);
    const missing = host.querySelector('.hl-row[data-id="c"]')!;
    expect(missing.textContent).toContain('被改写的段落');
    expect(missing.textContent).toContain('hl_not_found');
    (host.querySelector('.hl-row[data-id="b"] .quote') as HTMLButtonElement).click();
    expect(services.scrollTo).toHaveBeenCalledWith('b');
  });

  it('deletes with an undo that restores the same record', async () => {
    await show(() => undefined);
    (host.querySelector('.hl-row[data-id="a"] .danger') as HTMLButtonElement).click();
    await flush();
    expect(rows()).toEqual(['b', 'c']);
    const undo = [...host.querySelectorAll('.toast button')][0] as HTMLButtonElement;
    undo.click();
    await flush();
    expect(services.restore).toHaveBeenCalledWith([A]);
    expect(rows()).toContain('a');
  });

  it('saves an edited note on blur and changes colour', async () => {
    await show(() => undefined);
    const note = host.querySelector('.hl-row[data-id="a"] textarea') as HTMLTextAreaElement;
    note.value = '重要';
    note.dispatchEvent(new FocusEvent('blur'));
    (host.querySelector('.hl-row[data-id="a"] .swatch[aria-label="color_green"]') as HTMLButtonElement).click();
    await flush();
    expect(services.update).toHaveBeenCalledWith('a', { note: '重要' });
    expect(services.update).toHaveBeenCalledWith('a', { color: 'green' });
  });

  it('exports this page in the format picked', async () => {
    await show(() => undefined);
    (host.querySelector('.export button[data-format="csv"]') as HTMLButtonElement).click();
    await flush();
    expect(services.exportPage).toHaveBeenCalledWith('csv');
  });

  it('reports a storage failure instead of swallowing it', async () => {
    const onError = vi.fn();
    services.update = vi.fn(async () => Promise.reject(new Error('quota exceeded')));
    await show(onError);
    (host.querySelector('.hl-row[data-id="a"] .swatch[aria-label="color_blue"]') as HTMLButtonElement).click();
    await flush();
    expect(onError).toHaveBeenCalledWith('quota exceeded');
  });
});
