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

  it('puts it inside an item of a flex or grid row, where a sibling would be a column of its own', () => {
    expect(place('<div data-display="flex"><aside>栏目</aside><div id="root"><p>正文</p></div></div>')).toEqual({ anchor: 'root', append: 'first' });
    expect(place('<div data-display="inline-grid"><div id="root"><p>正文</p></div></div>')).toEqual({ anchor: 'root', append: 'first' });
  });
});
