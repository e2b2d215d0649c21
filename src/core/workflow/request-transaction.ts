import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { RequestContext } from '../http/request-context';

/**
 * The request's transaction. A step, its audit event and what the module
 * writes around it commit together or not at all, so the engine refuses to
 * write outside one (routes of an audited category always run in one).
 */
export function requestTransaction(ctx: RequestContext): Transaction<DB> {
  if (!ctx.db.isTransaction) {
    throw new Error('the workflow engine writes only inside the request transaction (a route of audit category write)');
  }
  return ctx.db as Transaction<DB>;
}
