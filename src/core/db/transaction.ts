import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Runs `work` in a transaction, or inside the caller's when one is open, so a
 * use case can be called alone or as part of a larger unit of work.
 */
export async function inTransaction<T>(db: Executor, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    return work(db as Transaction<DB>);
  }
  return db.transaction().execute(work);
}
