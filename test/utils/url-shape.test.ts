import { describe, expect, it } from 'vitest';
import { urlShape } from '@/utils/url-shape';

const shapeOf = (href: string) => {
  const url = new URL(href);
  return urlShape(href, url.pathname + url.search);
};

describe('what a URL alone says of a page', () => {
  it.each([
    ['https://news.example.cn/2024-02/23/content_123.htm', 'article'],
    ['https://www.example.com/a/123_456', 'article'],
    ['https://news.example.cn/list_3.shtml', 'list'],
    ['https://www.example.com/search?q=sora', 'list'],
    ['https://bbs.example.cn/viewthread.php?tid=1', 'list'],
    ['https://www.example.com/forum/12345', 'list'],
    // Flarum's discussions: an id, a slug after it, a post number after that.
    ['https://discuss.flarum.org.cn/d/15448/3', 'list'],
    ['https://discuss.flarum.org/d/31234-extension-ideas', 'list'],
    ['https://discuss.flarum.org/d/31234-extension-ideas/12?foo=1', 'list'],
    // Discourse's topics: a slug, an id, a post number.
    ['https://meta.discourse.org/t/install-discourse/12345', 'list'],
    ['https://meta.discourse.org/t/install-discourse/12345/7', 'list'],
    // A /d/ or /t/ that is not one of those stays what the rest of the URL says.
    ['https://news.example.com/d/2024/09/story.html', 'article'],
    ['https://news.example.com/t/2024-02/23/content_9.htm', 'article'],
    ['https://www.example.com/about', null],
  ])('%s: %s', (href, expected) => {
    expect(shapeOf(href)).toBe(expected);
  });
});
