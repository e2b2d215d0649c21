import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from './database';
import { type Migration, runMigrations } from './migrations';

/**
 * Test databases on a real PostgreSQL: one migrated template per test run,
 * and a `CREATE DATABASE … TEMPLATE` copy for each test (tens of milliseconds).
 */
const PREFIX = 'gonghui_test_';

export const databaseUrl = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresTemplate(url: string, migrations: Migration[]): Promise<string> {
  const template = `${PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdmin(url, (client) => client.query(`create database ${template}`));
  const database = await openDatabase({ engine: 'postgres', url: databaseUrl(url, template), poolSize: 1 });
  try {
    await runMigrations(database, migrations);
  } finally {
    await database.close();
  }
  return template;
}

export async function createPostgresTestDatabase(url: string, template: string): Promise<string> {
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdmin(url, (client) => client.query(`create database ${name} template ${template}`));
  return name;
}

export async function dropPostgresDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (client) => client.query(`drop database if exists ${name} with (force)`));
}

/** Drops every database this run's template made, the template last. */
export async function dropPostgresTestDatabases(url: string): Promise<void> {
  await withAdmin(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 order by length(datname) desc`,
      [`${PREFIX}${process.pid}_%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  });
}
