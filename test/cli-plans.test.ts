import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMeasures, ZPlanDraft } from '../src/modules/plans/contract';
import { baseEnv, freshDataDir } from './support/server-process';

const ROOT = new URL('../', import.meta.url).pathname;
const FIXTURES = 'src/modules/plans/server/fixtures';

function gonghui(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['bin/gonghui.mjs', ...args], { cwd: ROOT, env: { ...baseEnv(), ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gonghui plans parse', () => {
  // No database is opened: an empty data directory stays empty and an unreachable PostgreSQL is never dialled.
  const dataDir = freshDataDir();
  const env = { DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

  it('prints the draft of a .docx as JSON in the contract’s shape', () => {
    const result = gonghui(['plans', 'parse', `${FIXTURES}/seed-1.docx`, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const draft = ZPlanDraft.parse(JSON.parse(result.stdout));
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['meta', 'sections']);
    expect(draft.meta.docNumber).toBe('陕工办发〔2023〕12号');
    expect(allMeasures(draft.sections).map((measure) => measure.no)).toEqual(Array.from({ length: 15 }, (_, index) => String(index + 1)));
    expect(allMeasures(draft.sections)[1]?.targets[0]).toEqual({
      value: 40,
      approx: false,
      comparator: 'eq',
      unit: '人',
      subject: '三秦工匠',
      period: '2023',
      source: '2023年继续评选40名“三秦工匠”，培育100名左右“陕西产业工匠人才”。',
    });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('prints an indented outline of sections, measures and their targets', () => {
    const result = gonghui(['plans', 'parse', `${FIXTURES}/seed-2-jkwwt-2022-work-points.txt`], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '陕西省教科文卫体工会2022年工作要点',
      '  发文机关：陕西省教科文卫体工会',
      '  发文字号：陕教科文卫体工发〔2022〕9号',
      '  成文日期：2022-03-23',
      '  主送：各市教育（科文卫体）工会；各直属基层工会',
    ]);
    expect(lines).toContain('一、忠诚拥护“两个确立”、坚决做到“两个维护”，切实履行职工思想引领的政治责任');
    expect(lines).toContain('  5. 广泛深入持久开展劳动和技能竞赛');
    expect(lines).toContain('      ▸ 10 项 省级二类竞赛');
    expect(lines).toContain('      ▸ 不少于 1 项 工建品牌工作');
    expect(lines.at(-1)).toBe('共 18 项措施，其中 2 项含量化指标（共 2 个指标）');
  });

  it('exits 1 with a Chinese message for a file it cannot read, and 2 without a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-cli-'));
    const image = join(dir, 'scan.pdf.png');
    writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const refused = gonghui(['plans', 'parse', image], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('错误：不支持的文件类型：请上传 .txt、.docx 或带文字层的 .pdf 文件');
    const missing = gonghui(['plans', 'parse', join(dir, 'none.docx'), '--json'], env);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toEqual({ code: 'VALIDATION_FAILED', message: '无法读取文件：文件不存在或没有读取权限', field: 'file' });
    const usage = gonghui(['plans', 'parse'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('gonghui plans parse');
  });
});
