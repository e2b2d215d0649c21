import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmDialog, DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

type MetricParam = { name: string; options?: { value: string; label: string }[] };

/**
 * Two console additions to the demo plan in Chromium: 省总 binds the 新入会会员
 * target to "members joined in 2023 by employment form" from the metric
 * registry, previews its live value and sees it on the dashboard; 西安 issues
 * the plan to its whole level below (下发至全部下级) in one step.
 */
describe('work plans: metric binding and whole-level issue in Chromium', () => {
  const demo = useDemoConsole();

  async function as(login: string): Promise<Page> {
    const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInThroughForm(page, demo.url, login, DEMO_PASSWORD);
    await page.locator('.app-sider').waitFor({ timeout: 15_000 });
    return page;
  }

  const json = <T,>(page: Page, path: string): Promise<T> => page.evaluate(async (url) => (await fetch(url)).json() as Promise<T>, path);
  const planId = async (page: Page) => (await json<{ items: { id: number }[] }>(page, '/api/plans')).items[0]!.id;

  it('binds a target to a metric with an employment form, previews it and rolls it up live', async () => {
    const page = await as('sheng');
    const id = await planId(page);
    const me = await json<{ org: { id: number } }>(page, '/api/auth/me');
    // The demo's members who joined in 2023, in all and by employment form, straight from the registry.
    const joined = (await json<{ id: string; params: MetricParam[] }[]>(page, '/api/metrics')).find((metric) => metric.id === 'members.joined')!;
    const forms = joined.params.find((param) => param.name === 'employmentForm')!.options!;
    const valueOf = async (params: object) =>
      (await json<{ value: number }>(page, `/api/metrics/members.joined/value?orgUnitId=${me.org.id}&params=${encodeURIComponent(JSON.stringify(params))}`)).value;
    const all = await valueOf({ year: 2023 });
    const byForm = await Promise.all(forms.map(async (form) => ({ ...form, count: await valueOf({ year: 2023, employmentForm: form.value }) })));
    const form = byForm.reduce((best, candidate) => (candidate.count > best.count ? candidate : best));
    expect(form.count).toBeGreaterThan(0);
    expect(form.count).toBeLessThan(all);

    await page.goto(`${demo.url}/plans/${id}`);
    const row = page.getByTestId('measure-row-8');
    await row.waitFor({ timeout: 20_000 });
    // The demo bound this target to members who joined in 2026; open it and rebind.
    await expect.poll(() => row.innerText()).toContain('实时：某年入会会员数');
    await row.locator('[data-testid^="bind-"]').first().click();
    const dialog = page.getByTestId('binding-dialog');
    await dialog.waitFor();
    await expect.poll(() => page.locator('#binding-param-year').inputValue()).toBe('2026');
    await expect.poll(() => dialog.innerText()).toContain('某年入会会员数（人）');
    await expect.poll(() => dialog.innerText()).toContain('就业形态（选填）');

    // A year out of range is refused on its field before anything is sent.
    await page.locator('#binding-param-year').fill('1800');
    await page.getByTestId('binding-preview').click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').innerText()).toBe('入会年份不能小于 1949');
    await expect.poll(() => dialog.getByTestId('binding-value').count()).toBe(0);
    await page.locator('#binding-param-year').fill('2023');
    await page.locator('#binding-param-employmentForm').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: form.label }).first().click();
    // On a busy machine the dropdown can still be closing (it would take the next click): wait it out.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('binding-preview').click();
    await expect.poll(() => page.getByTestId('binding-value').innerText()).toMatch(new RegExp(`陕西省总工会当前值：${form.count.toLocaleString('zh-CN')} 人`));
    await screenshot(page, 'plans-binding-dialog');
    await page.getByTestId('binding-save').click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    // The stored binding carries the employment form; the dashboard reads the live figure.
    const detail = await json<{ sections: { measures: { no: string; indicators: { binding: { params: object } | null }[] }[] }[] }>(page, `/api/plans/${id}`);
    const measure8 = detail.sections.flatMap((section) => section.measures).find((measure) => measure.no === '8')!;
    expect(measure8.indicators[0]!.binding!.params).toEqual({ year: 2023, employmentForm: form.value });
    await screenshot(page, 'plans-binding-bound');
    await page.goto(`${demo.url}/plans/${id}?tab=dashboard`);
    const measures = page.getByTestId('dashboard-measures');
    await expect.poll(() => measures.locator('tr').filter({ hasText: '新入会会员' }).first().innerText(), { timeout: 20_000 }).toContain(
      `新入会会员：${form.count.toLocaleString('zh-CN')} / 5,000 人`,
    );
    await screenshot(page, 'plans-binding-dashboard');

    // Unbinding returns the target to reported figures (none were reported for it).
    await page.goto(`${demo.url}/plans/${id}`);
    await page.getByTestId('measure-row-8').locator('[data-testid^="bind-"]').first().click();
    await page.getByTestId('binding-unbind').click();
    await confirmDialog(page);
    await expect.poll(() => page.getByTestId('measure-row-8').innerText(), { timeout: 10_000 }).not.toContain('实时：');
    await page.context().close();
  }, 180_000);

  it('issues the plan to every direct subordinate of 西安 in one step', async () => {
    const page = await as('xian');
    const id = await planId(page);
    const me = await json<{ org: { id: number } }>(page, '/api/auth/me');
    const children = (await json<{ items: { name: string; status: string }[] }>(page, `/api/orgs/children?parentId=${me.org.id}&limit=200`)).items.filter((unit) => unit.status === 'active');
    await page.goto(`${demo.url}/plans/${id}?tab=issue`);
    const table = page.getByTestId('issue-table');
    // The demo issued it to three districts.
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBe(3);
    expect(children.length).toBeGreaterThan(3);
    await page.getByTestId('issue-all-level').click();
    await expect.poll(() => page.locator('.ant-modal-confirm').innerText()).toContain(`全部 ${children.length} 个直属下级单位（其中 ${children.length - 3} 个尚未收到`);
    // Waiting for the request itself tells a lost click from a slow server, should this fail again.
    const issued = page.waitForResponse((response) => response.url().endsWith(`/api/plans/${id}/issue`) && response.request().method() === 'POST', { timeout: 30_000 });
    await confirmDialog(page);
    expect((await issued).status()).toBe(200);
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 30_000 }).toBe(children.length);
    await expect.poll(() => table.innerText()).toContain(children[children.length - 1]!.name);
    // Everyone below has it now: the button has nothing left to do.
    await expect.poll(() => page.getByTestId('issue-all-level').isDisabled()).toBe(true);
    await screenshot(page, 'plans-issue-whole-level');
    await page.context().close();
  }, 120_000);
});
