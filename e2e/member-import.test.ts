import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/core/cn/id-number';
import { DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

// Four people born in 雁塔区 in June 1994 (odd sequence numbers: men), with names no demo member has.
const VALID = [
  { name: '欧阳晓峰', id: makeIdNumber('610113', '1994-06-01', 11), phone: '13991230001' },
  { name: '司马俊杰', id: makeIdNumber('610113', '1994-06-02', 13), phone: '13991230002' },
  { name: '上官文博', id: makeIdNumber('610113', '1994-06-03', 15), phone: '13991230003' },
  { name: '诸葛明远', id: makeIdNumber('610113', '1994-06-04', 17), phone: '13991230004' },
];
const RIGHT_ID = makeIdNumber('610113', '1994-06-05', 19);
/** Well-formed, but GB 11643 refuses its check character. */
const WRONG_CHECK_DIGIT = RIGHT_ID.slice(0, 17) + (RIGHT_ID.endsWith('1') ? '2' : '1');

/** 会员名册.csv: the header, then data rows 1–4 valid and 5–7 each wrong in one way. */
const CSV = [
  '姓名,公民身份号码,手机号码,工作单位',
  ...VALID.map((person) => `${person.name},${person.id},${person.phone},西安市雁塔区测试电子厂`),
  `令狐建国,${WRONG_CHECK_DIGIT},13991230005,西安市雁塔区测试电子厂`,
  `东方志强,${makeIdNumber('610113', '1994-06-06', 21)},12345,西安市雁塔区测试电子厂`,
  `慕容子轩,${VALID[0]!.id},13991230007,西安市雁塔区测试电子厂`,
].join('\r\n');

const count = (page: Page, key: string) => page.getByTestId(`import-count-${key}`).textContent();

/** Searches the member list (in its own tab: the import page keeps the chosen file in memory). */
async function searchMembers(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(`${baseUrl}/members`);
  const table = page.getByTestId('member-table');
  await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  // Wait for this search's own answer: the table may still show an earlier (empty) result.
  const answered = page.waitForResponse((response) => response.url().includes('/api/members?') && decodeURIComponent(response.url()).includes(name));
  await page.locator('#member-search').fill(name);
  await page.locator('#member-search').press('Enter');
  await answered;
  await expect
    .poll(async () => {
      const text = await table.locator('tbody').innerText();
      return text.includes(name) || text.includes('没有符合条件的会员');
    }, { timeout: 15_000 })
    .toBe(true);
  return table.locator('tbody').innerText();
}

describe('member import in Chromium', () => {
  const demo = useDemoConsole();
  let folder: string;
  let csvPath: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'gonghui-import-e2e-'));
    csvPath = join(folder, '会员名册.csv');
    writeFileSync(csvPath, CSV);
  });

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('checks a file with a dry run, imports it for real and reports the refused rows', async () => {
    // One context, two tabs: the member list is checked beside the import page, which keeps the file in memory.
    const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await signInThroughForm(page, demo.url, 'jiceng', DEMO_PASSWORD);
    await page.getByTestId('org-tree').waitFor({ timeout: 15_000 });
    await page.goto(`${demo.url}/members`);
    await page.getByTestId('member-import').click();
    await page.waitForURL(/\/members\/import$/);
    await page.getByTestId('import-chooser').waitFor({ timeout: 15_000 });

    // Step 1: the acting union is preselected; the dry run is the default.
    await expect.poll(() => page.getByTestId('import-target').innerText(), { timeout: 15_000 }).toContain('工会');
    await expect.poll(() => page.locator('#import-dry-run').isChecked()).toBe(true);
    await page.locator('.import-chooser input[type=file]').setInputFiles(csvPath);
    await expect.poll(() => page.getByTestId('import-chosen').innerText()).toContain('会员名册.csv');
    await screenshot(page, 'member-import-choose');

    // 试导入: the verdict for every row, nothing written.
    await page.getByTestId('import-start').click();
    await page.waitForURL(/\/members\/import\?job=\d+$/, { timeout: 15_000 });
    const dryRunUrl = page.url();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-result-title').innerText()).toContain('试导入');
    await expect.poll(() => count(page, 'imported')).toBe('4');
    await expect.poll(() => count(page, 'rejected')).toBe('3');
    await screenshot(page, 'member-import-dry-run');

    const other = await context.newPage();
    expect(await searchMembers(other, demo.url, VALID[1]!.name)).toContain('没有符合条件的会员');

    // 正式导入 sends the same file again, for real.
    await page.getByTestId('import-commit').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '正式导入' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toBe(dryRunUrl);
    expect(page.url()).toMatch(/\/members\/import\?job=\d+$/);
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    // Seven rows take a moment: this is usually the result already (the progress view needs a bigger file).
    await page.locator('[data-testid="import-progress"], [data-testid="import-result"]').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'member-import-progress');
    await expect.poll(() => page.getByTestId('import-result-title').count(), { timeout: 30_000 }).toBe(1);
    // The job is in the URL: a reload shows it again, from the server.
    await page.reload();
    await page.getByTestId('import-result').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('import-result-title').innerText()).not.toContain('试导入');
    await expect.poll(() => count(page, 'imported')).toBe('4');
    await expect.poll(() => count(page, 'rejected')).toBe('3');

    // The refused rows: the row as Excel shows it (header on row 1), the data row, the column, the reason.
    const errorRows = page.getByTestId('import-error-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => errorRows.count()).toBe(3);
    const lines = (await errorRows.allInnerTexts()).map((text) => text.split('\t').map((cell) => cell.trim()));
    expect(lines.map((cells) => cells.slice(0, 3))).toEqual([
      ['6', '5', '公民身份号码'],
      ['7', '6', '手机号码'],
      ['8', '7', '公民身份号码'],
    ]);
    expect(lines[0]![3]).toContain('校验位错误');
    expect(lines[1]![3]).toContain('手机号码应为 11 位数字');
    expect(lines[2]![3]).toMatch(/与第 1 行的公民身份号码重复/);
    await page.getByTestId('import-error-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'member-import-result');

    // 下载错误报告: an .xlsx with the three refused rows as uploaded, and their reasons.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByTestId('import-error-report').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    const rows: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) rows.push((row.values as unknown[]).slice(1).map(String).join('|'));
    });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('令狐建国');
    expect(rows[1]).toContain('东方志强');
    expect(rows[2]).toContain('慕容子轩');

    // The imported members are in the list.
    await page.getByTestId('import-view-members').click();
    await page.waitForURL(/\/members$/);
    expect(await searchMembers(page, demo.url, VALID[1]!.name)).toContain(VALID[1]!.name);
    expect(await searchMembers(other, demo.url, VALID[3]!.name)).toContain(VALID[3]!.name);

    // The job stays reachable from 最近导入.
    await page.goto(`${demo.url}/members/import`);
    const recent = page.getByTestId('import-recent').locator('tbody tr.ant-table-row');
    await expect.poll(() => recent.count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => recent.first().innerText()).toContain('会员名册.csv');
    await screenshot(page, 'member-import-recent');
    await context.close();
  });
});
