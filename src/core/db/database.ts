import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgres';

export type Database = {
  engine: Engine;
  kysely: Kysely<DB>;
  /** Runs a script of several statements in one transaction (migrations). */
  runScript(script: string): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` undefined keeps the database in memory; `loadDataDir` starts from a dump. */
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob };

// Type OIDs, so both engines hand back the same JavaScript values.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
// SQLSTATE 57P01: the server terminated the connection (shutdown, or a test database dropped).
const ADMIN_SHUTDOWN = '57P01';

// int8 (counts, sums) as numbers: our counts stay far below 2^53.
const parseInt8 = (value: string) => Number(value);
// date as 'YYYY-MM-DD' text: a calendar date has no time zone and must not shift.
const keepText = (value: string) => value;

pg.types.setTypeParser(INT8, parseInt8);
pg.types.setTypeParser(DATE, keepText);
pg.types.setTypeParser(NUMERIC, keepText);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.engine === 'postgres' ? openPostgres(options.url, options.poolSize) : openPGlite(options);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // JIT off: our queries are short index reads, and row-level security's predicates inflate the
  // planner's cost estimates past jit_above_cost — a household name search that matches nothing
  // spent most of its 0.75 s compiling (PostgreSQL 15, 100,000 files). The startup setting overrides
  // a database's or role's default; SET jit = on in a session still works for an operator's analysis.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // An idle pooled connection that the server drops (restart, failover, admin
  // termination) emits 'error'; unhandled, that would crash the process. The
  // pool replaces it on next use, so a note in the log is all it needs.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== ADMIN_SHUTDOWN) {
      console.error('PostgreSQL 空闲连接中断 / idle connection lost:', error.message);
    }
  });
  // Fail fast with the server's own message when the URL is wrong.
  const client = await pool.connect();
  client.release();
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pooled.add(kysely);
  return {
    engine: 'postgres',
    kysely,
    async runScript(script) {
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        await connection.query(script);
        await connection.query('commit');
      } catch (error) {
        await connection.query('rollback');
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => kysely.destroy(),
  };
}

async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  const pglite = new PGlite({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    parsers: { [INT8]: parseInt8, [DATE]: keepText, [NUMERIC]: keepText },
  });
  await pglite.waitReady;
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  const database: Database = {
    engine: 'pglite',
    kysely,
    async runScript(script) {
      // Hold Kysely's single connection so no other query interleaves.
      await kysely.connection().execute(() => pglite.transaction((tx) => tx.exec(script)));
    },
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
  };
  pgliteOf.set(database, pglite);
  return database;
}

const pgliteOf = new WeakMap<Database, PGlite>();
const pooled = new WeakSet<Kysely<DB>>();

/**
 * Whether this handle can run transactions side by side (a PostgreSQL pool).
 * PGlite has one connection: a second transaction opened inside a first waits for it forever.
 */
export const runsTransactionsInParallel = (db: Kysely<DB>): boolean => pooled.has(db);

/** PGlite only: a tarball of the data directory, for fast test databases. */
export async function dumpPGlite(database: Database): Promise<Blob> {
  const pglite = pgliteOf.get(database);
  if (!pglite) {
    throw new Error('dumpPGlite needs a PGlite database');
  }
  return pglite.dumpDataDir('none');
}
