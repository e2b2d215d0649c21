import { existsSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TMemberStats } from '../src/modules/members/contract';
import { DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

/** The figures as the API gives them, fetched through the page's own session. */
const statsOf = (page: Page, orgUnitId?: number): Promise<TMemberStats> =>
  page.evaluate(async (id) => {
    const response = await fetch(id === undefined ? '/api/members/stats' : `/api/members/stats?orgUnitId=${id}`);
    if (!response.ok) throw new Error(`stats: HTTP ${response.status}`);
    return (await response.json()) as TMemberStats;
  }, orgUnitId);

/** The number a key figure card shows ("21,714" -> 21714), or null while it loads. */
async function cardValue(page: Page, testId: string): Promise<number | null> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent({ timeout: 1_000 }).catch(() => null);
  const digits = (text ?? '').replace(/[^\d]/g, '');
  return digits ? Number(digits) : null;
}

const jsonAttribute = async <T>(page: Page, testId: string, name: string): Promise<T | null> => {
  const value = await page.getByTestId(testId).getAttribute(name);
  return value ? (JSON.parse(value) as T) : null;
};

/** No element wider than the viewport: the page reflows instead of scrolling sideways. */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('member statistics dashboard in Chromium', () => {
  const demo = useDemoConsole();

  it('shows the province figures, the cities chart, and drills into 西安 by clicking its bar', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signInThroughForm(page, demo.url, 'sheng', DEMO_PASSWORD);
    await page.locator('.app-sider').getByText('会员统计').click();
    await page.waitForURL(/\/stats$/);

    const province = await statsOf(page);
    expect(province.root.name).toBe('陕西省总工会');
    expect(province.members).toBeGreaterThan(1000);
    await expect.poll(() => cardValue(page, 'stat-members'), { timeout: 15_000 }).toBe(province.members);
    await expect.poll(() => page.getByTestId('stat-members').textContent()).toContain(province.members.toLocaleString('zh-CN'));
    await expect.poll(() => page.getByTestId('stats-asof').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expect.poll(() => page.getByTestId('stats-org').textContent()).toContain('陕西省总工会');

    // The chart draws on a canvas; its container says which units it shows.
    const chart = page.getByTestId('child-chart');
    await chart.locator('canvas').first().waitFor({ timeout: 10_000 });
    const cities = province.byChild.filter((child) => child.type === 'city').map((child) => child.name);
    expect(cities).toHaveLength(13);
    const categories = (await jsonAttribute<string[]>(page, 'child-chart', 'data-categories')) ?? [];
    expect(categories).toEqual(expect.arrayContaining(cities));
    expect(new Set(categories)).toEqual(new Set(province.byChild.map((child) => child.name)));
    // The other panels have drawn too.
    for (const testId of ['trend-chart', 'form-chart', 'gender-chart', 'age-chart']) {
      await page.getByTestId(testId).locator('canvas').first().waitFor({ timeout: 10_000 });
    }
    await expect.poll(() => page.getByTestId('union-types').textContent()).toContain('基层工会');
    // The demo has no register of employers that must set up a union: the note says so.
    if (province.unionizationRate.denominator === 0) {
      await expect.poll(() => page.getByTestId('unionization-note').textContent()).toContain(province.unionizationRate.note);
    }

    await page.waitForTimeout(1_200); // let the charts' entry animation finish
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const wideFile = await screenshot(page, 'member-dashboard-1440');
    expect(existsSync(wideFile) && statSync(wideFile).size).toBeGreaterThan(40_000);

    // Click the 西安 row: the container publishes each row's centre after rendering.
    const xian = province.byChild.find((child) => child.name === '西安市总工会');
    expect(xian).toBeDefined();
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => jsonAttribute<number[]>(page, 'child-chart', 'data-category-y')).toHaveLength(categories.length);
    const centres = (await jsonAttribute<number[]>(page, 'child-chart', 'data-category-y')) ?? [];
    const box = await chart.boundingBox();
    const row = categories.indexOf('西安市总工会');
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + box!.width * 0.45, box!.y + centres[row]!);

    const xianStats = await statsOf(page, xian!.id);
    expect(xianStats.root.name).toBe('西安市总工会');
    expect(xianStats.members).toBe(xian!.members);
    await expect.poll(() => cardValue(page, 'stat-members'), { timeout: 15_000 }).toBe(xianStats.members);
    await expect.poll(() => page.getByTestId('stats-org').textContent(), { timeout: 10_000 }).toContain('西安市总工会');
    await expect.poll(() => page.getByTestId('stats-back').textContent()).toContain('陕西省总工会');
    await expect
      .poll(() => jsonAttribute<string[]>(page, 'child-chart', 'data-categories'))
      .toEqual(expect.arrayContaining(xianStats.byChild.map((child) => child.name)));
    // Back at the top, or the sticky header lands mid-picture in a full-page screenshot.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(1_200);
    await screenshot(page, 'member-dashboard-xian');

    // Back up to the province.
    await page.getByTestId('stats-back').click();
    await expect.poll(() => cardValue(page, 'stat-members'), { timeout: 15_000 }).toBe(province.members);
    await page.close();
  });

  it('reflows onto a phone screen', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await signInThroughForm(page, demo.url, 'sheng', DEMO_PASSWORD);
    await page.locator('.app-sider').waitFor({ timeout: 15_000 });
    await page.goto(`${demo.url}/stats`);
    const province = await statsOf(page);
    await expect.poll(() => cardValue(page, 'stat-members'), { timeout: 15_000 }).toBe(province.members);
    for (const testId of ['child-chart', 'trend-chart', 'form-chart', 'gender-chart', 'age-chart']) {
      await page.getByTestId(testId).locator('canvas').first().waitFor({ timeout: 10_000 });
    }
    // Charts fill the narrow column: the canvas is as wide as its card's body.
    const canvasWidth = await page.getByTestId('trend-chart').locator('canvas').first().evaluate((canvas) => canvas.getBoundingClientRect().width);
    expect(canvasWidth).toBeGreaterThan(250);
    expect(canvasWidth).toBeLessThanOrEqual(390);
    await page.waitForTimeout(1_200);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const file = await screenshot(page, 'member-dashboard-390');
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(20_000);
    await page.close();
  });
});
