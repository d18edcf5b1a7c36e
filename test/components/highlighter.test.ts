// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Highlighter, type ShownPage } from '@/components/highlighter';
import { describeRange } from '@/utils/anchoring';
import type { HighlightRecord } from '@/utils/annotation-types';
import { MAX_QUOTE, type ToBackground } from '@/utils/messages';
import { quoteHighlight } from '../helpers/records';
import { pickColour } from '../helpers/toolbar';

const PAGE = 'https://news.example.cn/2024-02/23/content_1.htm';

function highlighterWith(send: (msg: ToBackground) => Promise<unknown>, ui = document.createElement('div')): Highlighter {
  return new Highlighter({
    root: document.body,
    pageUrl: PAGE,
    pageInfo: () => ({ url: PAGE, title: '', publisher: null, provenance: null }),
    send,
    listen: () => undefined,
    mountUi: async () => ui,
    t: (key) => key,
  });
}

/** The first `chars` characters of a paragraph (the page's first by default). */
function paragraphStart(chars: number, p = document.querySelector('p')!): Range {
  const range = document.createRange();
  range.setStart(p.firstChild!, 0);
  range.setEnd(p.firstChild!, chars);
  return range;
}

/** A stored highlight of `page` on the first `chars` characters of a paragraph. */
function storedOnParagraph(chars: number, p?: HTMLParagraphElement, page = PAGE, id?: string) {
  const selectors = describeRange(paragraphStart(chars, p), document.body)!;
  return quoteHighlight(page, selectors[0].exact, { selectors, ...(id && { id }) });
}

// jsdom lays nothing out; the toolbar only needs a place to stand.
const rect = { top: 100, left: 0, bottom: 120, right: 80, width: 80, height: 20, x: 0, y: 100 };
beforeAll(() => void (Range.prototype.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect })));
afterAll(() => void delete (Range.prototype as Partial<Range>).getBoundingClientRect);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Highlighter.held', () => {
  it('is null until the store has answered, then the rows the popup lists with where they were placed', async () => {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const record = storedOnParagraph(8);
    let answer!: (v: unknown) => void;
    const highlighter = highlighterWith((msg) => (msg.type === 'page-highlights' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve({})));
    const restored = highlighter.restore();
    expect(highlighter.held()).toBeNull();
    answer({ highlights: [record] });
    await restored;
    const { id, quote, color, note, created } = record;
    // The popup's list needs no selectors: they stay out of the message.
    expect(highlighter.held()).toEqual({ highlights: [{ id, quote, color, note, created }], status: { placed: [record.id], orphaned: [] } });
  });

  it('stays null when the store fails, so the popup asks the store itself', async () => {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道。</p>';
    const highlighter = highlighterWith(async () => ({ error: { code: 'unknown', message: 'disk full' } }));
    await highlighter.restore();
    expect(highlighter.held()).toBeNull();
  });
});

describe('Highlighter.refresh', () => {
  /** A highlighter over one stored highlight whose store answers each page-highlights call when told. */
  function withStoreAnsweringLater() {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const record = storedOnParagraph(8);
    const answers: Array<(v: unknown) => void> = [];
    const highlighter = highlighterWith((msg) => (msg.type === 'page-highlights' ? new Promise((resolve) => answers.push(resolve)) : Promise.resolve({})));
    return { record, answers, highlighter };
  }

  it('drops an answer that comes after a later refresh began', async () => {
    const { record, answers, highlighter } = withStoreAnsweringLater();
    const older = highlighter.refresh([PAGE]);
    const newer = highlighter.refresh([PAGE]);
    answers[1]!({ highlights: [record] });
    await newer;
    answers[0]!({ highlights: [] });
    await older;
    expect(highlighter.held()!.highlights.map((h) => h.id)).toEqual([record.id]);
  });

  it.each([
    ['before', [0, 1]],
    ['after', [1, 0]],
  ] as const)("draws an earlier refresh's answer when the later one fails, answered %s it", async (_when, order) => {
    const { record, answers, highlighter } = withStoreAnsweringLater();
    const older = highlighter.refresh([PAGE]);
    const newer = highlighter.refresh([PAGE]);
    const reply = [() => answers[0]!({ highlights: [record] }), () => answers[1]!({ error: { code: 'unknown', message: 'busy' } })];
    for (const i of order) {
      reply[i]!();
      await new Promise((resolve) => setTimeout(resolve));
    }
    await Promise.all([older, newer]);
    expect(highlighter.held()!.highlights.map((h) => h.id)).toEqual([record.id]);
  });

  it("resolves an overtaken refresh only once the later one has drawn the store's view", async () => {
    // The popup's notice after an Undo, then the background's: the popup reads the status once
    // its own refresh resolves, and the restored highlight must be in it.
    const { record, answers, highlighter } = withStoreAnsweringLater();
    let popupsDone = false;
    const popups = highlighter.refresh([PAGE]).then(() => (popupsDone = true));
    const background = highlighter.refresh([PAGE]);
    answers[0]!({ highlights: [record] });
    await new Promise((resolve) => setTimeout(resolve));
    expect(popupsDone).toBe(false);
    answers[1]!({ highlights: [record] });
    await popups;
    await background;
    expect(highlighter.status().placed).toEqual([record.id]);
  });
});

describe('a highlight made while the store is asked for the page', () => {
  // The page is read again (a site that wrote itself anew, a move) as the reader picks a colour:
  // the store's answer to the earlier question cannot hold the passage highlighted since.
  it('stays drawn when the answer comes without it', async () => {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const ui = document.createElement('div');
    const answers: Array<(v: unknown) => void> = [];
    const highlighter = highlighterWith(
      (msg) => (msg.type === 'page-highlights' ? new Promise((resolve) => answers.push(resolve)) : Promise.resolve({ highlight: (msg as { highlight?: unknown }).highlight })),
      ui,
    );
    const restored = highlighter.restore();
    answers[0]!({ highlights: [] });
    await restored;
    const refreshed = highlighter.refresh([PAGE]);
    await pickColour(highlighter, ui, paragraphStart(8));
    expect(highlighter.status().placed).toHaveLength(1);
    answers[1]!({ highlights: [] });
    await refreshed;
    expect(highlighter.status().placed).toHaveLength(1);
    expect(highlighter.held()!.highlights.map((h) => h.quote)).toEqual(['据新加坡《联合早']);
  });
});

describe('the toolbar over a selection', () => {
  /** Whether the toolbar shows for the selection from `from`'s first character to `to`'s eighth. */
  async function toolbarFor(html: string, from: string, to = from): Promise<boolean> {
    document.body.innerHTML = html;
    const ui = document.createElement('div');
    const highlighter = highlighterWith(async () => ({ highlights: [] }), ui);
    const range = document.createRange();
    range.setStart(document.querySelector(from)!.firstChild!, 0);
    range.setEnd(document.querySelector(to)!.firstChild!, 8);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    highlighter.showToolbarForSelection();
    await new Promise((resolve) => setTimeout(resolve));
    return ui.querySelector('.toolbar') !== null;
  }

  // A page's comment box or live editor: the reader selects there to edit, and a highlight would be typed over.
  it.each([
    ['plain text only', '<div contenteditable="plaintext-only"><p id="a">读者在这里编辑自己的评论。</p></div>', '#a', '#a'],
    ['written in capitals', '<p id="a" contenteditable="TRUE">读者在这里编辑自己的评论。</p>', '#a', '#a'],
    ['inherited past a value the browser does not know', '<div contenteditable="plaintext-only"><p id="a" contenteditable="maybe">读者在这里编辑自己的评论。</p></div>', '#a', '#a'],
    ['where the selection ends', '<p id="a">新华社北京2月23日电。</p><p id="b" contenteditable="">读者在这里编辑自己的评论。</p>', '#a', '#b'],
  ])('is not offered in text the page lets the reader edit: %s', async (_case, html, from, to) => {
    expect(await toolbarFor(html, from, to)).toBe(false);
  });

  it('is not offered for a selection longer than a passage may be saved', async () => {
    // From the first paragraph's start to 8 characters into the second: half the bound, then one more.
    const story = (chars: number) => `<p id="a">${'字'.repeat(chars)}</p><p id="b">国家统计局今天发布数据。</p>`;
    expect(await toolbarFor(story(MAX_QUOTE / 2 - 8), '#a', '#b')).toBe(true);
    expect(await toolbarFor(story(MAX_QUOTE / 2 - 7), '#a', '#b')).toBe(false);
  });

  it('is offered in a part an editable box marks as not editable', async () => {
    expect(await toolbarFor('<div contenteditable="true"><p id="a" contenteditable="false">新华社北京2月23日电 国家统计局今天发布数据。</p></div>', '#a')).toBe(true);
  });

  // A page the reader turned into an editor ("edit this page" tools, designMode): every text is
  // theirs to edit, but for a part marked not editable. jsdom has no design mode: the page's
  // document says 'on' as a browser's does.
  describe('on a page in design mode', () => {
    afterEach(() => void delete (document as Partial<Document>).designMode);
    const designMode = () => Object.defineProperty(document, 'designMode', { value: 'on', configurable: true });

    it('is not offered', async () => {
      designMode();
      expect(await toolbarFor('<p id="a">新华社北京2月23日电 国家统计局今天发布数据。</p>', '#a')).toBe(false);
    });

    it('is offered in a part marked not editable', async () => {
      designMode();
      expect(await toolbarFor('<div contenteditable="false"><p id="a">新华社北京2月23日电 国家统计局今天发布数据。</p></div>', '#a')).toBe(true);
    });
  });
});

describe('Highlighter, saving a new highlight', () => {
  /** Selects the paragraph's first characters and picks yellow in the toolbar. */
  async function highlightWith(answer: unknown): Promise<HTMLElement> {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const ui = document.createElement('div');
    const sent: ToBackground[] = [];
    const highlighter = highlighterWith(async (msg) => (sent.push(msg), msg.type === 'highlight-create' ? answer : { highlights: [] }), ui);
    await pickColour(highlighter, ui, paragraphStart(8));
    expect(sent.map((m) => m.type)).toContain('highlight-create');
    return ui;
  }

  it('says nothing when the background kept it', async () => {
    const ui = await highlightWith({ highlight: { id: 'x' } });
    expect(ui.textContent).not.toContain('hl_save_failed');
  });

  it('takes the same passage picked again as the highlight already there, in the new colour: no second record', async () => {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const ui = document.createElement('div');
    const sent: ToBackground[] = [];
    const highlighter = highlighterWith(async (msg) => (sent.push(msg), msg.type === 'highlight-create' ? { highlight: msg.highlight } : { highlights: [] }), ui);
    await pickColour(highlighter, ui, paragraphStart(8));
    const text = document.querySelector('p')!.textContent!;
    // The same eight characters, however the painter has left the paragraph's nodes.
    const walker = document.createTreeWalker(document.querySelector('p')!, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text;
    const again = document.createRange();
    again.setStart(first, 0);
    again.setEnd(first, 8);
    expect(again.toString()).toBe(text.slice(0, 8));
    await pickColour(highlighter, ui, again, 'green');
    expect(sent.filter((m) => m.type === 'highlight-create')).toHaveLength(1);
    const create = sent.find((m) => m.type === 'highlight-create') as Extract<ToBackground, { type: 'highlight-create' }>;
    expect(sent.filter((m) => m.type === 'highlight-update')).toEqual([{ type: 'highlight-update', id: create.highlight.id, patch: { color: 'green' } }]);
  });

  // A content script shares its page's context: over plain http (many portals) there is no randomUUID.
  it('saves the highlight on a page that is no secure context, where crypto.randomUUID is missing', async () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    try {
      document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
      const ui = document.createElement('div');
      const sent: ToBackground[] = [];
      const highlighter = highlighterWith(async (msg) => (sent.push(msg), msg.type === 'highlight-create' ? { highlight: msg.highlight } : { highlights: [] }), ui);
      await pickColour(highlighter, ui, paragraphStart(8));
      const create = sent.find((m) => m.type === 'highlight-create') as Extract<ToBackground, { type: 'highlight-create' }>;
      expect(create.highlight.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ui.textContent).not.toContain('hl_save_failed');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  // The background answers nothing to a message it refuses (another page's, say).
  it('says it was not saved when the background answered without the record', async () => {
    const ui = await highlightWith(undefined);
    expect(ui.textContent).toContain('hl_save_failed');
  });
});

describe('the note editor on the page', () => {
  /** A page with one stored highlight, a store that keeps what it is sent, and the highlight's editor open. */
  async function editorOpen({ failUpdates = false } = {}) {
    document.body.innerHTML = '<p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p>';
    const record = storedOnParagraph(8, undefined, PAGE, '00000000-0000-4000-8000-000000000003');
    const store = new Map<string, HighlightRecord>([[record.id, { ...record, color: 'pink', note: '要核实' }]]);
    const sent: ToBackground[] = [];
    const ui = document.createElement('div');
    document.body.append(ui);
    const highlighter = highlighterWith(async (msg) => {
      sent.push(msg);
      if (msg.type === 'page-highlights') return { highlights: [...store.values()].filter((h) => h.pageUrl === msg.url) };
      if (msg.type === 'highlights-delete') {
        const deleted = msg.ids.map((id) => store.get(id)!);
        msg.ids.forEach((id) => store.delete(id));
        return { deleted };
      }
      if (msg.type === 'highlights-restore') for (const r of msg.records) store.set(r.id, r);
      if (msg.type === 'highlight-update' && failUpdates) return { error: { code: 'unknown', message: 'disk full' } };
      return {};
    }, ui);
    await highlighter.restore();
    const saved = store.get(record.id)!;
    // The same passage picked again with "Note" opens its editor (the painter has wrapped it in a mark).
    const drawn = document.createRange();
    drawn.selectNodeContents(document.querySelector('sourcemark-mark')!);
    await pickNote(highlighter, ui, drawn);
    return { highlighter, saved, sent, ui };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve));
  async function pickNote(highlighter: Highlighter, ui: HTMLElement, range: Range) {
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    highlighter.showToolbarForSelection();
    await tick();
    ui.querySelector<HTMLElement>('.note-btn')!.click();
    await tick();
  }
  const button = (ui: HTMLElement, text: string) => [...ui.querySelectorAll('button')].find((b) => b.textContent === text)!;

  it('offers Undo, which puts the record back as it was and draws it again', async () => {
    const { highlighter, saved, sent, ui } = await editorOpen();
    button(ui, 'hl_delete').click();
    await tick();
    expect(highlighter.status().placed).toEqual([]);
    expect(ui.querySelector('[role="status"]')!.textContent).toContain('hl_deleted_one');
    button(ui, 'hl_undo').click();
    await tick();
    expect(sent.filter((m) => m.type === 'highlights-restore')).toEqual([{ type: 'highlights-restore', records: [saved] }]);
    expect(highlighter.status().placed).toEqual([saved.id]);
    expect(ui.querySelector('[role="status"]')!.textContent).toBe('');
  });

  it('underlines a highlight with a note, and no longer once its note is cleared', async () => {
    const { ui } = await editorOpen();
    const line = () => document.querySelector<HTMLElement>('sourcemark-mark')!.style.textDecoration;
    expect(line()).toContain('underline');
    const area = ui.querySelector('textarea')!;
    area.value = ' ';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    button(ui, 'hl_done').click();
    await tick();
    expect(line()).toBe('');
  });

  it('"Note" on a highlight already there opens its editor and leaves its colour', async () => {
    const { highlighter, saved, sent, ui } = await editorOpen();
    expect(ui.querySelector('textarea')!.value).toBe('要核实');
    expect(sent.filter((m) => m.type === 'highlight-update')).toEqual([]);
    expect(highlighter.held()!.highlights.map((h) => h.color)).toEqual([saved.color]);
  });

  /** Types `note` in the open editor, then a single-page site moves to another story, which has no highlights. */
  async function typeThenMoveOn(highlighter: Highlighter, ui: HTMLElement, note: string) {
    const area = ui.querySelector('textarea')!;
    area.value = note;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    await highlighter.setPage('https://news.example.cn/2024-02/24/content_2.htm');
    await tick();
  }

  it('saves the note being typed when the page moves on in place and its highlight goes out of view', async () => {
    const { highlighter, saved, sent, ui } = await editorOpen();
    await typeThenMoveOn(highlighter, ui, '要核实：原文在哪一天刊出');
    expect(ui.querySelector('textarea')).toBeNull();
    expect(sent.filter((m) => m.type === 'highlight-update')).toEqual([{ type: 'highlight-update', id: saved.id, patch: { note: '要核实：原文在哪一天刊出' } }]);
  });

  it('says so, with a retry, when that save fails', async () => {
    const { highlighter, ui } = await editorOpen({ failUpdates: true });
    await typeThenMoveOn(highlighter, ui, '要核实：原文在哪一天刊出');
    expect(ui.textContent).toContain('hl_save_failed');
    expect([...ui.querySelectorAll('button')].some((b) => b.textContent === 'hl_retry')).toBe(true);
  });

  it('lets the delete stand once the toast is gone, some six seconds on', async () => {
    const { sent, ui } = await editorOpen();
    const toast = () => ui.querySelector('[role="status"]')!.textContent;
    // Effects Preact has queued for the next frame run first, on the real clock.
    await new Promise((resolve) => setTimeout(resolve, 50));
    vi.useFakeTimers();
    try {
      button(ui, 'hl_delete').click();
      while (!toast()) await vi.advanceTimersByTimeAsync(10);
      await vi.advanceTimersByTimeAsync(5_500);
      expect(toast()).toContain('hl_deleted_one');
      await vi.advanceTimersByTimeAsync(1_000);
    } finally {
      vi.useRealTimers();
    }
    expect(toast()).toBe('');
    expect(sent.some((m) => m.type === 'highlights-restore')).toBe(false);
  });
});

describe('Highlighter, with another page’s story on the document (continuous reading)', () => {
  const OTHER = 'https://news.example.cn/2024-02/22/content_0.htm';
  const otherInfo = { url: OTHER, title: '读书节开幕', publisher: '江城日报', provenance: null };

  /** The story read before under OTHER above the current page's story, both with a stored highlight. */
  function twoStories() {
    document.body.innerHTML = '<div id="before"><p>某地读书节今天开幕,市民在各个会场挑选图书。</p></div><div id="now"><p>据新加坡《联合早报》网站2月20日报道,中国科技圈掀起讨论。</p></div>';
    const [before, now] = [...document.querySelectorAll('p')];
    const stored: Record<string, HighlightRecord> = { [OTHER]: storedOnParagraph(6, before, OTHER, '00000000-0000-4000-8000-000000000002'), [PAGE]: storedOnParagraph(8, now) };
    const sent: ToBackground[] = [];
    const ui = document.createElement('div');
    // As the content script keeps them: every story read here, offered besides the current page's.
    const pages: ShownPage[] = [
      { url: OTHER, root: document.getElementById('before')!, info: () => otherInfo },
      { url: PAGE, root: document.getElementById('now')!, info: () => ({ url: PAGE, title: '', publisher: null, provenance: null }) },
    ];
    const highlighter = new Highlighter({
      root: document.body,
      pageUrl: PAGE,
      pageInfo: () => pages[1]!.info(),
      alsoShown: (current) => pages.filter((p) => p.url !== current),
      send: async (msg) => (sent.push(msg), msg.type === 'page-highlights' ? { highlights: [stored[msg.url]!] } : { highlight: {} }),
      listen: () => undefined,
      mountUi: async () => ui,
      t: (key) => key,
    });
    return { highlighter, stored, sent, ui, before: before! };
  }
  const drawn = (): string[] => [...document.querySelectorAll('sourcemark-mark')].map((m) => (m as HTMLElement).dataset.id!);

  it('draws that page’s highlights too, and lists only this page’s', async () => {
    const { highlighter, stored } = twoStories();
    await highlighter.restore();
    expect(new Set(drawn())).toEqual(new Set([stored[OTHER]!.id, stored[PAGE]!.id]));
    expect(highlighter.held()!.highlights.map((h) => h.id)).toEqual([stored[PAGE]!.id]);
    expect(highlighter.status()).toEqual({ placed: [stored[PAGE]!.id], orphaned: [] });
  });

  it('files a passage of that story under its page, with its page as saved', async () => {
    const { highlighter, sent, ui, before } = twoStories();
    await highlighter.restore();
    // Past its stored highlight: the text node after the drawn mark.
    const range = document.createRange();
    range.setStart(before.lastChild!, 0);
    range.setEnd(before.lastChild!, 3);
    await pickColour(highlighter, ui, range);
    const create = sent.find((m) => m.type === 'highlight-create');
    expect(create).toMatchObject({ page: otherInfo, highlight: { pageUrl: OTHER, quote: '天开幕' } });
  });

  it('keeps both drawn when the address moves back to that page, and lists that page’s', async () => {
    const { highlighter, stored } = twoStories();
    await highlighter.restore();
    await highlighter.setPage(OTHER);
    expect(new Set(drawn())).toEqual(new Set([stored[OTHER]!.id, stored[PAGE]!.id]));
    expect(highlighter.held()!.highlights.map((h) => h.id)).toEqual([stored[OTHER]!.id]);
  });
});
