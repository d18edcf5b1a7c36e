/**
 * Floating boxes with a close control that a page keeps out of sight at load or adds later, in each
 * real browser: a login box the reader opens with the page's 登录 link (on the meta line: the menus
 * go) and a register box the page makes on a click show and can be typed in; a pop-up the page's own
 * timer shows or adds unasked (alone or in a wrapper) is hidden and listed, with its reason, and
 * the backdrop and scroll lock it came with go too; a modal dialog stays, as hiding it would leave
 * the page inert. The same timer fills a share bar, which goes.
 */
import { describe, expect, it } from 'vitest';
import { browsers, serveSite } from './harness';

const PATH = '/2024-03/05/content_9917.htm';
/**
 * How long the page's timer waits to show its pop-up: past the browsers' transient activation
 * (5 s) after the call that sets it, as the drivers' evaluations count as the reader acting.
 */
const PUSH_AFTER_MS = 6_500;
/** How long after that a class on <body> shows the survey box: after the cleanup's batch for the rest. */
const SURVEY_AFTER_MS = 1_000;
/** A story of a city's new metro line, in ten paragraphs. */
const STORY = Array.from({ length: 10 }, (_, i) => `<p>（${i + 1}）江城地铁五号线今天开通试运营，全线设站二十二座，早晚高峰行车间隔四分钟，沿线居民通勤时间将缩短一半。</p>`).join('');
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>江城地铁五号线开通试运营_江城网</title><meta property="og:type" content="article">
<style>
  .login-box, .push-box, .survey-box { position: fixed; display: none; top: 320px; left: 40px; width: 320px; padding: 12px; background: #fff; border: 1px solid #999; }
  .login-box.open, .survey-open .survey-box { display: block; }
  .push-mask { position: fixed; inset: 0; z-index: 900; display: none; background: rgba(0, 0, 0, 0.5); }
  .page-bg { position: fixed; inset: 0; z-index: -1; background: #f4f1ea; }
  .foot { height: 1600px; }
</style></head>
<body><div class="nav"><a href="/">江城网</a> <a href="/gn/">国内</a> <a href="/gj/">国际</a></div>
<h1>江城地铁五号线开通试运营</h1>
<div class="info">2024-03-05 08:00 来源：江城日报 <a id="login-link" href="javascript:;">登录</a> <a id="register-link" href="javascript:;">注册</a></div>
<div id="text">${STORY}</div>
<div id="slot-a"></div>
<div class="login-box" id="login-box"><a class="close" href="javascript:;">×</a><h4>邮箱账号登录</h4>
  <input id="user" name="user" placeholder="邮箱"><a href="/forgot">忘记密码</a></div>
<div class="push-box" id="push-box"><span class="close">×</span><h4>今日推荐</h4>
  <a href="/a/1.htm">明星婚礼现场曝光</a><a href="/a/2.htm">这种水果千万别空腹吃</a></div>
<div class="page-bg" id="page-bg"></div>
<div class="push-mask" id="push-mask"></div>
<div class="foot"><a href="/about">关于江城网</a></div>
<div class="survey-box" id="survey-box"><span class="close">×</span><h4>读者调查</h4><a href="/survey">参与问卷，赢取礼品</a></div>
<script>
  /** A fixed box with a close control, made by script as a page's pop-ups and dialogs are. */
  const floatingBox = (id, html) => Object.assign(document.createElement('div'), { id, innerHTML: '<a class="close" href="javascript:;">×</a>' + html, style: 'position: fixed; top: 40px; right: 20px; background: #fff' });
  window.pushLater = () => setTimeout(() => {
    // Shown with a backdrop over the page, its scrolling stopped, as pop-up scripts do.
    document.getElementById('push-box').style.display = 'block';
    document.getElementById('push-mask').style.display = 'block';
    document.body.style.overflow = 'hidden';
    // A modal dialog it makes: the browser keeps the rest of the page inert while it is open.
    const dialog = Object.assign(document.createElement('dialog'), { id: 'news-dialog', innerHTML: '<button class="close" onclick="this.parentNode.close()">×</button><h4>订阅江城早报</h4>' });
    document.body.append(dialog);
    dialog.showModal();
    // Focus off its close button, as pages do to hide the focus ring (the focus would keep it anyway).
    document.activeElement.blur();
    // A share SDK fills its empty box with buttons, one by one.
    for (const [href, name] of [['https://service.weibo.com/share/share.php', '微博'], ['https://connect.qq.com/widget/shareqq/', 'QQ'], ['javascript:;', '微信']]) {
      document.getElementById('slot-a').append(Object.assign(document.createElement('a'), { href, textContent: name }));
    }
    // A pop-up a stylesheet shows by a class on <body>, a moment later: a change of its own.
    setTimeout(() => document.body.classList.add('survey-open'), ${SURVEY_AFTER_MS});
    document.body.append(floatingBox('morning-brief', '<h4>订阅每日早报</h4><p>每天早上七点，江城新闻送到你的邮箱</p>'));
    // A pop-up inside a wrapper of its own, as pop-up scripts add them.
    const wrapper = document.createElement('div');
    wrapper.id = 'weather-wrap';
    wrapper.append(floatingBox('weather-card', '<h4>今日天气</h4><p>江城 晴 12°C～21°C</p>'));
    document.body.append(wrapper);
  }, ${PUSH_AFTER_MS});
  document.getElementById('login-link').addEventListener('click', () => document.getElementById('login-box').classList.add('open'));
  document.getElementById('register-link').addEventListener('click', () => document.body.append(floatingBox('register-box', '<h4>手机注册</h4><input id="phone" name="phone">')));
</script>
</body></html>`;

describe.each(browsers)('floating boxes a page shows or adds after load, in $name', (target) => {
  const site = serveSite(target, { routes: { [PATH]: { body: PAGE, contentType: 'text/html; charset=utf-8' } } });

  it('shows the boxes the reader opens, and hides the pop-ups the page shows or adds unasked', async () => {
    const page = await site.browser().openPage(site.url(PATH));
    await page.waitForSelector('html[data-sourcemark-cleanup="on"]', { timeoutMs: 10_000 });
    // Nothing of either box was hidden at load.
    expect(await page.evaluate(() => document.querySelectorAll('#login-box[data-sourcemark-hidden], #login-box [data-sourcemark-hidden], #push-box [data-sourcemark-hidden], #survey-box [data-sourcemark-hidden]').length)).toBe(0);

    // The page's timer shows the pop-up, the reader doing nothing meanwhile (the test waits without
    // looking: a look would count as the reader acting).
    await page.evaluate(() => void (window as unknown as { pushLater(): void }).pushLater());
    await new Promise((resolve) => setTimeout(resolve, PUSH_AFTER_MS + SURVEY_AFTER_MS + 500));
    await page.waitForSelector('#push-box[data-sourcemark-hidden="ad"]', { timeoutMs: 5_000 });
    await page.waitForSelector('#morning-brief[data-sourcemark-hidden="ad"]', { timeoutMs: 5_000 });
    await page.waitForSelector('#weather-card[data-sourcemark-hidden="ad"]', { timeoutMs: 5_000 });
    await page.waitForSelector('#survey-box[data-sourcemark-hidden="ad"]', { timeoutMs: 5_000 });
    await page.waitForSelector('#slot-a[data-sourcemark-hidden="widget"]', { timeoutMs: 5_000 });
    const popUps = ['push-box', 'push-mask', 'morning-brief', 'weather-card', 'survey-box', 'slot-a'];
    expect(await page.evaluate((ids) => ids.map((id) => document.getElementById(id)!.checkVisibility()), popUps)).toEqual([false, false, false, false, false, false]);
    // The page's modal dialog stays: hidden, it would leave a page that takes no click. The reader
    // closes it with its own button.
    const dialog = () => page.evaluate(() => {
      const el = document.getElementById('news-dialog')!;
      return { modal: el.matches(':modal'), shown: el.checkVisibility(), marked: el.hasAttribute('data-sourcemark-hidden') };
    });
    expect(await dialog()).toEqual({ modal: true, shown: true, marked: false });
    await page.click('#news-dialog .close');
    expect(await dialog()).toEqual({ modal: false, shown: false, marked: false });
    // The pop-up's backdrop went with it: the story takes clicks, and the page scrolls again.
    const screen = await page.evaluate(() => ({
      atCentre: document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.id ?? '',
      overflow: getComputedStyle(document.body).overflowY,
    }));
    expect(screen.atCentre).not.toBe('push-mask');
    expect(screen.overflow).toBe('auto');
    // The page's own background, fixed over the window but behind it, stays.
    expect(await page.evaluate(() => document.getElementById('page-bg')!.checkVisibility())).toBe(true);

    // The reader opens the login box with the page's link and types in it; the cleanup's batch has
    // long run when it is looked at.
    await page.click('#login-link');
    await page.type('#user', 'reader@example.com');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const login = await page.evaluate(() => {
      const input = document.getElementById('user') as HTMLInputElement;
      return { shown: document.getElementById('login-box')!.checkVisibility(), value: input.value };
    });
    expect(login).toEqual({ shown: true, value: 'reader@example.com' });
    // The register box the page makes on the reader's click stays too.
    await page.click('#register-link');
    await page.type('#phone', '13800000000');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.evaluate(() => document.getElementById('register-box')!.checkVisibility())).toBe(true);

    const popup = await site.browser().openPopupFor(page);
    await popup.waitForSelector('[data-testid="toggle-original"]', { timeoutMs: 10_000 });
    await popup.click('details[data-kind="ad"] summary');
    await popup.waitForSelector('details[data-kind="ad"] .item-reason', { timeoutMs: 5_000 });
    const reasons = await popup.evaluate(() => Array.from(document.querySelectorAll('details[data-kind="ad"] .item-reason'), (el) => el.textContent ?? ''));
    // The two boxes the page showed, and the two it added, each with its reason, and the backdrop.
    expect(reasons.filter((r) => /shown by the page after load|页面加载后自行弹出/.test(r))).toHaveLength(2);
    expect(reasons.filter((r) => /added after load|页面加载后出现/.test(r))).toHaveLength(2);
    expect(reasons.filter((r) => /backdrop behind a hidden pop-up|已隐藏弹窗的背景遮罩/.test(r))).toHaveLength(1);
    await popup.close();
    await page.close();
  });
});
