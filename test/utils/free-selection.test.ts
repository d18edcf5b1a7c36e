// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageForbidsSelection, startsStorySelection } from '@/utils/free-selection';

document.body.innerHTML = `<h2 id="site">海南信息港</h2>
  <div id="story"><p id="para">只要输入内容、提示词或图片。<a id="link" href="/sora">Sora</a><button id="play">播放</button></p>
  <div class="gallery"><img id="photo" alt="Sora生成的视频截图"></div>
  <div id="editable" contenteditable><p id="field">可编辑</p></div></div>`;
const story = document.getElementById('story')!;
const $ = (id: string) => document.getElementById(id)!;

/** An event as the window sees it on its way down; jsdom's own events are never trusted, as a script's are not. */
function seen(type: string, target: Node, { button = 0, isTrusted = true, from = target }: { button?: number; isTrusted?: boolean; from?: Node } = {}): Event {
  return { type, target, button, isTrusted, composedPath: () => [from, target] } as unknown as Event;
}

describe('startsStorySelection', () => {
  it('frees a selection beginning in the story: selectstart on its text, a main-button press on it', () => {
    expect(startsStorySelection(seen('selectstart', $('para').firstChild!), story)).toBe(true);
    expect(startsStorySelection(seen('mousedown', $('para')), story)).toBe(true);
  });

  it('leaves alone what begins outside the story, or while cleanup is off (no story)', () => {
    expect(startsStorySelection(seen('selectstart', $('site').firstChild!), story)).toBe(false);
    expect(startsStorySelection(seen('mousedown', $('site')), story)).toBe(false);
    expect(startsStorySelection(seen('mousedown', $('para')), null)).toBe(false);
  });

  it("leaves a press to the page's controls and pictures in the story, and any but the main button", () => {
    for (const id of ['link', 'play', 'field', 'photo']) expect(startsStorySelection(seen('mousedown', $(id)), story), id).toBe(false);
    expect(startsStorySelection(seen('mousedown', $('para'), { button: 2 }), story)).toBe(false);
  });

  it("leaves alone a script's events and what comes from inside a shadow tree", () => {
    expect(startsStorySelection(seen('mousedown', $('para'), { isTrusted: false }), story)).toBe(false);
    const host = document.createElement('span');
    $('para').append(host);
    const inside = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('b'));
    expect(startsStorySelection(seen('mousedown', host, { from: inside }), story)).toBe(false);
  });
});

describe('pageForbidsSelection', () => {
  const made = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

  it('reads a blocking handler in the markup of <body> or <html>', () => {
    expect(pageForbidsSelection(made('<body onselectstart="return false"><p>正文</p></body>'))).toBe(true);
    expect(pageForbidsSelection(made('<html onmousedown="return false"><body><p>正文</p></body></html>'))).toBe(true);
  });

  it('reads user-select: none on the body', () => {
    expect(pageForbidsSelection(document)).toBe(false);
    document.body.style.setProperty('user-select', 'none');
    try {
      expect(pageForbidsSelection(document)).toBe(true);
    } finally {
      document.body.style.removeProperty('user-select');
    }
  });

  it('leaves an ordinary page alone: a press on its story reaches every handler', () => {
    expect(pageForbidsSelection(made('<body><div onclick="go()"><p onmousedown="track()">正文</p></div></body>'))).toBe(false);
  });
});
