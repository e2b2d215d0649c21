import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, freshDataDir } from './support/server-process';

const ROOT = new URL('../', import.meta.url).pathname;

function gonghui(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['bin/gonghui.mjs', ...args], { cwd: ROOT, env: { ...baseEnv(), ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gonghui assistance classify', () => {
  const dataDir = freshDataDir();
  const env = { DATA_DIR: dataDir };
  let files = 0;
  const fileWith = (content: unknown) => {
    const path = join(dataDir, `household-${(files += 1)}.json`);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const household = {
    region: '610113',
    year: 2025,
    householdSize: 3,
    annualIncome: 36000,
    rigidExpenses: { medical: 8000, education: 4000, disability: 0, jobCosts: 0 },
    suddenCosts: 0,
    isMigrantWorker: false,
    laborRelationMonths: 0,
    exclusions: [],
  };

  it('classifies a file with the platform rule tables and prints exactly { tier, perCapitaMonthly, dibao, reasons } as JSON', () => {
    const result = gonghui(['assistance', 'classify', fileWith(household), '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(Object.keys(answer)).toEqual(['tier', 'perCapitaMonthly', 'dibao', 'reasons']);
    expect(answer).toMatchObject({ tier: 'deep', perCapitaMonthly: 666.66, dibao: 700 });
    expect(answer.reasons[0]).toBe('（年收入 36000 − 刚性支出 12000）÷ 12 ÷ 3 人 = 666.66 元/月，低于当地低保标准 700 元/月 → 深度困难');
    // 雁塔区 has no standard of its own in the seed: 西安市's applies.
    expect(answer.reasons.join('\n')).toContain('地区 610113 未单独设定，采用西安市的标准');
  }, 120_000);

  it('lets dibao override the table, and prints the answer as text without --json', () => {
    const result = gonghui(['assistance', 'classify', fileWith({ ...household, dibao: 600, exclusions: ['vehicle'] })], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('认定结果：不予建档（存在排除性条件）（excluded）');
    expect(lines[1]).toBe('人均月收入：666.66 元；低保标准：600 元/月');
    expect(lines).toContain('  1. 排除性条件：家庭拥有机动车辆');
    expect(result.stdout).toContain('按填写的 600 元/月计算');
  }, 120_000);

  it('refuses bad figures naming the field, with a non-zero exit code', () => {
    const negative = gonghui(['assistance', 'classify', fileWith({ ...household, annualIncome: -1 }), '--json'], env);
    expect(negative.code).toBe(1);
    expect(JSON.parse(negative.stdout).error).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'annualIncome',
      message: '字段「annualIncome」有误：家庭年度可支配收入不能为负数',
    });
    const size = gonghui(['assistance', 'classify', fileWith({ ...household, householdSize: 0 })], env);
    expect(size.code).toBe(1);
    expect(size.stderr.trim()).toBe('错误：字段「householdSize」有误：家庭共同生活人口至少为 1 人');
    const months = gonghui(['assistance', 'classify', fileWith({ ...household, isMigrantWorker: true, laborRelationMonths: undefined })], env);
    expect(months.stderr.trim()).toBe('错误：字段「laborRelationMonths」有误：农民工请填写与用人单位建立劳动关系的月数');
  }, 120_000);

  it('refuses a file that is not JSON (exit 1), a region without a standard (exit 1), and a missing file argument (exit 2)', () => {
    const broken = gonghui(['assistance', 'classify', fileWith('{"householdSize": 3,'), '--json'], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).error.message).toMatch(/^文件 .*household-\d+\.json 不是有效的 JSON：/);
    const elsewhere = gonghui(['assistance', 'classify', fileWith({ ...household, region: '620100' }), '--json'], env);
    expect(elsewhere.code).toBe(1);
    expect(JSON.parse(elsewhere.stdout).error).toMatchObject({ field: 'region', message: '未找到地区 620100 在 2025-07-01 执行的城市低保标准，请直接填写当地低保标准' });
    const usage = gonghui(['assistance', 'classify'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('gonghui assistance classify 文件.json [--json]');
  }, 120_000);
});
