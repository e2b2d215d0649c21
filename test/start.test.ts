import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { createPostgresTestDatabase, databaseUrl, dropPostgresDatabase } from '../src/core/db/testing-postgres';
import { freshDataDir, startServer } from './support/server-process';

describe('npm start on a fresh data directory', () => {
  it('migrates, seeds the demo province, serves the API, shuts down on Ctrl-C and restarts on the same data', async () => {
    const dataDir = freshDataDir();
    const first = await startServer({ DATA_DIR: dataDir, GONGHUI_DEMO: '1' });
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', engine: 'pglite' });
    expect(first.output()).toMatch(/控制台 \/ console:\s+http:\/\/localhost:\d+\//);
    expect(first.output()).toMatch(/演示数据 \/ demo:\s+已写入/);
    expect(first.output()).toMatch(/sheng\s+张卫东（陕西省总工会）/);

    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'sheng', password: 'Gonghui@2026' }),
    });
    expect(login.status).toBe(200);

    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('已关闭，数据已保存');
    expect(existsSync(`${dataDir}/PG_VERSION`)).toBe(true);

    // The second start reuses the data: no new migrations, no second seed, same accounts.
    const second = await startServer({ DATA_DIR: dataDir, GONGHUI_DEMO: '1' });
    expect(second.output()).toMatch(/迁移 \/ migrations:\s+0 个新应用/);
    expect(second.output()).not.toMatch(/已写入/);
    const again = await fetch(`${second.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'sheng', password: 'Gonghui@2026' }),
    });
    expect(again.status).toBe(200);
    expect(await second.stop()).toBe(0);
  });

  it('stops with a message naming a bad variable', async () => {
    await expect(startServer({ DATA_DIR: freshDataDir(), GONGHUI_DEMO: 'maybe' }, 20_000)).rejects.toThrow(
      /GONGHUI_DEMO="maybe": 应为 0 或 1/,
    );
  });

  it('starts an empty platform without demo data and says how to create the first administrator', async () => {
    const server = await startServer({ DATA_DIR: freshDataDir(), GONGHUI_DEMO: '0' });
    expect(server.output()).toContain('npx gonghui create-admin');
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'sheng', password: 'Gonghui@2026' }),
    });
    expect(login.status).toBe(401);
    expect(await server.stop()).toBe(0);
  });
});

// Registered only when CI (or a developer) provides PostgreSQL: describeEachEngine's rule.
if (inject('postgresTemplate')) describe('npm start on PostgreSQL', () => {
  it('serves on the database DATABASE_URL names, seeded once', async () => {
    const adminUrl = process.env.DATABASE_URL!;
    const name = await createPostgresTestDatabase(adminUrl, inject('postgresTemplate')!);
    try {
      const env = { DATABASE_URL: databaseUrl(adminUrl, name), DATA_DIR: freshDataDir() };
      const server = await startServer(env);
      expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ status: 'ok', engine: 'postgres' });
      expect(server.output()).toMatch(/数据库 \/ database:\s+PostgreSQL/);
      expect(server.output()).toMatch(/已写入/);
      expect(await server.stop()).toBe(0);
      const again = await startServer(env);
      expect(again.output()).not.toMatch(/已写入/);
      expect(await again.stop()).toBe(0);
    } finally {
      await dropPostgresDatabase(adminUrl, name);
    }
  });
});
