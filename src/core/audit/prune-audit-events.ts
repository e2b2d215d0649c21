import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** 等保 level 3 and 网络安全法 第二十一条: logs are kept online for at least six months. */
export const MIN_RETENTION_DAYS = 180;

/**
 * The retention job: removes events older than the retention period (never
 * less than 180 days) and anchors the chain at the last removed event's MAC,
 * so `audit verify` still proves the remaining chain. The database trigger
 * allows this delete only inside this job's transaction and only for events
 * older than 180 days, whatever a caller passes.
 */
export async function pruneAuditEvents(
  db: Kysely<DB>,
  options: { now: Date; retentionDays: number },
): Promise<{ removed: number; retentionDays: number }> {
  const retentionDays = Math.max(MIN_RETENTION_DAYS, options.retentionDays);
  const cutoff = new Date(options.now.getTime() - retentionDays * 86_400_000);
  return db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom('audit_event')
      .select(['seq', 'mac'])
      .where('occurred_at', '<', cutoff)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) {
      return { removed: 0, retentionDays };
    }
    await sql`select set_config('gonghui.audit_retention', 'on', true)`.execute(tx);
    // Prune a prefix of the chain only: everything up to the last old event.
    const result = await tx.deleteFrom('audit_event').where('seq', '<=', last.seq).executeTakeFirst();
    await tx
      .insertInto('audit_anchor')
      .values({ id: 1, anchored_seq: last.seq, anchor_mac: last.mac })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ anchored_seq: last.seq, anchor_mac: last.mac }))
      .execute();
    return { removed: Number(result.numDeletedRows), retentionDays };
  });
}
