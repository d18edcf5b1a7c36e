// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cardPlacement } from '@/entrypoints/content/card-placement';

/** The displays a browser computes for these tags without a stylesheet, and `data-display` where a page's CSS sets one. */
const DEFAULT_DISPLAY: Record<string, string> = { TD: 'table-cell', TR: 'table-row', TBODY: 'table-row-group', TABLE: 'table', SPAN: 'inline' };
const display = (el: Element): string => el.getAttribute('data-display') ?? DEFAULT_DISPLAY[el.tagName] ?? 'block';

const place = (html: string) => {
  document.body.innerHTML = html;
  const root = document.getElementById('root')!;
  const { anchor, append } = cardPlacement(root, display);
  return { anchor: anchor.id || anchor.tagName, append };
};

describe('cardPlacement', () => {
  it('puts the card before a body that stacks with its siblings', () => {
    expect(place('<div><h1>标题</h1><div id="root"><p>正文</p></div></div>')).toEqual({ anchor: 'root', append: 'before' });
  });

  it('puts it inside a table cell, where a sibling would be a cell of its own', () => {
    expect(place('<table><tbody><tr><td>栏目</td><td id="root"><p>正文</p></td></tr></tbody></table>')).toEqual({ anchor: 'root', append: 'first' });
  });

  it('puts it above the table when the body is rows of it', () => {
    expect(place('<table id="t"><tbody id="root"><tr><td><p>正文</p></td></tr></tbody></table>')).toEqual({ anchor: 't', append: 'before' });
  });

  it('goes up past a body without a box of its own (display: contents) or that is a row itself, to sit above the row', () => {
    expect(place('<div><div id="row" data-display="flex"><aside>栏目</aside><div id="root" data-display="contents"><p>正文</p></div></div></div>')).toEqual({ anchor: 'row', append: 'before' });
    expect(place('<div><div id="row" data-display="flex"><aside>栏目</aside><div id="root" data-display="flex"><p>正文</p></div></div></div>')).toEqual({ anchor: 'row', append: 'before' });
  });

  it('puts it above a row of a CSS table that has no <table> element, not inside it', () => {
    expect(place('<div id="sheet" data-display="block"><div id="root" data-display="table-row"><p>正文</p></div></div>')).toEqual({ anchor: 'sheet', append: 'before' });
  });

  it('puts it inside a body that has no parent to sit beside it in', () => {
    const detached = document.createElement('div');
    expect(cardPlacement(detached, display)).toEqual({ anchor: detached, append: 'first' });
  });

  it('puts it inside an item of a flex or grid row, where a sibling would be a column of its own', () => {
    expect(place('<div data-display="flex"><aside>栏目</aside><div id="root"><p>正文</p></div></div>')).toEqual({ anchor: 'root', append: 'first' });
    expect(place('<div data-display="inline-grid"><div id="root"><p>正文</p></div></div>')).toEqual({ anchor: 'root', append: 'first' });
  });
});
