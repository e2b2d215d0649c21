import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/core/cn/id-number';
import { baseEnv, freshDataDir } from './support/server-process';

const ROOT = new URL('../', import.meta.url).pathname;

function gonghui(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['bin/gonghui.mjs', ...args], { cwd: ROOT, env: { ...baseEnv(), ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gonghui members import', () => {
  const dataDir = freshDataDir();
  const env = { DATA_DIR: dataDir };
  let unionCode = '';
  const file = join(dataDir, '..', `cli-members-${Date.now()}.csv`);

  beforeAll(() => {
    expect(gonghui(['seed-demo', '--json'], env).code).toBe(0);
    const grassroots = JSON.parse(gonghui(['orgs', 'list', '--under', 'SX610113', '--type', 'grassroots', '--json'], env).stdout);
    unionCode = grassroots[0].code;
    const id = (sequence: number) => makeIdNumber('610113', '1993-09-09', sequence);
    writeFileSync(file, ['身份证号码,姓名,联系电话', `${id(801)},上官云,13800138001`, `${id(803)},上官月,1380013800`, `${id(801)},上官云,13800138001`].join('\n'));
  }, 240_000);

  it('prints the JSON summary the issue defines, with row, column, code and a Chinese message per error', () => {
    const result = gonghui(['members', 'import', file, '--org', unionCode, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(Object.keys(summary).sort()).toEqual(['errors', 'imported', 'rejected', 'total', 'unchanged', 'updated']);
    expect(summary).toMatchObject({ total: 3, imported: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(summary.errors).toEqual([
      { row: 2, column: '手机号码', code: 'PHONE_INVALID', message: expect.stringMatching(/手机号码/) },
      { row: 3, column: '公民身份号码', code: 'DUPLICATE_IN_FILE', message: expect.stringContaining('第 1 行') },
    ]);
  }, 120_000);

  it('is idempotent, has a dry run, and refuses an unknown union code with a usage error', () => {
    const again = JSON.parse(gonghui(['members', 'import', file, '--org', unionCode, '--json'], env).stdout);
    expect(again).toMatchObject({ total: 3, imported: 0, unchanged: 1, rejected: 2 });
    const dry = JSON.parse(gonghui(['members', 'import', file, '--org', unionCode, '--dry-run', '--json'], env).stdout);
    expect(dry).toMatchObject({ imported: 0, unchanged: 1 });
    const unknown = gonghui(['members', 'import', file, '--org', 'NOPE', '--json'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('组织代码 NOPE 不存在');
    const text = gonghui(['members', 'import', file, '--org', unionCode], env);
    expect(text.stdout).toMatch(/新增 0，更新 0，未变化 1，拒绝 2/);
    expect(text.stdout).toContain('第 2 行 手机号码');
  }, 120_000);
});
