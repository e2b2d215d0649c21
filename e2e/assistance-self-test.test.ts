import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoConsole } from './support/browser';

/** The brief asks for the self-test's screenshots here, to be looked at. */
const SCREENS = '/tmp/screens';

async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const path = `${SCREENS}/self-test-${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A household of three on 36000 a year with 12000 of medical and schooling costs: 666.66 a month, under 西安's 700. */
async function fillDeepHousehold(page: Page): Promise<void> {
  await page.locator('.ant-select').filter({ has: page.locator('#region') }).click();
  await page.locator('#region').fill('西安');
  await page.locator('.ant-select-item-option[title="西安市"]').click();
  await page.locator('#householdSize').fill('3');
  await page.locator('#annualIncome').fill('36000');
  await page.locator('#rigidExpenses_medical').fill('8000');
  await page.locator('#rigidExpenses_education').fill('4000');
}

describe('public self-test page (困难职工家庭自测) in Chromium', () => {
  const demo = useDemoConsole();

  for (const [name, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['mobile', { width: 390, height: 844 }],
  ] as const) {
    it(`answers a deep-hardship household without signing in (${name}, ${viewport.width} px)`, async () => {
      const context = await demo.browser.newContext({ viewport, locale: 'zh-CN', ...(name === 'mobile' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
      const page = await context.newPage();
      await page.goto(`${demo.url}/self-test`);
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('困难职工家庭自测');
      // Not sent to the sign-in page: no session is asked for.
      expect(new URL(page.url()).pathname).toBe('/self-test');
      await expect.poll(() => page.locator('body').textContent()).not.toContain('用户登录');
      await expect.poll(() => page.locator('body').textContent()).toContain('不保存您填写的任何信息');

      // Submitting empty names what is missing, in Chinese.
      await page.locator('button[type=submit]').click();
      await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(
        expect.arrayContaining(['请选择所在地区', '请填写家庭共同生活人口', '请填写家庭年度可支配收入']),
      );

      await fillDeepHousehold(page);
      await shoot(page, `${name}-form`);
      await page.locator('button[type=submit]').click();
      const result = page.getByTestId('self-test-result');
      await expect.poll(() => result.locator('.self-test-tier').textContent(), { timeout: 15_000 }).toBe('深度困难');
      const reasons = await result.locator('.self-test-reasons li').allTextContents();
      expect(reasons[0]).toBe('（年收入 36000 − 刚性支出 12000）÷ 12 ÷ 3 人 = 666.66 元/月，低于当地低保标准 700 元/月 → 深度困难');
      expect(reasons.some((line) => line.startsWith('低保标准：西安市城市低保 700 元/月'))).toBe(true);
      await expect.poll(() => result.textContent()).toContain('请向所在单位工会（基层工会）提出申请');
      // The tier shows in its colour (the brand red for 深度困难).
      expect(await result.locator('.self-test-tier').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(200, 22, 29)');
      const file = await shoot(page, name);
      expect(existsSync(file) && statSync(file).size).toBeGreaterThan(20_000);

      // A migrant worker short of a year is told why the household does not qualify yet.
      await page.locator('#isMigrantWorker').getByText('是', { exact: true }).click();
      await page.locator('#laborRelationMonths').fill('11');
      await page.locator('button[type=submit]').click();
      await expect.poll(() => result.locator('.self-test-tier').textContent(), { timeout: 15_000 }).toBe('未达到困难认定条件');
      await expect.poll(() => result.locator('.self-test-reasons').textContent()).toContain('农民工须与用人单位建立劳动关系满 12 个月，实际 11 个月');
      await shoot(page, `${name}-migrant`);
      await context.close();
    });
  }
});
