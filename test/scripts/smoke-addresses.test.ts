import { describe, expect, it } from 'vitest';
import { addressKey, pageAddresses, routesByAddress } from '../../scripts/lib/smoke-addresses';

const route = (body: string) => ({ body, contentType: 'text/html' });

describe('where the smoke opens a corpus page', () => {
  it('tries the recorded address over http, without port or fragment, then the corpus path', () => {
    const addresses = pageAddresses({ path: '/gne/a.html', url: 'https://news.example.com:8443/2024/01/a.shtml?id=3#top' });
    expect(addresses.map(String)).toEqual(['http://news.example.com/2024/01/a.shtml?id=3', 'http://127.0.0.1/gne/a.html']);
  });

  it('has only the corpus path for a page without a recorded address', () => {
    expect(pageAddresses({ path: '/gne/b.html', url: null }).map(String)).toEqual(['http://127.0.0.1/gne/b.html']);
  });
});

describe('what the smoke server answers at an address', () => {
  it('tells apart two pages of one site on the same path by their query', () => {
    const pages = [
      { path: '/wechat/1.html', url: 'https://mp.weixin.qq.com/s?__biz=A&mid=1' },
      { path: '/wechat/2.html', url: 'https://mp.weixin.qq.com/s?__biz=B&mid=2' },
    ];
    const byAddress = routesByAddress(pages, { '/wechat/1.html': route('one'), '/wechat/2.html': route('two') });
    expect(byAddress.get(addressKey('mp.weixin.qq.com', '/s', '?__biz=A&mid=1'))?.body).toBe('one');
    expect(byAddress.get(addressKey('mp.weixin.qq.com', '/s', '?__biz=B&mid=2'))?.body).toBe('two');
    expect(byAddress.get(addressKey('mp.weixin.qq.com', '/s', ''))).toBeUndefined();
  });

  it('finds a page whose recorded path has non-ASCII characters by the decoded path the server reads', () => {
    const byAddress = routesByAddress([{ path: '/c/新闻.html', url: 'http://example.cn/新闻/1.html' }], { '/c/新闻.html': route('page') });
    expect(byAddress.get(addressKey('example.cn', '/新闻/1.html', ''))?.body).toBe('page');
    expect(byAddress.get(addressKey('127.0.0.1', '/c/新闻.html', ''))?.body).toBe('page');
  });
});
