import { sql } from 'kysely';
import { inTransaction, type Executor } from '../db/transaction';
import { auditMac, GENESIS_MAC } from './audit-mac';
import { assertNoPersonalDataIn } from './personal-data-guard';

export type AuditCategoryName = 'auth' | 'write' | 'sensitive-read' | 'export' | 'admin';

export type AuditEventInput = {
  /** `module.verb`, e.g. `auth.login`, `members.reveal`, `orgs.move`. */
  action: string;
  category: AuditCategoryName;
  targetType?: string;
  targetId?: string | number;
  result?: 'success' | 'failure' | 'denied';
  reason?: string;
  details?: Record<string, unknown>;
};

export type AuditActor = { accountId: number | null; login: string | null; orgUnitId: number | null; orgPath: string | null };
export type AuditOrigin = { ip: string | null; userAgent: string | null; requestId: string | null };

// One chain, one writer at a time: the lock is held to the end of the
// writer's transaction, so chain order is commit order.
const AUDIT_CHAIN_LOCK = 7_320_001;

/**
 * Appends an event to the audit trail inside the caller's transaction: if the
 * change it records rolls back, so does the event, and if the event cannot be
 * written, the change fails.
 */
export async function recordAuditEvent(
  db: Executor,
  options: { key: Buffer; actor: AuditActor; origin: AuditOrigin; occurredAt: Date; event: AuditEventInput },
): Promise<void> {
  const { actor, origin, event } = options;
  const details = event.details ?? {};
  assertNoPersonalDataIn([details, event.targetId ?? null]);

  await inTransaction(db, async (tx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)})`.execute(tx);
    const last = await tx.selectFrom('audit_event').select('mac').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const anchor = last ? undefined : await tx.selectFrom('audit_anchor').select('anchor_mac').executeTakeFirst();
    const prevMac = last?.mac ?? anchor?.anchor_mac ?? GENESIS_MAC;
    const next = await sql<{ seq: number }>`select nextval(pg_get_serial_sequence('audit_event', 'seq')) as seq`.execute(tx);
    const seq = Number(next.rows[0]?.seq);

    const fields = {
      seq,
      occurredAt: options.occurredAt,
      actorAccountId: actor.accountId,
      actorLogin: actor.login,
      actorOrgUnitId: actor.orgUnitId,
      actorOrgPath: actor.orgPath,
      action: event.action,
      category: event.category,
      targetType: event.targetType ?? null,
      targetId: event.targetId === undefined ? null : String(event.targetId),
      result: event.result ?? 'success',
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
      requestId: origin.requestId,
      reason: event.reason ?? null,
      details,
    };
    await tx
      .insertInto('audit_event')
      .values({
        seq,
        occurred_at: fields.occurredAt,
        actor_account_id: fields.actorAccountId,
        actor_login: fields.actorLogin,
        actor_org_unit_id: fields.actorOrgUnitId,
        actor_org_path: fields.actorOrgPath,
        action: fields.action,
        category: fields.category,
        target_type: fields.targetType,
        target_id: fields.targetId,
        result: fields.result,
        ip: fields.ip,
        user_agent: fields.userAgent,
        request_id: fields.requestId,
        reason: fields.reason,
        details: JSON.stringify(details),
        prev_mac: prevMac,
        mac: auditMac(options.key, prevMac, fields),
      })
      .execute();
  });
}
