import { describe, expect, it } from 'vitest';
import { readerPageStore, type PageArea } from '@/utils/reader-pages';
import { memoryArea } from '../helpers/memory-area';

/** A storage.session stand-in that can also remove, and refuse what is over its quota. */
function sessionArea(quota = Infinity): PageArea & { data: Record<string, unknown> } {
  const area = memoryArea();
  return {
    ...area,
    set: async (items) => {
      if (JSON.stringify({ ...area.data, ...items }).length > quota) throw new Error('QUOTA_BYTES quota exceeded');
      await area.set(items);
    },
    remove: async (keys) => keys.forEach((k) => delete area.data[k]),
  };
}

const page = (n: number, size = 100) => ({ url: `https://news.example.cn/${n}.html`, html: `<p>${'字'.repeat(size)}</p>`, tabId: n });

describe('readerPageStore', () => {
  it('finds a page again after the background restarted (a new store over the same area)', async () => {
    const area = sessionArea();
    await readerPageStore(area).put('t1', page(1));
    expect(await readerPageStore(area).get('t1')).toEqual(page(1));
  });

  it('keeps every page that fits, however many readers were opened since', async () => {
    const area = sessionArea();
    const store = readerPageStore(area);
    for (let n = 0; n < 10; n++) await store.put(`t${n}`, page(n));
    expect(await readerPageStore(area).get('t0')).toEqual(page(0));
  });

  it('lets the oldest pages go when the next would not fit in the budget, counted in UTF-8 bytes', async () => {
    const area = sessionArea();
    const store = readerPageStore(area, 1000); // 300 characters of 字 are 900 bytes: one page at a time.
    await store.put('old', page(1, 300));
    await store.put('new', page(2, 300));
    expect(await store.get('old')).toBeUndefined();
    expect(await store.get('new')).toEqual(page(2, 300));
    expect(Object.keys(area.data).sort()).toEqual(['readerPage:new', 'readerPages']);
  });

  it('still hands over a page the area refuses, until the next one comes', async () => {
    const store = readerPageStore(sessionArea(500));
    await store.put('big', page(1, 1000));
    expect(await store.get('big')).toEqual(page(1, 1000));
    await store.put('small', page(2, 10));
    expect(await store.get('big')).toBeUndefined();
    expect(await store.get('small')).toEqual(page(2, 10));
  });

  it('two pages handed over at once are both kept', async () => {
    const store = readerPageStore(sessionArea());
    await Promise.all([store.put('a', page(1)), store.put('b', page(2))]);
    expect([await store.get('a'), await store.get('b')]).toEqual([page(1), page(2)]);
  });
});
