import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/db/database';
import { baseEnv, freshDataDir, startServer } from './support/server-process';

const ROOT = new URL('../', import.meta.url).pathname;

function gonghui(args: string[], env: NodeJS.ProcessEnv, input = '') {
  const result = spawnSync(process.execPath, ['bin/gonghui.mjs', ...args], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gonghui CLI', () => {
  it('migrates and reports the version as JSON', () => {
    const dataDir = freshDataDir();
    const first = gonghui(['migrate', '--json'], { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.engine).toBe('pglite');
    expect(report.applied.length).toBeGreaterThan(0);
    const second = JSON.parse(gonghui(['migrate', '--json'], { DATA_DIR: dataDir }).stdout);
    expect(second.applied).toEqual([]);
    expect(second.version).toBe(report.version);
  });

  it('creates the first administrator on an empty platform, who can then sign in', async () => {
    const dataDir = freshDataDir();
    const env = { DATA_DIR: dataDir, GONGHUI_DEMO: '0' };
    const weak = gonghui(['create-admin', '--login', 'admin', '--name', '系统管理员', '--json'], env, 'short\n');
    expect(weak.code).toBe(1);
    expect(JSON.parse(weak.stdout).error).toEqual({ code: 'VALIDATION_FAILED', message: '密码至少 12 位', field: 'password' });

    const created = gonghui(['create-admin', '--login', 'admin', '--name', '系统管理员'], env, 'Strong-Passw0rd-2026\n');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('已创建根组织 陕西省总工会（SX610000）');

    const twice = gonghui(['create-admin', '--login', 'admin', '--name', '又一个'], env, 'Strong-Passw0rd-2026\n');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('账号 admin 已存在');

    const server = await startServer(env);
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: 'Strong-Passw0rd-2026' }),
      });
      expect(login.status).toBe(200);
      // A real administrator must set up the second factor before anything else.
      expect(await login.json()).toMatchObject({ stage: 'enrolment', me: null });
    } finally {
      await server.stop();
    }
  });

  it('seeds the demo province once and exits non-zero on an unknown command', () => {
    const dataDir = freshDataDir();
    const seeded = gonghui(['seed-demo', '--json'], { DATA_DIR: dataDir });
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.stdout).seeded).toBe(true);
    expect(JSON.parse(gonghui(['seed-demo', '--json'], { DATA_DIR: dataDir }).stdout).seeded).toBe(false);
    const unknown = gonghui(['frobnicate'], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令：frobnicate');
  });

  it('verifies the audit chain, and exits 1 with the first break after a tamper', async () => {
    const dataDir = freshDataDir();
    const server = await startServer({ DATA_DIR: dataDir, GONGHUI_DEMO: '1' });
    for (const password of ['wrong-one', 'Gonghui@2026']) {
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'sheng', password }),
      });
    }
    await server.stop();

    const intact = gonghui(['audit', 'verify', '--json'], { DATA_DIR: dataDir });
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toEqual({ events: 2, broken: 0, firstBreak: null });

    const database = await openDatabase({ engine: 'pglite', dataDir });
    await sql`alter table audit_event disable trigger user`.execute(database.kysely);
    await sql`update audit_event set result = 'success' where result = 'failure'`.execute(database.kysely);
    await database.close();

    const tampered = gonghui(['audit', 'verify', '--json'], { DATA_DIR: dataDir });
    expect(tampered.code).toBe(1);
    const report = JSON.parse(tampered.stdout);
    expect(report.broken).toBe(1);
    expect(report.firstBreak.reason).toBe('content');
    expect(gonghui(['audit', 'verify'], { DATA_DIR: dataDir }).stdout).toContain('审计链已被破坏');
  });
});
