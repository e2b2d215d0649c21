import { sql, type Kysely } from 'kysely';
import { openField } from '../crypto/field-cipher';
import type { KeyRing } from '../crypto/keyring';
import type { DB } from '../db/schema';
import { MessageRejected, type MessageSender } from './message-sender';
import { nextAttemptAfter, OUTBOX_RETRY } from './outbox-retry';
import { OUTBOX_ADDRESS_CONTEXT } from './queue-message';

export type OutboxRunReport = { sent: number; retrying: number; failed: number };

/**
 * Sends the outbox's due messages. Each is claimed in a short transaction of
 * its own (attempt counted, pushed out of sight for the claim period; `skip
 * locked` lets two servers share the work), sent with no transaction open,
 * and its outcome recorded in another. The outbox row id is the dedupe key, so
 * a crash after the gateway accepted but before the record is written sends it
 * again under the same key, which the driver delivers once.
 */
export async function deliverOutbox(db: Kysely<DB>, options: { sender: MessageSender; ring: KeyRing; now: () => Date; onError?: (error: unknown, id: number) => void }): Promise<OutboxRunReport> {
  const report: OutboxRunReport = { sent: 0, retrying: 0, failed: 0 };
  const due = await db
    .selectFrom('message_outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', options.now())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(OUTBOX_RETRY.batchSize)
    .execute();
  for (const { id } of due) {
    const now = options.now();
    const claimed = await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('message_outbox')
        .selectAll()
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .forUpdate()
        .modifyEnd(sql`skip locked`)
        .executeTakeFirst();
      if (!row) return null;
      await tx
        .updateTable('message_outbox')
        .set({ attempts: row.attempts + 1, next_attempt_at: new Date(now.getTime() + OUTBOX_RETRY.claimMinutes * 60_000) })
        .where('id', '=', id)
        .execute();
      return { ...row, attempts: row.attempts + 1 };
    });
    if (!claimed) continue;
    try {
      const receipt = await options.sender.send({
        channel: claimed.channel,
        to: openField(options.ring, claimed.to_envelope, OUTBOX_ADDRESS_CONTEXT),
        template: claimed.template,
        params: (claimed.params ?? {}) as Record<string, string>,
        dedupeKey: `outbox-${claimed.id}`,
      });
      await db
        .updateTable('message_outbox')
        // Our clock, not the gateway's: the outbox's times compare with each other.
        .set({ sent_at: options.now(), provider_id: `${options.sender.driver}:${receipt.id}`.slice(0, 200), last_error: null })
        .where('id', '=', id)
        .execute();
      report.sent += 1;
    } catch (error) {
      options.onError?.(error, id);
      const failedAt = options.now();
      const retryAt = error instanceof MessageRejected ? null : nextAttemptAfter(claimed.attempts, failedAt);
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await db
        .updateTable('message_outbox')
        .set(retryAt ? { next_attempt_at: retryAt, last_error: reason } : { failed_at: failedAt, last_error: reason })
        .where('id', '=', id)
        .execute();
      if (retryAt) report.retrying += 1;
      else report.failed += 1;
    }
  }
  return report;
}
