// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LATE_STORY, lookAgainWhenGrown, mayBeLateStory } from '@/utils/late-story';
import { pageSignals } from '@/utils/quick-check';
import { parseHtml } from '../helpers/dom';

const STORY = '<p>一月份全国居民消费价格同比上涨，其中城市上涨，农村持平；食品价格同比下降，非食品价格同比上涨。</p>'.repeat(6);
/** Options for a test: a short quiet, and the window open for a few seconds from now. */
const soon = (extra: Partial<typeof LATE_STORY> = {}) => ({ ...LATE_STORY, quietMs: 20, windowMs: performance.now() + 2_000, ...extra });
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

afterEach(() => void (document.body.innerHTML = ''));

describe('a story that comes after load', () => {
  it('is waited for where the address or head says article, and not on other pages', () => {
    const skeleton = parseHtml('<html><head><meta property="og:type" content="article"><title>x</title></head><body></body></html>');
    expect(mayBeLateStory(pageSignals(skeleton, 'https://news.example.cn/2024-02/23/content_1.htm'))).toBe(true);
    expect(mayBeLateStory(pageSignals(parseHtml('<title>x</title>'), 'https://news.example.cn/2024-02/23/content_1.htm'))).toBe(true);
    expect(mayBeLateStory(pageSignals(parseHtml('<title>联系我们</title>'), 'https://news.example.cn/about.html'))).toBe(false);
    expect(mayBeLateStory(pageSignals(parseHtml('<title>新闻</title>'), 'https://news.example.cn/'))).toBe(false);
  });

  it('is looked at once the body has grown by a story and gone quiet', async () => {
    const look = vi.fn(() => true);
    lookAgainWhenGrown(document.body, look, soon());
    document.body.insertAdjacentHTML('beforeend', STORY);
    expect(look).not.toHaveBeenCalled();
    await settle();
    expect(look).toHaveBeenCalledTimes(1);
    document.body.insertAdjacentHTML('beforeend', STORY);
    await settle();
    expect(look).toHaveBeenCalledTimes(1);
  });

  it('is not looked for in an ad or a clock added, nor more than the tries, nor after the window', async () => {
    const look = vi.fn(() => false);
    lookAgainWhenGrown(document.body, look, soon());
    document.body.insertAdjacentHTML('beforeend', '<div class="ad">广告</div>');
    await settle();
    expect(look).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) {
      document.body.insertAdjacentHTML('beforeend', STORY);
      await settle();
    }
    expect(look).toHaveBeenCalledTimes(LATE_STORY.tries);

    const late = vi.fn(() => false);
    lookAgainWhenGrown(document.body, late, soon({ windowMs: performance.now() + 10 }));
    await settle();
    document.body.insertAdjacentHTML('beforeend', STORY);
    await settle();
    expect(late).not.toHaveBeenCalled();
  });
});
