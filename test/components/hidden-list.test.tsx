// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIDDEN_ROWS, HiddenList } from '@/components/HiddenList';
import type { HiddenKind } from '@/utils/analysis-types';
import type { PageState } from '@/utils/messages';
import { translator } from '../helpers/locale';

const t = translator('zh_CN');
const items: PageState['hidden'] = [
  { id: 0, kind: 'ad', text: '阿里云 双十一 特惠', selector: '#item-0', why: { key: 'reason_affiliate', args: ['aliyun.com'] }, kept: false },
  { id: 1, kind: 'teaser', text: '拓展阅读 加沙停火谈判', selector: '#item-1', why: { key: 'reason_teaser_block', args: ['拓展阅读'] }, kept: true },
  { id: 2, kind: 'ad', text: '广告', selector: '#item-2', why: { key: 'reason_ad_label', args: ['广告'] }, kept: false },
  { id: 3, kind: 'ad', text: '', selector: '#item-3', why: { key: 'reason_added_after_load', args: [{ key: 'reason_ad_token', args: ['ad'] }] }, kept: false },
];

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(onToggleKeep = vi.fn(), shownKinds: HiddenKind[] = [], listed = items) {
  root = document.createElement('div');
  document.body.append(root);
  render(<HiddenList items={listed} t={t} onToggleKeep={onToggleKeep} shownKinds={shownKinds} />, root);
  return onToggleKeep;
}

async function open(kind: string): Promise<HTMLDetailsElement> {
  const section = root.querySelector<HTMLDetailsElement>(`details[data-kind="${kind}"]`)!;
  // Browsers fire `toggle` when a <details> opens; jsdom does not, so the test fires it.
  await act(() => {
    section.open = true;
    section.dispatchEvent(new Event('toggle'));
  });
  return section;
}

describe('HiddenList', () => {
  it('shows each kind with its count, in a fixed order, and builds no item until a section opens', () => {
    mount();
    const sections = [...root.querySelectorAll('details')];
    expect(sections.map((d) => [d.dataset.kind, d.querySelector('.count')?.textContent])).toEqual([
      ['ad', '3'],
      ['teaser', '1'],
    ]);
    expect(root.querySelectorAll('li')).toHaveLength(0);
  });

  it('lists an opened kind’s items with their reasons in the reader’s language, and flips the keep rule of one', async () => {
    const onToggleKeep = mount();
    const ads = await open('ad');
    expect(ads.querySelectorAll('li')).toHaveLength(3);
    expect([...ads.querySelectorAll('.item-reason')].map((r) => r.textContent)).toEqual(['推广链接（aliyun.com）', '标有“广告”', '广告位（页面代码标为“ad”），页面加载后出现']);
    expect(root.querySelector('details[data-kind="teaser"] li')).toBeNull();
    await act(() => ads.querySelector<HTMLButtonElement>('li button')!.click());
    expect(onToggleKeep).toHaveBeenCalledWith(items[0]);
  });

  it('tells each item’s button apart by the item’s text and reason, the reason alone for an item without text', async () => {
    mount();
    const ads = await open('ad');
    const described = [...ads.querySelectorAll('li button')].map((b) =>
      (b.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' | '),
    );
    expect(described).toEqual(['阿里云 双十一 特惠 | 推广链接（aliyun.com）', '广告 | 标有“广告”', '广告位（页面代码标为“ad”），页面加载后出现']);
  });

  it('marks a kind the settings leave on pages, and offers no per-item rule for it', async () => {
    mount(vi.fn(), ['ad']);
    const ads = await open('ad');
    expect(ads.querySelector('summary')!.textContent).toContain('按设置显示');
    expect(ads.querySelectorAll('li')).toHaveLength(3);
    expect(ads.querySelectorAll('li button')).toHaveLength(0);
    const teasers = await open('teaser');
    expect(teasers.querySelector('summary')!.textContent).not.toContain('按设置显示');
    expect(teasers.querySelectorAll('li button')).toHaveLength(1);
  });
  // A page may hide thousands of one kind (a thread's comments, one by one): the rows come a
  // hundred at a time, the count above them whole.
  it('draws a long kind a hundred rows at a time, with a button for the next ones', async () => {
    const many = Array.from({ length: 2 * HIDDEN_ROWS + 30 }, (_, id) => ({ ...items[0]!, id, text: `评论 ${id}`, selector: `#c-${id}` }));
    mount(vi.fn(), [], many);
    const section = await open('ad');
    expect(section.querySelector('.count')?.textContent).toBe(String(many.length));
    const more = () => [...section.querySelectorAll('button')].find((b) => b.textContent?.startsWith('再显示'));
    expect(section.querySelectorAll('li')).toHaveLength(HIDDEN_ROWS);
    expect(more()?.textContent).toBe(`再显示 ${HIDDEN_ROWS} 项`);
    await act(() => more()!.click());
    expect(section.querySelectorAll('li')).toHaveLength(2 * HIDDEN_ROWS);
    expect(more()?.textContent).toBe('再显示 30 项');
    await act(() => more()!.click());
    expect(section.querySelectorAll('li')).toHaveLength(many.length);
    expect(section.querySelectorAll('li')[many.length - 1]!.textContent).toContain(`评论 ${many.length - 1}`);
    expect(more()).toBeUndefined();
  });
});
