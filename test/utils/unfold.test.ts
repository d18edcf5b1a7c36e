import { describe, expect, it } from 'vitest';
import { findFold, holdsFoldControl } from '@/utils/unfold';
import { parseHtml } from '../helpers/dom';

const STORY = '<p>港口方面表示，罢工已经持续两天，数千个集装箱滞留在码头上等待装船。</p><p>工会说，谈判将在周三恢复。</p>';

/** The fold found on `html`, its story at #story, the boxes classed `cut` standing for those the layout cuts. */
function foldOf(html: string): { clip: string; control: string; label: string } | null {
  const doc = parseHtml(`<!doctype html><html><body>${html}</body></html>`);
  const fold = findFold(doc.getElementById('story'), (el) => el.classList.contains('cut'));
  return fold && { clip: fold.clip.id, control: fold.control.id, label: fold.label };
}

describe('findFold', () => {
  it.each([
    ['the button after the cut story', `<div id="story" class="cut">${STORY}</div><div id="more"><a href="#">展开全文</a></div>`, { clip: 'story', control: 'more', label: '展开全文' }],
    // The wrapper holding only the button and its fade goes with it.
    ['the wrapper of a fade and the button', `<div id="box" class="cut"><div id="story">${STORY}</div></div><div id="more"><div class="shadow"></div><span>展开剩余 80%</span></div>`, { clip: 'box', control: 'more', label: '展开剩余 80%' }],
    ['an overlay inside the cut box', `<div id="box" class="cut"><div id="story">${STORY}</div><div id="more"><a>打开新浪新闻 阅读全文</a></div></div>`, { clip: 'box', control: 'more', label: '打开新浪新闻 阅读全文' }],
    ['an English button', `<div id="box" class="cut"><div><div id="story">${STORY}</div></div></div><p id="more"><button>Continue reading</button></p>`, { clip: 'box', control: 'more', label: 'Continue reading' }],
    ['traditional characters', `<div id="story" class="cut">${STORY}</div><div id="more">閱讀全文</div>`, { clip: 'story', control: 'more', label: '閱讀全文' }],
    // gmw's: the percentage in brackets is filled by the page's script, or left empty.
    ['a percentage in brackets', `<div id="story" class="cut">${STORY}</div><div id="more">阅读剩余全文（<span>62%</span>）</div>`, { clip: 'story', control: 'more', label: '阅读剩余全文（62%）' }],
    ['empty brackets the page did not fill', `<div id="story" class="cut">${STORY}</div><div id="more">阅读剩余全文（<span></span>）</div>`, { clip: 'story', control: 'more', label: '阅读剩余全文（）' }],
  ])('finds %s', (_name, html, fold) => {
    expect(foldOf(html)).toEqual(fold);
  });

  it.each([
    ['a story shown whole', `<div id="story">${STORY}</div><div id="more">展开全文</div>`],
    ['a cut box with no fold button (a carousel, a box the page scrolls)', `<div id="story" class="cut">${STORY}</div><div id="next"><a href="/n">下一篇：港口恢复作业</a></div>`],
    ['a sentence that opens with the words', `<div id="story" class="cut">${STORY}</div><div id="more">展开全文之前，请先登录并完成实名认证，否则只能阅读摘要部分。</div>`],
    ['a cut box far above the story', `<div class="cut"><div><div><div><div id="story">${STORY}</div></div></div></div></div><div id="more">展开全文</div>`],
  ])('finds nothing for %s', (_name, html) => {
    expect(foldOf(html)).toBeNull();
  });
});

describe('holdsFoldControl', () => {
  const holds = (html: string): boolean => holdsFoldControl(parseHtml(`<!doctype html><html><body>${html}</body></html>`).body.firstElementChild!);

  it('tells a fold button, or a small box holding one, from anything else a page adds', () => {
    expect(holds('<div class="look-more"><div class="shadow"></div><a href="#">展开全文</a></div>')).toBe(true);
    expect(holds('<button>Continue reading</button>')).toBe(true);
    expect(holds('<div><a href="#">下一页</a></div>')).toBe(false);
    // A block of prose holds no button worth a walk.
    expect(holds(`<div>${STORY.repeat(6)}<p>展开全文</p></div>`)).toBe(false);
  });
});
