import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignColumns, displayWidth } from '../src/cli/commands/orgs';
import { baseEnv, freshDataDir } from './support/server-process';

const ROOT = new URL('../', import.meta.url).pathname;

function gonghui(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['bin/gonghui.mjs', ...args], { cwd: ROOT, env: { ...baseEnv(), ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Row = { code: string; type: string; name: string; parentCode: string | null; status: string; path: string; depth: number };

describe('gonghui orgs list', () => {
  const env = { DATA_DIR: freshDataDir() };
  beforeAll(() => {
    expect(gonghui(['seed-demo', '--json'], env).code).toBe(0);
  }, 240_000);

  it('lists a subtree by code as JSON, in tree order, with parent codes, paths and depths', () => {
    const result = gonghui(['orgs', 'list', '--under', 'sx610113', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const rows: Row[] = JSON.parse(result.stdout);
    expect(rows[0]).toMatchObject({ code: 'SX610113', type: 'county', name: '西安市雁塔区总工会', parentCode: 'SX610100', status: 'active', depth: 2 });
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row.path.startsWith(rows[0]!.path)).toBe(true);
      expect(row.path.split('.').length - 2).toBe(row.depth);
    }
    // Depth first: every unit after its parent.
    const seen = new Set<string>();
    for (const row of rows.slice(1)) {
      expect(seen.has(row.parentCode!) || row.parentCode === 'SX610113').toBe(true);
      seen.add(row.code);
    }
  });

  it('filters by type and prints aligned columns with Chinese labels', () => {
    const result = gonghui(['orgs', 'list', '--type', 'city'], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^组织代码\s+类型\s+名称\s+上级代码\s+状态$/);
    expect(lines[1]).toMatch(/^SX610100\s+市\(区\)总工会\s+西安市总工会\s+SX610000\s+正常$/);
    expect(lines.at(-1)).toBe('共 13 个组织');
    // The status column starts at the same display column on every row.
    const statusColumn = (line: string) => displayWidth(line.slice(0, line.lastIndexOf(' ') + 1));
    expect(new Set(lines.slice(0, -1).map(statusColumn)).size).toBe(1);
  });

  it('refuses an unknown type with the valid codes (exit 2), and an unknown unit code (exit 1)', () => {
    const unknown = gonghui(['orgs', 'list', '--type', 'village'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的组织类型：village');
    expect(unknown.stderr).toMatch(/grassroots\s+基层工会/);
    expect(unknown.stderr).toContain('gonghui orgs list');
    const missing = gonghui(['orgs', 'list', '--under', 'NOPE', '--json'], env);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'NOT_FOUND', message: '没有组织代码为 NOPE 的组织' });
    expect(gonghui(['orgs'], env).code).toBe(2);
  });

  it('measures Chinese text as two columns a character when aligning', () => {
    expect(displayWidth('基层工会A')).toBe(9);
    expect(alignColumns([['代码', '名称'], ['SX1', '某工会']])).toBe('代码  名称\nSX1   某工会');
  });
});
