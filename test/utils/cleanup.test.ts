// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cleanup, revealAround, revealer } from '@/utils/cleanup';
import { DomStats } from '@/utils/dom-stats';
import { HIDDEN_ATTR, KEPT_ATTR, ROOT_ATTR, SELECTABLE_ATTR, SHOWN_ATTR, UNFOLDED_ATTR } from '@/utils/cleanup-style';
import { because, englishReason } from '@/utils/reasons';
import { profileArticle } from '@/utils/relatedness';
import { keepKey } from '@/utils/settings';
import { HIDDEN_KINDS, type HiddenItem } from '@/utils/analysis-types';
import { CLEANUP_CSS } from '../helpers/cleanup-css';

const item = (kind: HiddenItem['kind'], text: string): HiddenItem => ({ kind, selector: '', text, reason: 'test' });
const why = because('reason_qr_code');

function page(): { root: Element; ad: Element; teaser: Element; search: HTMLInputElement } {
  document.body.innerHTML = `
    <form id="f"><input id="q" type="search"></form>
    <div id="ad">Buy now</div>
    <div id="story"><p>Story paragraph one.</p></div>
    <ul id="teaser"><li>Other news</li></ul>`;
  return {
    root: document.getElementById('story')!,
    ad: document.getElementById('ad')!,
    teaser: document.getElementById('teaser')!,
    search: document.getElementById('q') as HTMLInputElement,
  };
}

const displayed = (el: Element) => getComputedStyle(el).display !== 'none';
/** Drawn with every box around it: jsdom's computed display of an element does not look at its parents. */
const inSight = (el: Element): boolean => displayed(el) && (el.parentElement === null || inSight(el.parentElement));

// The stylesheet the manifest declares for every page: the tests hide with the real file.
beforeEach(() => {
  const style = document.createElement('style');
  style.textContent = CLEANUP_CSS;
  document.head.append(style);
});

// Every instance watches the shared document; each test's cleanups are undone after it.
const made: Cleanup[] = [];
function cleanup(options: ConstructorParameters<typeof Cleanup>[1]): Cleanup {
  const c = new Cleanup(document, options);
  made.push(c);
  return c;
}

afterEach(() => {
  made.splice(0).forEach((c) => c.destroy());
  vi.useRealTimers();
  document.documentElement.removeAttribute(ROOT_ATTR);
  document.head.innerHTML = '';
});

describe('revealAround', () => {
  it('shows the hidden blocks around a node until told to hide them again, and only those', () => {
    const { root, ad, teaser } = page();
    teaser.innerHTML = '<li id="inner">不代表海南信息港立场</li>';
    const inner = document.getElementById('inner')!;
    inner.setAttribute(HIDDEN_ATTR, 'boilerplate');
    const c = cleanup({ root, keep: new Set() });
    c.mark([{ el: ad, item: item('ad', 'Buy now'), why }, { el: teaser, item: item('teaser', 'Other news'), why }]);
    c.setActive(true);
    expect(displayed(inner)).toBe(false);

    const hideAgain = revealAround(inner.firstChild!);
    expect(displayed(teaser)).toBe(true);
    expect(displayed(inner)).toBe(true);
    expect(displayed(ad)).toBe(false);
    hideAgain();
    expect(displayed(teaser)).toBe(false);
    expect(displayed(inner)).toBe(false);
  });
});

describe('revealer', () => {
  it('keeps a line picked twice shown for the second time, whatever the first timer says', () => {
    const { root, teaser } = page();
    const c = cleanup({ root, keep: new Set() });
    c.mark([{ el: teaser, item: item('teaser', 'Other news'), why }]);
    c.setActive(true);
    const timers: Array<() => void> = [];
    const reveal = revealer((_ms, fn) => void timers.push(fn));
    reveal(teaser.firstChild!, 6000);
    reveal(teaser.firstChild!, 6000);
    expect(displayed(teaser)).toBe(true);
    timers[0]!();
    expect(displayed(teaser)).toBe(true);
    timers[1]!();
    expect(displayed(teaser)).toBe(false);
  });
});

describe('Cleanup', () => {
  it('hides marked elements through the stylesheet and shows them again when turned off', () => {
    const { root, ad, teaser } = page();
    const c = cleanup({ root, keep: new Set() });
    c.mark([{ el: ad, item: item('ad', 'Buy now'), why }, { el: teaser, item: item('teaser', 'Other news'), why }]);
    c.setActive(true);
    expect(displayed(ad)).toBe(false);
    expect(displayed(teaser)).toBe(false);
    expect(displayed(root)).toBe(true);
    c.setActive(false);
    expect(displayed(ad)).toBe(true);
    expect(ad.getAttribute(HIDDEN_ATTR)).toBe('ad');
    expect(document.body.contains(ad)).toBe(true);
  });

  it('shows a story cut to a height whole and hides its fold button, both undone with the original', () => {
    document.body.innerHTML = `<div id="story" style="max-height: 300px; overflow: hidden"><p>Story paragraph one.</p></div><div id="more">展开全文</div>`;
    const root = document.getElementById('story')!;
    const control = document.getElementById('more')!;
    const c = cleanup({ root, keep: new Set() });
    c.unfold({ clip: root, control, label: '展开全文' });
    c.setActive(true);
    expect(getComputedStyle(root).maxHeight).toBe('none');
    expect(getComputedStyle(root).overflow).toBe('visible');
    expect(displayed(control)).toBe(false);
    expect(c.items.map((t) => [t.item.kind, t.item.text, t.why.key])).toEqual([['widget', '展开全文', 'reason_fold']]);
    c.setActive(false);
    expect(getComputedStyle(root).maxHeight).toBe('300px');
    expect(displayed(control)).toBe(true);
    c.destroy();
    expect(root.hasAttribute(UNFOLDED_ATTR)).toBe(false);
  });

  it('lets the story be selected while cleanup is on, whatever user-select the page gave it and its paragraphs, and the original blocks it again', () => {
    document.head.insertAdjacentHTML('beforeend', '<style>p { user-select: none; }</style>');
    document.body.innerHTML = `<div id="story" style="user-select: none"><p id="para">Story paragraph one.</p></div><p id="outside">Site footer.</p>`;
    const root = document.getElementById('story')!;
    const selectable = (id: string) => getComputedStyle(document.getElementById(id)!).userSelect;
    const c = cleanup({ root, keep: new Set() });
    c.setActive(true);
    expect([selectable('story'), selectable('para'), selectable('outside')]).toEqual(['text', 'text', 'none']);
    c.setActive(false);
    expect([selectable('story'), selectable('para')]).toEqual(['none', 'none']);
    c.destroy();
    expect(root.hasAttribute(SELECTABLE_ATTR)).toBe(false);
  });

  // The page's script cuts the box and draws the button after the analysis: the layout is asked
  // again (a fake here: jsdom lays nothing out), and only when a fold button came.
  it('shows the story whole when a fold button comes after the analysis and the box is then cut', async () => {
    document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p></div>`;
    const root = document.getElementById('story')!;
    const findFold = vi.fn(() => (more.isConnected ? { clip: root, control: more, label: '展开全文' } : null));
    const more = document.createElement('div');
    const onChange = vi.fn();
    const c = cleanup({ root, keep: new Set(), onChange, findFold });
    c.setActive(true);
    const note = document.createElement('p');
    note.textContent = 'A line of live coverage the site appended.';
    root.after(note);
    await new Promise((r) => setTimeout(r, 300));
    expect(findFold).not.toHaveBeenCalled();

    root.setAttribute('style', 'max-height: 300px; overflow: hidden');
    more.innerHTML = '<a href="javascript:;">展开全文</a>';
    root.after(more);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(root.hasAttribute(UNFOLDED_ATTR)).toBe(true);
    expect(getComputedStyle(root).maxHeight).toBe('none');
    expect(displayed(more)).toBe(false);
    expect(c.items.map((t) => [t.item.text, t.why.key])).toEqual([['展开全文', 'reason_fold']]);
  });

  // The button was in the page all along; the script cuts the box by its class once it has measured the story.
  it('shows the story whole when the page’s script cuts its box by a class after the analysis', async () => {
    document.body.innerHTML = `<div id="wrap"><div id="story"><p>Story paragraph one.</p></div><div id="more">展开全文</div></div><div id="side"></div>`;
    const root = document.getElementById('story')!;
    const more = document.getElementById('more')!;
    const findFold = vi.fn(() => (root.classList.contains('cut') ? { clip: root, control: more, label: '展开全文' } : null));
    const onChange = vi.fn();
    const c = cleanup({ root, keep: new Set(), onChange, findFold });
    c.setActive(true);
    document.getElementById('side')!.className = 'open';
    await new Promise((r) => setTimeout(r, 300));
    expect(findFold).not.toHaveBeenCalled();

    root.className = 'cut';
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(root.hasAttribute(UNFOLDED_ATTR)).toBe(true);
    expect(displayed(more)).toBe(false);
  });

  it('keeps an item covered by a per-site rule visible, and re-hides it when the rule goes', () => {
    const { root, ad } = page();
    const it0 = item('ad', 'Buy now');
    const c = cleanup({ root, keep: new Set([keepKey(it0)]) });
    c.mark([{ el: ad, item: it0, why }]);
    c.setActive(true);
    expect(displayed(ad)).toBe(true);
    expect(c.items[0]!.kept).toBe(true);
    c.setKeep(new Set());
    expect(ad.hasAttribute(KEPT_ATTR)).toBe(false);
    expect(displayed(ad)).toBe(false);
  });

  it('leaves the kinds the settings name on the page, still tracked, and hides them again when the setting goes', () => {
    const { root, ad, teaser } = page();
    const c = cleanup({ root, keep: new Set(), shownKinds: ['teaser'] });
    c.mark([{ el: ad, item: item('ad', 'Buy now'), why }, { el: teaser, item: item('teaser', 'Other news'), why }]);
    c.setActive(true);
    expect(displayed(teaser)).toBe(true);
    expect(displayed(ad)).toBe(false);
    expect(c.items.map((i) => i.item.kind)).toEqual(['ad', 'teaser']);
    c.setShownKinds(['ad', 'teaser']);
    expect(displayed(ad)).toBe(true);
    c.setShownKinds([]);
    expect(displayed(ad)).toBe(false);
    expect(displayed(teaser)).toBe(false);
    expect(document.documentElement.hasAttribute(SHOWN_ATTR)).toBe(false);
  });

  it('has a rule for each kind: shown alone, one kind leaves the others hidden', () => {
    const { root } = page();
    const els = HIDDEN_KINDS.map((kind) => {
      const el = document.createElement('div');
      el.textContent = kind;
      document.body.append(el);
      return { el, item: item(kind, kind), why };
    });
    const c = cleanup({ root, keep: new Set() });
    c.mark(els);
    c.setActive(true);
    for (const kind of HIDDEN_KINDS) {
      c.setShownKinds([kind]);
      expect(els.filter(({ el }) => displayed(el)).map(({ item }) => item.kind)).toEqual([kind]);
    }
  });

  it('keeps hidden the ads inside a block that shows, its kind left on pages or kept by a rule', () => {
    const { root } = page();
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div id="comments"><p>网友评论：写得好</p><div class="ad-slot"><span>广告</span><a href="/x">买</a></div></div>
       <div id="rail"><a href="/a">Other story one</a><div class="adbox"><a href="/y">Buy</a></div></div>`,
    );
    const comments = document.getElementById('comments')!;
    const rail = document.getElementById('rail')!;
    const onChange = vi.fn();
    const railItem = item('teaser', 'Other story one');
    const c = cleanup({ root, keep: new Set(), onChange, shownKinds: ['comments'] });
    c.mark([{ el: comments, item: item('comments', '网友评论'), why }, { el: rail, item: railItem, why }]);
    c.setActive(true);
    expect(displayed(comments)).toBe(true);
    expect(displayed(comments.querySelector('.ad-slot')!)).toBe(false);
    expect(displayed(comments.querySelector('p')!)).toBe(true);
    expect(displayed(rail)).toBe(false);
    expect(onChange).toHaveBeenCalledOnce();

    c.setKeep(new Set([keepKey(railItem)]));
    expect(displayed(rail)).toBe(true);
    expect(displayed(rail.querySelector('.adbox')!)).toBe(false);
    expect(c.items.filter((t) => t.item.kind === 'ad').map((t) => t.el.className)).toEqual(['ad-slot', 'adbox']);
  });

  it('hides an ad injected later into a block that shows, not one into a block still hidden', async () => {
    const { root } = page();
    document.body.insertAdjacentHTML('beforeend', '<div id="comments"><p>网友评论</p></div><div id="nav"><a href="/">首页</a></div>');
    const onChange = vi.fn();
    const c = cleanup({ root, keep: new Set(), onChange, shownKinds: ['comments'] });
    c.mark([
      { el: document.getElementById('comments')!, item: item('comments', '网友评论'), why },
      { el: document.getElementById('nav')!, item: item('navigation', '首页'), why },
    ]);
    c.setActive(true);
    const late = () => Object.assign(document.createElement('div'), { className: 'ad-slot', textContent: 'Special offer' });
    const inShown = late();
    const inHidden = late();
    document.getElementById('comments')!.append(inShown);
    document.getElementById('nav')!.append(inHidden);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(inShown.getAttribute(HIDDEN_ATTR)).toBe('ad');
    expect(displayed(inShown)).toBe(false);
    expect(inHidden.hasAttribute(HIDDEN_ATTR)).toBe(false);
  });

  it('leaves a kept ad’s rotating frame to it, and tracks an ad its script puts back once', async () => {
    const { root, ad } = page();
    const kept = item('ad', 'Buy now');
    const onChange = vi.fn();
    const c = cleanup({ root, keep: new Set([keepKey(kept)]), onChange });
    c.mark([{ el: ad, item: kept, why }]);
    c.setActive(true);
    const frame = Object.assign(document.createElement('iframe'), { className: 'ad-frame' });
    ad.append(frame);
    ad.remove();
    document.body.append(ad);
    // A late ad elsewhere: once it is tracked, the batch with the frame and the moved slot is done.
    const late = Object.assign(document.createElement('div'), { className: 'ad-slot', textContent: 'Special offer' });
    document.body.append(late);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(c.items.map((t) => t.el)).toEqual([ad, late]);
    expect(displayed(frame)).toBe(true);
  });

  it('looks again for ads in a block shown, hidden and shown again', async () => {
    const { root } = page();
    document.body.insertAdjacentHTML('beforeend', '<div id="comments"><p>网友评论</p></div>');
    const comments = document.getElementById('comments')!;
    const c = cleanup({ root, keep: new Set(), shownKinds: ['comments'] });
    c.mark([{ el: comments, item: item('comments', '网友评论'), why }]);
    c.setActive(true);
    c.setShownKinds([]);
    // Injected while the block is hidden: covered by it, so not tracked then.
    const ad = Object.assign(document.createElement('div'), { className: 'ad-slot', textContent: 'Special offer' });
    comments.append(ad);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ad.hasAttribute(HIDDEN_ATTR)).toBe(false);
    c.setShownKinds(['comments']);
    expect(ad.getAttribute(HIDDEN_ATTR)).toBe('ad');
    expect(displayed(ad)).toBe(false);
    expect(displayed(comments)).toBe(true);
  });

  it('reads an item’s text only when the site has keep rules to match it against', () => {
    const { root, ad, teaser } = page();
    const reads: string[] = [];
    const counted = (kind: HiddenItem['kind'], text: string): HiddenItem => ({
      ...item(kind, ''),
      get text() {
        reads.push(text);
        return text;
      },
    });
    cleanup({ root, keep: new Set() }).mark([{ el: ad, item: counted('ad', 'Buy now'), why }]);
    expect(reads).toEqual([]);
    const c = cleanup({ root, keep: new Set([keepKey(item('teaser', 'Other news'))]) });
    c.mark([{ el: teaser, item: counted('teaser', 'Other news'), why }]);
    expect(reads).toEqual(['Other news']);
    expect(c.items[0]!.kept).toBe(true);
  });

  it('never hides the block around the field the user is typing in', () => {
    const { root, search } = page();
    search.focus();
    const c = cleanup({ root, keep: new Set() });
    c.mark([{ el: document.getElementById('f')!, item: item('navigation', ''), why }]);
    c.setActive(true);
    expect(c.items).toHaveLength(0);
    expect(displayed(search)).toBe(true);
  });

  it('hides an ad injected after load, but not ordinary late content, and stops watching when off', async () => {
    const { root } = page();
    const onChange = vi.fn();
    const c = cleanup({ root, keep: new Set(), onChange });
    c.setActive(true);
    const late = document.createElement('div');
    late.className = 'ad-slot';
    late.textContent = 'Special offer';
    const news = document.createElement('div');
    news.textContent = 'A new paragraph of live coverage that the site appended.';
    document.body.append(late, news);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(late.getAttribute(HIDDEN_ATTR)).toBe('ad');
    expect(news.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(c.items.map((i) => i.item.reason).join()).toMatch(/added after load/);

    c.setActive(false);
    const later = document.createElement('div');
    later.className = 'ad-slot';
    document.body.append(later);
    await new Promise((r) => setTimeout(r, 300));
    expect(later.hasAttribute(HIDDEN_ATTR)).toBe(false);
  });

  describe('floating boxes out of sight at load', () => {
    const FLOATING = because('reason_floating_box', 'fixed');
    /** A story, a login box the page keeps hidden, and a pop-up inside a wrapper it keeps hidden. */
    const boxesPage = () => {
      document.body.innerHTML = `
        <div id="story"><p>Story paragraph one.</p></div>
        <div id="login" style="display: none"><a class="close">×</a><input name="user"></div>
        <div id="wrap" style="display: none"><div id="pop"><span class="close">×</span><a href="/a/9.htm">Other news</a></div></div>`;
      const $ = (id: string) => document.getElementById(id)!;
      return { root: $('story'), login: $('login'), wrap: $('wrap'), pop: $('pop') };
    };
    /** The cleanup watching both boxes, the reader acting while `acting` says so; `position` for boxes added later. */
    const watching = (acting: { now: boolean } | null, onChange = vi.fn(), position?: (el: Element) => string) => {
      const { root, login, wrap, pop } = boxesPage();
      const c = cleanup({
        root,
        keep: new Set(),
        onChange,
        position,
        shown: drawn,
        waiting: [
          { el: login, why: FLOATING },
          { el: pop, why: FLOATING },
        ],
        readerActing: acting ? () => acting.now : undefined,
      });
      c.setActive(true);
      return { c, login, wrap, pop, onChange };
    };
    const settle = () => new Promise((r) => setTimeout(r, 300));
    /** The rules read a box's own position: jsdom computes no layout. */
    const ownPosition = (el: Element) => (el as HTMLElement).style.position || 'static';
    /** Drawn: neither it nor a block around it is display none (jsdom's style is the element's own). */
    const drawn = (el: Element): boolean => {
      for (let n: Element | null = el; n; n = n.parentElement) if (!displayed(n)) return false;
      return true;
    };

    it('hides one the page shows by itself, by its own style or its wrapper’s, saying so', async () => {
      const { c, login, wrap, pop, onChange } = watching({ now: false });
      login.style.display = 'block';
      await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
      expect(c.items.map((t) => [t.el, t.why])).toEqual([[login, { key: 'reason_shown_after_load', args: [FLOATING] }]]);
      expect(c.items[0]!.item.reason).toBe(`${englishReason(FLOATING)}, shown by the page after load`);
      expect(displayed(login)).toBe(false);
      wrap.style.display = 'block';
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([login, pop]));
      expect(displayed(pop)).toBe(false);
    });

    it('hides one the page shows by a class on <body>, as a stylesheet would', async () => {
      const { root, login } = boxesPage();
      const onChange = vi.fn();
      const byBodyClass = (el: Element) => el !== login || document.body.classList.contains('login-open');
      const c = cleanup({ root, keep: new Set(), onChange, shown: byBodyClass, waiting: [{ el: login, why: FLOATING }], readerActing: () => false });
      c.setActive(true);
      document.body.classList.add('login-open');
      await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
      expect(c.items.map((t) => [t.el, t.why])).toEqual([[login, { key: 'reason_shown_after_load', args: [FLOATING] }]]);
    });

    it('leaves one the page shows as the reader acts, and no longer watches it', async () => {
      const acting = { now: true };
      const { c, login } = watching(acting);
      login.style.display = 'block';
      await settle();
      expect(displayed(login)).toBe(true);
      // Closed and opened again by the page alone: it was the reader's box.
      acting.now = false;
      login.style.display = 'none';
      await settle();
      login.style.display = 'block';
      await settle();
      expect(c.items).toEqual([]);
      expect(displayed(login)).toBe(true);
    });

    it('waits on while a change leaves the box out of sight', async () => {
      const { c, login } = watching({ now: false });
      login.className = 'still-closed';
      await settle();
      expect(c.items).toEqual([]);
      login.style.display = 'block';
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([login]));
    });

    it('counts every box that shows as the reader’s where the browser cannot tell', async () => {
      const { c, login } = watching(null);
      login.style.display = 'block';
      await settle();
      expect(c.items).toEqual([]);
    });

    it('leaves one out of sight inside a hidden block the reader shows, as the ads in it are looked for', () => {
      document.body.innerHTML = `
        <div id="story"><p>Story paragraph one.</p></div>
        <div id="comments"><p>A reader's comment.</p>
          <div id="login" style="position: fixed; display: none"><a class="close">×</a><input name="user"></div></div>`;
      const comments = document.getElementById('comments')!;
      const c = cleanup({ root: document.getElementById('story'), keep: new Set(), position: ownPosition, shown: drawn });
      c.mark([{ el: comments, item: item('comments', 'A reader’s comment.'), why }]);
      c.setActive(true);
      c.setShownKinds(['comments']);
      expect(c.items.map((t) => t.el)).toEqual([comments]);
    });

    describe('added after load', () => {
      /** A fixed box with a close control, as the page's script adds it. */
      const floatingBox = (display: string) => {
        const box = document.createElement('div');
        box.style.cssText = `position: fixed; display: ${display}`;
        box.innerHTML = '<span class="close">×</span><a href="/a/9.htm">Other news</a>';
        return box;
      };

      it('hides one the page adds in sight unasked, and leaves one it adds as the reader acts', async () => {
        const acting = { now: false };
        const { c } = watching(acting, vi.fn(), ownPosition);
        const unasked = floatingBox('block');
        document.body.append(unasked);
        await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([unasked]));
        expect(c.items[0]!.why).toEqual({ key: 'reason_added_after_load', args: [FLOATING] });
        acting.now = true;
        const asked = floatingBox('block');
        document.body.append(asked);
        await settle();
        expect(c.items.map((t) => t.el)).toEqual([unasked]);
      });

      it('watches one the page adds out of sight, as one out of sight at load', async () => {
        const { c } = watching({ now: false }, vi.fn(), ownPosition);
        const box = floatingBox('none');
        document.body.append(box);
        await settle();
        expect(c.items).toEqual([]);
        box.style.display = 'block';
        await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.why])).toEqual([[box, { key: 'reason_shown_after_load', args: [FLOATING] }]]));
      });

      /** A floating box two levels inside a wrapper of the page's, as a pop-up script adds them. */
      const wrapped = (display: string, wrapperTag = 'div') => {
        const wrapper = document.createElement(wrapperTag);
        const layer = document.createElement('div');
        const box = floatingBox(display);
        layer.append(box);
        wrapper.append(layer);
        return { wrapper, box };
      };

      it('hides the box, not its wrapper, when the page adds it inside one', async () => {
        const { c } = watching({ now: false }, vi.fn(), ownPosition);
        const { wrapper, box } = wrapped('block');
        document.body.append(wrapper);
        await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.why])).toEqual([[box, { key: 'reason_added_after_load', args: [FLOATING] }]]));
        expect(displayed(box)).toBe(false);
        // A wrapper the rules take for something not judged late (here navigation) is looked into too.
        const inNav = wrapped('block', 'nav');
        document.body.append(inNav.wrapper);
        await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([box, inNav.box]));
      });

      it('watches a box added out of sight inside a wrapper, and leaves one the reader asked for', async () => {
        const acting = { now: true };
        const { c } = watching(acting, vi.fn(), ownPosition);
        const asked = wrapped('block');
        document.body.append(asked.wrapper);
        await settle();
        acting.now = false;
        const later = wrapped('none');
        document.body.append(later.wrapper);
        await settle();
        expect(c.items).toEqual([]);
        later.box.style.display = 'block';
        await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([later.box]));
      });
    });
  });

  describe('share bars a script adds', () => {
    const SHARE = '<a href="https://service.weibo.com/share/share.php">微博</a><a href="https://connect.qq.com/widget/shareqq/">QQ</a><a href="javascript:;">微信</a>';
    /** A story with an empty box under it, the cleanup watching, the reader acting while `acting` says so. */
    const watching = (acting: { now: boolean }) => {
      document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p></div><div id="slot"></div><div id="links"></div>`;
      const c = cleanup({ root: document.getElementById('story'), keep: new Set(), readerActing: () => acting.now });
      c.setActive(true);
      return { c, slot: document.getElementById('slot')!, links: document.getElementById('links')! };
    };
    const SHARE_WHY = { key: 'reason_added_after_load', args: [because('reason_share_links', '3')] };

    it('hides one the page adds whole, and the box it fills button by button', async () => {
      const { c, slot } = watching({ now: false });
      const bar = Object.assign(document.createElement('div'), { innerHTML: SHARE });
      document.body.append(bar);
      await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.why])).toEqual([[bar, SHARE_WHY]]));
      for (const link of Array.from(Object.assign(document.createElement('div'), { innerHTML: SHARE }).children)) slot.append(link);
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([bar, slot]));
      expect(c.items[1]!.item).toMatchObject({ kind: 'widget', text: '微博QQ微信' });
    });

    it('leaves one the reader’s click brings, and links that share nothing', async () => {
      const acting = { now: true };
      const { c, slot, links } = watching(acting);
      slot.innerHTML = SHARE;
      await new Promise((r) => setTimeout(r, 300));
      acting.now = false;
      links.innerHTML = '<a href="/a/1.htm">江城地铁五号线开通</a><a href="/a/2.htm">江城新建三座水厂</a><a href="/a/3.htm">江城天气</a>';
      await new Promise((r) => setTimeout(r, 300));
      expect(c.items).toEqual([]);
    });
  });

  describe('comment widgets a script adds', () => {
    const THREAD = '<h3>网友评论</h3><ul class="cmt-list"><li>江城网友：终于等到了。</li><li>江城网友：希望早点开通六号线。</li></ul>';
    /** A story with 畅言's empty box under it, the cleanup watching, the reader acting while `acting` says so. */
    const watching = (acting: { now: boolean }, options: Partial<ConstructorParameters<typeof Cleanup>[1]> = {}) => {
      document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p><div id="inside"></div><p>Story paragraph two.</p></div><div id="SOHUCS" sid="9917"></div><div id="slot"></div>`;
      const c = cleanup({ root: document.getElementById('story'), keep: new Set(), readerActing: () => acting.now, ...options });
      c.setActive(true);
      const $ = (id: string) => document.getElementById(id)!;
      return { c, sohucs: $('SOHUCS'), slot: $('slot'), inside: $('inside') };
    };
    const main = () => Object.assign(document.createElement('div'), { id: 'SOHU_MAIN', innerHTML: THREAD });
    const disqus = () => Object.assign(document.createElement('div'), { id: 'disqus_thread', innerHTML: '<iframe title="Disqus"></iframe>' });
    const late = (cause: ReturnType<typeof because>) => ({ key: 'reason_added_after_load', args: [cause] });

    it('hides a thread the page adds under the story, and the empty box at load a script fills', async () => {
      const { c, sohucs } = watching({ now: false });
      const thread = disqus();
      document.body.append(thread);
      await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.item.kind, t.why])).toEqual([[thread, 'comments', late(because('reason_comment_section'))]]));
      sohucs.append(main());
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([thread, sohucs]));
      expect(c.items[1]!.item).toMatchObject({ kind: 'comments', text: expect.stringContaining('网友评论') });
      expect(c.items[1]!.item.reason).toMatch(/added after load/);
      expect([thread, sohucs].map(displayed)).toEqual([false, false]);
    });

    it('hides a box the page fills that its filling makes a comment section', async () => {
      const { c, slot } = watching({ now: false });
      slot.className = 'comment-box';
      slot.append(Object.assign(document.createElement('ul'), { innerHTML: '<li>江城网友：终于等到了。</li>' }));
      await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.item.kind])).toEqual([[slot, 'comments']]));
    });

    it('leaves what the reader’s click loads, what comes between the story’s paragraphs, and boxes filled with anything else', async () => {
      const acting = { now: true };
      const { c, sohucs, slot, inside } = watching(acting);
      sohucs.append(main());
      await new Promise((r) => setTimeout(r, 300));
      acting.now = false;
      inside.append(disqus());
      slot.append(Object.assign(document.createElement('p'), { textContent: '江城地铁五号线今天开通试运营。' }));
      await new Promise((r) => setTimeout(r, 300));
      expect(c.items).toEqual([]);
    });

    it('with comments left on pages, or kept, shows the thread, and a comment coming into it is part of it', async () => {
      const { c, sohucs } = watching({ now: false }, { shownKinds: ['comments'] });
      sohucs.append(main());
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([sohucs]));
      expect(displayed(sohucs)).toBe(true);
      document.getElementById('SOHU_MAIN')!.append(Object.assign(document.createElement('div'), { className: 'comment', textContent: '江城网友：好消息。' }));
      await new Promise((r) => setTimeout(r, 300));
      expect(c.items.map((t) => t.el)).toEqual([sohucs]);
      c.destroy();

      const thread = disqus();
      const kept = watching({ now: false }, { keep: new Set([keepKey({ kind: 'comments', text: '', selector: '#disqus_thread' })]) });
      document.body.append(thread);
      await vi.waitFor(() => expect(kept.c.items.map((t) => [t.el, t.kept])).toEqual([[thread, true]]));
      expect(displayed(thread)).toBe(true);
    });
  });

  describe('comment widgets a script mounts in the story’s box', () => {
    const THREAD = '<h3>网友评论</h3><ul><li>江城网友：终于等到了。</li><li>江城网友：希望早点开通六号线。</li></ul>';
    /** A story whose box ends with 畅言's empty box (`mount`), a blank box and the editor's line before it. */
    const watching = (acting: { now: boolean }, options: Partial<ConstructorParameters<typeof Cleanup>[1]> = {}) => {
      document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p><div id="between"></div><p>Story paragraph two.</p><div id="blank"></div><div id="SOHUCS"></div></div>`;
      const c = cleanup({ root: document.getElementById('story'), keep: new Set(), readerActing: () => acting.now, ...options });
      c.setActive(true);
      const $ = (id: string) => document.getElementById(id)!;
      return { c, story: $('story'), between: $('between'), blank: $('blank'), sohucs: $('SOHUCS') };
    };
    const div = (attrs: Record<string, string>, html: string) => Object.assign(document.createElement('div'), attrs, { innerHTML: html });
    const settle = () => new Promise((r) => setTimeout(r, 300));

    it('hides a comment widget filled in or added below the story’s last paragraph', async () => {
      const { c, story, sohucs } = watching({ now: false });
      sohucs.append(div({ id: 'SOHU_MAIN' }, THREAD));
      await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.item.kind])).toEqual([[sohucs, 'comments']]));
      const disqus = div({ id: 'disqus_thread' }, '<iframe title="Disqus"></iframe>');
      story.append(disqus);
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([sohucs, disqus]));
      expect(c.items[1]!.item.reason).toMatch(/added after load/);
      expect([sohucs, disqus].map(displayed)).toEqual([false, false]);
    });

    it('leaves in the story’s box a widget between its paragraphs, a box named for nothing, and what the reader asked for', async () => {
      const acting = { now: false };
      const { c, between, blank, sohucs } = watching(acting);
      between.append(div({ className: 'comment-box' }, THREAD));
      blank.append(div({}, THREAD));
      await settle();
      acting.now = true;
      sohucs.append(div({ id: 'SOHU_MAIN' }, THREAD));
      await settle();
      expect(c.items).toEqual([]);
    });

    it('with comments left on pages, lists the widget and shows it', async () => {
      const { c, sohucs } = watching({ now: false }, { shownKinds: ['comments'] });
      sohucs.append(div({ id: 'SOHU_MAIN' }, THREAD));
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([sohucs]));
      expect(displayed(sohucs)).toBe(true);
    });
  });

  describe('a comment box filled over two batches', () => {
    it('hides a box empty at load once the wrapper its script added first is filled', async () => {
      document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p></div><div id="box" class="comment-box"></div>`;
      const c = cleanup({ root: document.getElementById('story'), keep: new Set(), readerActing: () => false });
      c.setActive(true);
      const box = document.getElementById('box')!;
      const wrap = Object.assign(document.createElement('div'), { className: 'wrap' });
      box.append(wrap);
      await new Promise((r) => setTimeout(r, 300));
      expect(c.items).toEqual([]);
      wrap.innerHTML = '<ul><li>江城网友：终于等到了。</li><li>江城网友：希望早点开通六号线。</li></ul>';
      await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.item.kind])).toEqual([[box, 'comments']]));
    });
  });

  describe('a thread a script fills, item by item, beside the story', () => {
    const reply = (n: number) => Object.assign(document.createElement('li'), { className: 'reply-item', textContent: `江城网友${n}：终于等到了，希望早点开通六号线。` });
    const replies = (from: number, count: number) => Array.from({ length: count }, (_, n) => reply(from + n));
    /** A story, an empty list under it, the cleanup watching; one batch is looked at 150 ms after the page adds. */
    const watching = (acting: { now: boolean }, options: Partial<ConstructorParameters<typeof Cleanup>[1]> = {}) => {
      document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p></div><ul id="list"></ul><div id="aside"><ul class="related"><li>Other news</li></ul></div>`;
      const c = cleanup({ root: document.getElementById('story'), keep: new Set(), readerActing: () => acting.now, ...options });
      c.setActive(true);
      return { c, list: document.getElementById('list')!, aside: document.getElementById('aside')! };
    };
    const oneBatch = () => new Promise((r) => setTimeout(r, 300));

    it('lists the list once, hidden with all its items from the first batch, and items coming later are part of it', async () => {
      const { c, list } = watching({ now: false });
      list.append(...replies(0, 250));
      await oneBatch();
      expect(c.items.map((t) => [t.el, t.item.kind, t.item.reason])).toEqual([[list, 'comments', expect.stringMatching(/added after load/)]]);
      list.append(...replies(250, 250));
      await oneBatch();
      expect(c.items).toHaveLength(1);
      // Each comment is hidden by the list's own attribute (jsdom draws no child of a box it does not draw).
      expect(displayed(list)).toBe(false);
      expect([...list.children].every((li) => li.parentElement === list && !li.hasAttribute(HIDDEN_ATTR))).toBe(true);
    });

    it('with comments left on pages, lists the list once and shows it; the reader’s click leaves it', async () => {
      const { c, list } = watching({ now: false }, { shownKinds: ['comments'] });
      list.append(...replies(0, 100));
      await oneBatch();
      list.append(...replies(100, 100));
      await oneBatch();
      expect(c.items.map((t) => t.el)).toEqual([list]);
      expect(displayed(list)).toBe(true);
      c.destroy();

      const acting = { now: true };
      const asked = watching(acting);
      asked.list.append(...replies(0, 100));
      await oneBatch();
      acting.now = false;
      await oneBatch();
      expect(asked.c.items).toEqual([]);
    });

    it('lists the list once when its first batch brings one comment: that comment is the thread’s, not an item of its own', async () => {
      const { c, list } = watching({ now: false });
      const first = reply(0);
      list.append(first);
      await oneBatch();
      list.append(...replies(1, 100));
      await oneBatch();
      expect(c.items.map((t) => [t.el, t.item.kind, t.item.reason])).toEqual([[list, 'comments', expect.stringMatching(/added after load/)]]);
      expect(first.hasAttribute(HIDDEN_ATTR)).toBe(false);
      expect(displayed(list)).toBe(false);
      // What is listed later has an id of its own: the popup tells its rows apart by it.
      const disqus = Object.assign(document.createElement('div'), { id: 'disqus_thread', innerHTML: '<iframe title="Disqus"></iframe>' });
      document.body.append(disqus);
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([list, disqus]));
      expect(new Set(c.items.map((t) => t.id)).size).toBe(2);
    });

    it('with comments left on pages, or the first comment kept, shows what the reader chose', async () => {
      const shown = watching({ now: false }, { shownKinds: ['comments'] });
      shown.list.append(reply(0));
      await oneBatch();
      shown.list.append(...replies(1, 10));
      await oneBatch();
      expect(shown.c.items.map((t) => t.el)).toEqual([shown.list]);
      expect(displayed(shown.list)).toBe(true);
      shown.c.destroy();

      // A comment the reader keeps stays listed, kept: the thread coming after takes nothing from them.
      const first = reply(0);
      const kept = watching({ now: false }, { keep: new Set([keepKey({ kind: 'comments', text: first.textContent!, selector: '#list > li' })]) });
      kept.list.append(first);
      await oneBatch();
      expect(kept.c.items.map((t) => [t.el, t.kept])).toEqual([[first, true]]);
      kept.list.append(...replies(1, 10));
      await oneBatch();
      expect(kept.c.items.map((t) => [t.el, t.kept])).toEqual([[first, true], [kept.list, false]]);
    });

    it('keeps a comment the reader keeps in sight when its thread goes later: the thread is hidden around it', async () => {
      const first = reply(0);
      const rule = keepKey({ kind: 'comments', text: first.textContent!, selector: '#list > li' });
      const { c, list } = watching({ now: false }, { keep: new Set([rule]) });
      list.append(first);
      await oneBatch();
      const rest = replies(1, 10);
      list.append(...rest);
      await oneBatch();
      expect(c.items.map((t) => [t.el, t.kept])).toEqual([[first, true], [list, false]]);
      expect([first, ...rest].map(inSight)).toEqual([true, ...rest.map(() => false)]);
      // What comes into the thread after goes with it.
      const later = replies(11, 5);
      list.append(...later);
      await oneBatch();
      expect(later.filter(inSight)).toEqual([]);
      expect(c.items).toHaveLength(2);
      // The rule taken back, the thread goes whole; given again, the comment shows again.
      c.setKeep(new Set());
      expect([list, first].map(displayed)).toEqual([false, false]);
      c.setKeep(new Set([rule]));
      expect(inSight(first)).toBe(true);
      expect(rest.filter(inSight)).toEqual([]);
      // The thread kept too, or the comments left on pages: all of it shows.
      c.setKeep(new Set([rule, keepKey(c.items[1]!.item)]));
      expect([first, ...rest, ...later].every(inSight)).toBe(true);
      c.setKeep(new Set([rule]));
      c.setShownKinds(['comments']);
      expect([first, ...rest, ...later].every(inSight)).toBe(true);
      c.setShownKinds([]);
      expect(rest.filter(inSight)).toEqual([]);
      // "Show original" shows it all; the original page keeps no mark of ours.
      c.setActive(false);
      expect([first, ...rest].every(inSight)).toBe(true);
      c.destroy();
      expect(document.querySelector('[data-sourcemark-around]')).toBeNull();
    });

    it('keeps in sight an item of another kind the reader keeps deeper in the thread, the rest of its comment around it hidden', async () => {
      document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p></div>
        <ul id="list"><li class="reply-item"><p>江城网友：终于等到了。</p><div class="promoted">江城地铁App：扫码乘车首月免费</div></li></ul>`;
      const list = document.getElementById('list')!;
      const [opening, promoted] = [list.firstElementChild!, list.querySelector('.promoted')!];
      // The analysis listed the promotion at load as an ad, and the reader keeps it.
      const kept: HiddenItem = { kind: 'ad', text: promoted.textContent!, selector: '.promoted', reason: 'test' };
      const c = cleanup({ root: document.getElementById('story'), keep: new Set([keepKey(kept)]), readerActing: () => false });
      c.mark([{ el: promoted, item: kept, why: because('reason_ad_label', '推广') }]);
      c.setActive(true);
      list.append(...replies(1, 3));
      await oneBatch();
      expect(c.items.map((t) => [t.el, t.kept])).toEqual([[promoted, true], [list, false]]);
      expect(inSight(promoted)).toBe(true);
      expect([opening.firstElementChild!, ...[...list.children].slice(1)].filter(inSight)).toEqual([]);
      // The rule taken back and given again: the reader's choice, whenever made, is what shows.
      c.setKeep(new Set());
      expect([list, promoted].map(inSight)).toEqual([false, false]);
      c.setKeep(new Set([keepKey(kept)]));
      expect(inSight(promoted)).toBe(true);
    });

    it('takes a list ending in its “load more” button for the thread', async () => {
      const { c, list } = watching({ now: false });
      list.innerHTML = `<li class="load-more">
            <button>
              <span>加载更多评论</span>
            </button>
          </li>`;
      list.lastElementChild!.before(...replies(0, 100));
      await oneBatch();
      expect(c.items.map((t) => [t.el, t.item.kind])).toEqual([[list, 'comments']]);
      c.destroy();

      // Its traditional characters, with the count of what it loads.
      const counted = watching({ now: false });
      counted.list.innerHTML = '<li class="more">展開全部 28 條回覆 ›</li>';
      counted.list.lastElementChild!.before(...replies(0, 20));
      await oneBatch();
      expect(counted.c.items.map((t) => t.el)).toEqual([counted.list]);
      counted.c.destroy();

      // A link closes it, not an item of the list's own.
      const linked = watching({ now: false });
      linked.list.innerHTML = '<a href="javascript:;">查看更多评论</a>';
      await oneBatch();
      expect(linked.c.items).toEqual([]);
      linked.list.lastElementChild!.before(...replies(0, 20));
      await oneBatch();
      expect(linked.c.items.map((t) => t.el)).toEqual([linked.list]);
    });

    it('takes a list its heading opens for the thread, the heading come with its comments or alone before them', async () => {
      const { c, list } = watching({ now: false });
      list.innerHTML = '<li><h3>网友评论</h3></li>';
      list.append(...replies(0, 20));
      await oneBatch();
      expect(c.items.map((t) => [t.el, t.item.kind])).toEqual([[list, 'comments']]);
      c.destroy();

      const headed = watching({ now: false });
      headed.list.innerHTML = '<li class="cmt-hd">热门评论 (28)</li>';
      await oneBatch();
      headed.list.append(...replies(0, 20));
      await oneBatch();
      expect(headed.c.items.map((t) => t.el)).toEqual([headed.list]);
      expect(headed.list.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
    });

    it('takes a list for the thread when what follows its button shows nothing: a spacer, an item out of sight, its “no more” line', async () => {
      for (const tail of [
        '<li class="load-more"><button>加载更多评论</button></li><li class="clear"> </li>',
        '<li class="load-more"><button>加载更多评论</button></li><li class="tpl" hidden>{{nick}}：{{content}}</li>',
        '<li class="more">查看更多评论</li><li class="end" style="display: none">没有更多了</li>',
      ]) {
        const { c, list } = watching({ now: false });
        list.innerHTML = tail;
        list.firstElementChild!.before(...replies(0, 20));
        await oneBatch();
        expect(c.items.map((t) => t.el)).toEqual([list]);
        c.destroy();
      }
    });

    it('takes no list ending in “load more” for a thread unless comments open and close it', async () => {
      const { c, aside } = watching({ now: false });
      const related = aside.firstElementChild!;
      related.insertAdjacentHTML('beforeend', '<li>More news</li><li class="load-more"><button>加载更多</button></li>');
      const lone = reply(0);
      related.lastElementChild!.before(lone);
      await oneBatch();
      expect(c.items.map((t) => t.el)).toEqual([lone]);
      expect(displayed(related)).toBe(true);
      c.destroy();

      // A last child that says more than “load more” is no control: the list is no thread.
      const said = watching({ now: false });
      said.list.innerHTML = '<li class="note">加载更多评论前，请阅读江城网跟帖管理规定，文明发言，理性讨论。</li>';
      said.list.lastElementChild!.before(...replies(0, 3));
      await oneBatch();
      expect(said.c.items.map((t) => t.el)).toEqual([...said.list.children].slice(0, 3));
      said.c.destroy();

      // Nor one whose last child only begins blank (its markup's indentation, more than is read of it).
      const indented = watching({ now: false });
      indented.list.innerHTML = `<li class="note">${' '.repeat(240)}<span>请文明发言，理性讨论。</span></li>`;
      indented.list.lastElementChild!.before(...replies(0, 3));
      await oneBatch();
      expect(indented.c.items.map((t) => t.el)).toEqual([...indented.list.children].slice(0, 3));
      indented.c.destroy();

      // Nor one opened by an item that says more than a heading.
      const opened = watching({ now: false });
      opened.list.innerHTML = '<li class="note">评论：江城地铁五号线开通试运营，全线设站二十二座，沿线居民通勤时间将缩短一半。</li>';
      opened.list.append(...replies(0, 3));
      await oneBatch();
      expect(opened.c.items.map((t) => t.el)).toEqual([...opened.list.children]);
    });

    it('passes over the comments the hidden list covers, a thousand a batch: what the page adds after them is looked at batches sooner', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const batch = () => vi.advanceTimersByTimeAsync(150);
      const { c, list } = watching({ now: false });
      list.append(...replies(0, 50));
      await batch();
      expect(c.items.map((t) => t.el)).toEqual([list]);
      // 2,500 comments the list covers, then an ad: 50 a batch, it would wait 51 batches.
      list.append(...replies(50, 2500));
      const ad = Object.assign(document.createElement('div'), { className: 'ad-slot', textContent: 'Special offer' });
      document.body.append(ad);
      await batch();
      await batch();
      expect(ad.hasAttribute(HIDDEN_ATTR)).toBe(false);
      await batch();
      expect(c.items.map((t) => t.el)).toEqual([list, ad]);
    });

    it('takes a box holding more than the comments for no thread: only the comment goes', async () => {
      const { c, aside } = watching({ now: false });
      const lone = reply(0);
      aside.append(lone);
      await oneBatch();
      expect(c.items.map((t) => t.el)).toEqual([lone]);
      expect(displayed(aside.firstElementChild!)).toBe(true);
    });
  });

  describe('网易’s and 腾讯’s comment boxes filled after load', () => {
    /** A story, 网易's named box with the SDK's empty #tie below it, and 腾讯's empty #Comment. */
    const watching = () => {
      document.body.innerHTML = `<div id="story"><p>Story paragraph one.</p></div>
        <div class="tie-areas post_comment" id="post_comment_area"><div id="tie"></div></div><div id="Comment"></div>`;
      const c = cleanup({ root: document.getElementById('story'), keep: new Set(), readerActing: () => false });
      c.setActive(true);
      return { c, netease: document.getElementById('post_comment_area')!, tie: document.getElementById('tie')!, tencent: document.getElementById('Comment')! };
    };
    const settle = () => new Promise((r) => setTimeout(r, 300));

    it('hides 网易跟贴 when its SDK fills the box it added to #tie first', async () => {
      const { c, netease, tie } = watching();
      const area = Object.assign(document.createElement('div'), { id: 'tieArea', className: 'tie-area' });
      tie.append(area);
      await settle();
      expect(c.items).toEqual([]);
      area.innerHTML = `<div class="tie-input-bar"><form><textarea name="content"></textarea></form><div class="submit-btn">马上发表</div></div>
        <p class="tie-reminder">网友评论仅供其表达个人看法，并不表明本站立场。</p>
        <div class="tie-hot"><div class="tie-list"><div class="single-tie"><div class="tie-author">江城网友</div><div class="tie-cnt">终于等到了。</div></div></div></div>`;
      await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.item.kind])).toEqual([[netease, 'comments']]));
      expect(displayed(netease)).toBe(false);
    });

    it('hides 腾讯’s thread its script draws into #Comment', async () => {
      const { c, tencent } = watching();
      tencent.innerHTML = `<div class="qq_comment clearfix" aria-label="文章评论区"><div id="qqcom-comment"><div class="qqcom-comment-count"><span>评论 3</span></div>
        <div class="qqcom-comment-send"><textarea></textarea><div class="qqcom-comment-send-tips">请先<a>登录</a>后发表评论~</div></div></div></div>`;
      const thread = tencent.firstElementChild!;
      await vi.waitFor(() => expect(c.items.map((t) => [t.el, t.item.kind])).toEqual([[thread, 'comments']]));
      expect(displayed(thread)).toBe(false);
    });
  });

  describe('what a hidden pop-up leaves on the screen', () => {
    const FLOATING = because('reason_floating_box', 'fixed');
    /** A story, a pop-up fixed over it, and its backdrop, with the page's scroll stopped for it. */
    const popUpPage = () => {
      document.body.innerHTML = `
        <div id="story"><p>Story paragraph one.</p></div>
        <div id="pop" style="position: fixed"><span class="close">×</span><a href="/a/9.htm">Subscribe</a></div>
        <div id="shade" style="position: fixed"></div>`;
      // jsdom computes no longhand from the shorthand a page would write.
      document.body.style.overflowY = 'hidden';
      const $ = (id: string) => document.getElementById(id)!;
      return { root: $('story'), pop: $('pop'), shade: $('shade') };
    };
    const layout = {
      position: (el: Element) => (el as HTMLElement).style.position || 'static',
      covers: (el: Element) => el.id === 'shade',
      // jsdom lays out nothing: the page is as tall as the window there (see live-layout's scrollLocked).
      scrollLocked: (doc: Document) => getComputedStyle(doc.body).overflowY === 'hidden',
    };
    const BACKDROP = { key: 'reason_pop_up_backdrop', args: [] };
    afterEach(() => {
      document.body.removeAttribute('style');
    });

    it('hides the backdrop with the pop-up, listed, and lets the page scroll again while ads are hidden', () => {
      const { root, pop, shade } = popUpPage();
      const c = cleanup({ root, keep: new Set(), ...layout });
      c.mark([{ el: pop, item: item('ad', 'Subscribe'), why: FLOATING }]);
      c.setActive(true);
      expect(c.items.map((t) => [t.el, t.item.kind, t.why])).toEqual([
        [pop, 'ad', FLOATING],
        [shade, 'ad', BACKDROP],
      ]);
      expect(c.items[1]!.item.reason).toBe('backdrop behind a hidden pop-up');
      expect(displayed(shade)).toBe(false);
      expect(getComputedStyle(document.body).overflowY).toBe('auto');
      // The page as it was, with ads left on pages or with the original.
      c.setShownKinds(['ad']);
      expect(getComputedStyle(document.body).overflowY).toBe('hidden');
      c.setShownKinds([]);
      c.setActive(false);
      expect(getComputedStyle(document.body).overflowY).toBe('hidden');
      expect(displayed(shade)).toBe(true);
    });

    it('leaves both when the reader keeps the pop-up, and when the page scrolls anyway', () => {
      const { root, pop, shade } = popUpPage();
      const kept = cleanup({ root, keep: new Set([keepKey(item('ad', 'Subscribe'))]), ...layout });
      kept.mark([{ el: pop, item: item('ad', 'Subscribe'), why: FLOATING }]);
      kept.setActive(true);
      expect(kept.items.map((t) => t.el)).toEqual([pop]);
      expect(getComputedStyle(document.body).overflowY).toBe('hidden');
      kept.destroy();
      document.body.style.overflowY = '';
      const c = cleanup({ root, keep: new Set(), ...layout });
      c.mark([{ el: pop, item: item('ad', 'Subscribe'), why: FLOATING }]);
      c.setActive(true);
      expect(c.items.map((t) => t.el)).toEqual([pop, shade]);
      expect(document.documentElement.hasAttribute('data-sourcemark-unlocked')).toBe(false);
    });

    it('leaves an open modal dialog, and what holds one: the browser keeps the page inert while it is open', () => {
      const { root, pop } = popUpPage();
      pop.innerHTML = '<dialog id="dlg" open><a class="close">×</a>Subscribe</dialog>';
      const dialog = document.getElementById('dlg')!;
      // jsdom opens no modal dialog (no showModal): this one says it is one.
      dialog.matches = (selector: string) => selector === ':modal' || Element.prototype.matches.call(dialog, selector);
      const c = cleanup({ root, keep: new Set(), ...layout });
      c.mark([
        { el: dialog, item: item('ad', 'Subscribe'), why: FLOATING },
        { el: pop, item: item('ad', 'Subscribe'), why: FLOATING },
      ]);
      c.setActive(true);
      expect(c.items).toEqual([]);
      expect(displayed(dialog)).toBe(true);
      // Where the browser knows no :modal, an open dialog may be one.
      dialog.matches = (selector: string) => {
        if (selector === ':modal') throw new SyntaxError(`'${selector}' is not a valid selector`);
        return Element.prototype.matches.call(dialog, selector);
      };
      c.mark([{ el: pop, item: item('ad', 'Subscribe'), why: FLOATING }]);
      expect(c.items).toEqual([]);
      // Closed, it is an element like any other.
      dialog.removeAttribute('open');
      c.mark([{ el: pop, item: item('ad', 'Subscribe'), why: FLOATING }]);
      expect(c.items.map((t) => t.el)).toContain(pop);
    });

    it.each(['inert', 'aria-hidden="true"'])('leaves a pop-up while the page keeps the story %s for it', (attribute) => {
      popUpPage();
      document.body.innerHTML = `<main ${attribute}>${document.body.innerHTML}</main>`;
      const story = document.getElementById('story')!;
      const popUp = document.getElementById('pop')!;
      const c = cleanup({ root: story, keep: new Set(), ...layout });
      c.mark([{ el: popUp, item: item('ad', 'Subscribe'), why: FLOATING }]);
      expect(c.items).toEqual([]);
      // Other clutter still goes.
      c.mark([{ el: document.getElementById('shade')!, item: item('ad', ''), why }]);
      expect(c.items).toHaveLength(1);
    });

    it('lists a backdrop the analysis hid already once', () => {
      const { root, pop, shade } = popUpPage();
      const c = cleanup({ root, keep: new Set(), ...layout });
      c.mark([
        { el: pop, item: item('ad', 'Subscribe'), why: FLOATING },
        { el: shade, item: item('ad', ''), why: because('reason_ad_token', 'mask') },
      ]);
      expect(c.items.map((t) => t.el)).toEqual([pop, shade]);
    });

    it('frees the screen of a pop-up the page shows after load', async () => {
      const { root, pop, shade } = popUpPage();
      pop.style.display = 'none';
      shade.style.display = 'none';
      const shown = (el: Element) => (el as HTMLElement).style.display !== 'none';
      const c = cleanup({ root, keep: new Set(), ...layout, shown, waiting: [{ el: pop, why: FLOATING }], readerActing: () => false });
      c.setActive(true);
      pop.style.display = 'block';
      shade.style.display = 'block';
      await vi.waitFor(() => expect(c.items.map((t) => t.el)).toEqual([pop, shade]));
      expect(getComputedStyle(document.body).overflowY).toBe('auto');
      c.destroy();
      expect(document.documentElement.hasAttribute('data-sourcemark-unlocked')).toBe(false);
    });
  });

  describe('teasers a script adds to a named block', () => {
    const feedPage = () => {
      document.body.innerHTML = `
        <div id="story"><p>青溪县今年将新建三座水厂，全县农村自来水普及率将达到百分之九十八。</p></div>
        <div class="related" id="block"><h3>相关新闻</h3><ul id="feed"></ul></div>`;
      const root = document.getElementById('story')!;
      return { root, story: { root, profile: () => profileArticle('青溪县新建三座水厂', root.textContent!) } };
    };
    const teaser = (headline: string) => Object.assign(document.createElement('li'), { innerHTML: `<a href="/a/1.htm">${headline}</a>` });
    const OTHER = '一只橘猫每天准时到便利店门口等店员下班';

    it('are judged against the story: only the unrelated one is hidden', async () => {
      const { root, story } = feedPage();
      const onChange = vi.fn();
      const c = cleanup({ root, keep: new Set(), onChange, story });
      c.setActive(true);
      const other = teaser(OTHER);
      const same = teaser('青溪县第一座水厂开工，农村自来水普及率将提高');
      document.getElementById('feed')!.append(other, same);
      await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
      expect(other.getAttribute(HIDDEN_ATTR)).toBe('teaser');
      expect(same.hasAttribute(HIDDEN_ATTR)).toBe(false);
      expect(c.items.map((i) => i.item.reason)).toEqual(['unrelated teaser in “相关新闻” (similarity 0.00), added after load']);
    });

    it('stay when the reader keeps the block they land in', async () => {
      const { root, story } = feedPage();
      const block = item('teaser', '相关新闻');
      const c = cleanup({ root, keep: new Set([keepKey(block)]), story });
      c.mark([{ el: document.getElementById('block')!, item: block, why }]);
      c.setActive(true);
      const other = teaser(OTHER);
      document.getElementById('feed')!.append(other);
      await new Promise((r) => setTimeout(r, 300));
      expect(other.hasAttribute(HIDDEN_ATTR)).toBe(false);
      expect(c.items).toHaveLength(1);
    });
  });

  describe('a list a script keeps filling (a thread, a feed)', () => {
    const card = (n: number) => Object.assign(document.createElement('li'), { innerHTML: `<a href="/a/${n}.htm">江城网友${n}：终于等到了，上班能省半小时</a><p>第${n}条，希望早点开通六号线。</p>` });
    /** Until the batches of `items` new elements are all looked at (50 a batch, one every 150 ms). */
    const settled = (items: number) => new Promise((r) => setTimeout(r, 150 * Math.ceil(items / 50) + 250));

    it('looks at each batch’s new items, not again at the whole list they land in', async () => {
      document.body.innerHTML = `<div id="story"><p>青溪县今年将新建三座水厂，全县农村自来水普及率将达到百分之九十八。</p></div><div id="box"></div>`;
      const root = document.getElementById('story')!;
      const c = cleanup({ root, keep: new Set(), story: { root, profile: () => profileArticle('青溪县新建三座水厂', root.textContent!) } });
      c.setActive(true);
      // The list as the script first draws it, one element, and the first items it adds to it.
      const list = document.createElement('ul');
      list.append(...Array.from({ length: 400 }, (_, n) => card(n)));
      document.getElementById('box')!.append(list);
      await settled(1);
      const add = async (from: number): Promise<Element[]> => {
        const items = Array.from({ length: 10 }, (_, n) => card(from + n));
        list.append(...items);
        await settled(items.length);
        return items;
      };
      await add(400);
      const computed = vi.spyOn(DomStats.prototype as unknown as { compute(el: Element): unknown }, 'compute');
      // Ten more, one batch: their own elements are weighed, none of the 1,200 in the list already.
      const more = await add(410);
      const fresh = new Set(more.flatMap((li) => [li, ...li.querySelectorAll('*')]));
      const weighed = new Set(computed.mock.calls.map(([el]) => el as Element));
      expect(weighed.size).toBeGreaterThan(0);
      expect([...weighed].filter((el) => !fresh.has(el))).toEqual([]);
      expect(c.items).toEqual([]);
    });
  });

  it('destroy removes every trace', () => {
    const { root, ad } = page();
    const c = cleanup({ root, keep: new Set() });
    c.mark([{ el: ad, item: item('ad', 'Buy now'), why }]);
    c.setActive(true);
    c.setShownKinds(['comments']);
    c.destroy();
    expect(ad.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(document.documentElement.hasAttribute(ROOT_ATTR)).toBe(false);
    expect(document.documentElement.hasAttribute(SHOWN_ATTR)).toBe(false);
    expect(document.querySelector(`[${HIDDEN_ATTR}], [${KEPT_ATTR}]`)).toBeNull();
  });
});
