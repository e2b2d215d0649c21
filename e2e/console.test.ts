import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

describe('staff console in Chromium', () => {
  const demo = useDemoConsole();

  it('signs a province user in and shows the province tree on the home page', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signInThroughForm(page, demo.url, 'sheng', DEMO_PASSWORD);
    const tree = page.getByTestId('org-tree');
    await expect.poll(() => tree.textContent(), { timeout: 15_000 }).toContain('西安市总工会');
    // The tree is virtualised: the first rows in view are the province and its cities in order.
    const treeText = (await tree.textContent()) ?? '';
    expect(treeText).toMatch(/陕西省总工会.*西安市总工会.*铜川市总工会.*宝鸡市总工会.*咸阳市总工会/);
    await expect.poll(() => page.locator('body').textContent()).toContain('张卫东');
    await page.getByTestId('child-chart').locator('canvas').first().waitFor({ timeout: 10_000 });
    const file = await screenshot(page, 'home-province');
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(20_000);
    await page.close();
  });

  it('shows a county user only their own subtree', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInThroughForm(page, demo.url, 'yanta', DEMO_PASSWORD);
    const tree = page.getByTestId('org-tree');
    await expect.poll(() => tree.textContent(), { timeout: 15_000 }).toContain('西安市雁塔区总工会');
    await expect.poll(() => tree.textContent()).not.toContain('陕西省总工会');
    await screenshot(page, 'home-county');
    await page.close();
  });

  it('refuses a wrong password with a message in Chinese', async () => {
    const page = await demo.browser.newPage();
    await signInThroughForm(page, demo.url, 'sheng', 'wrong-password');
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain('账号或密码错误');
    await screenshot(page, 'login-refused');
    await page.close();
  });

  it('animates menus, and opens them at once for a user who prefers reduced motion', async () => {
    // Every class the user menu's dropdown wears while it opens, recorded as it changes.
    const classesWhileOpening = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await demo.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', reducedMotion });
      await signInThroughForm(page, demo.url, 'xian', DEMO_PASSWORD);
      await page.getByTestId('org-tree').waitFor({ timeout: 15_000 });
      await page.evaluate(() => {
        const seen = new Set<string>();
        (window as unknown as { seen: Set<string> }).seen = seen;
        const record = () => document.querySelectorAll('.ant-dropdown').forEach((element) => element.classList.forEach((name) => seen.add(name)));
        new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      });
      await page.locator('.header-user').click();
      await expect.poll(() => page.locator('.ant-dropdown:visible').innerText()).toContain('退出');
      const seen = await page.evaluate(() => [...(window as unknown as { seen: Set<string> }).seen]);
      await page.close();
      return seen;
    };
    // antd marks the dropdown for its slide-in either way; the animation runs (-active) only with motion.
    expect(await classesWhileOpening('no-preference')).toContain('ant-slide-up-appear-active');
    expect(await classesWhileOpening('reduce')).not.toContain('ant-slide-up-appear-active');
  });

  it('answers an unknown page with the 404 page inside the console', async () => {
    const page = await demo.browser.newPage();
    await signInThroughForm(page, demo.url, 'xian', DEMO_PASSWORD);
    await page.getByTestId('org-tree').waitFor({ timeout: 15_000 });
    await page.goto(`${demo.url}/no-such-page`);
    await expect.poll(() => page.locator('.app-content').textContent(), { timeout: 10_000 }).toContain('页面不存在');
    // Still inside the console: the side navigation is there.
    await expect.poll(() => page.locator('.app-sider').textContent()).toContain('组织机构');
    await screenshot(page, 'not-found');
    await page.close();
  });
});
