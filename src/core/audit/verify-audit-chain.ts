import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { auditMac, GENESIS_MAC } from './audit-mac';

export type AuditChainReport = {
  events: number;
  /** Events whose MAC or link to the previous event does not verify; 0 when intact. */
  broken: number;
  firstBreak: { seq: number; reason: 'content' | 'link' } | null;
};

const PAGE = 5_000;

/** Walks the whole chain in seq order, recomputing every MAC (`gonghui audit verify`). */
export async function verifyAuditChain(db: Kysely<DB>, key: Buffer): Promise<AuditChainReport> {
  const anchor = await db.selectFrom('audit_anchor').select('anchor_mac').executeTakeFirst();
  let expectedPrev = anchor?.anchor_mac ?? GENESIS_MAC;
  let lastSeq = 0;
  let events = 0;
  let broken = 0;
  let firstBreak: AuditChainReport['firstBreak'] = null;

  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      events += 1;
      const seq = Number(row.seq);
      const recomputed = auditMac(key, row.prev_mac, {
        seq,
        occurredAt: row.occurred_at,
        actorAccountId: row.actor_account_id,
        actorLogin: row.actor_login,
        actorOrgUnitId: row.actor_org_unit_id,
        actorOrgPath: row.actor_org_path,
        action: row.action,
        category: row.category,
        targetType: row.target_type,
        targetId: row.target_id,
        result: row.result,
        ip: row.ip,
        userAgent: row.user_agent,
        requestId: row.request_id,
        reason: row.reason,
        details: row.details,
      });
      const reason = recomputed !== row.mac ? 'content' : row.prev_mac !== expectedPrev ? 'link' : null;
      if (reason) {
        broken += 1;
        firstBreak ??= { seq, reason };
      }
      expectedPrev = row.mac;
      lastSeq = seq;
    }
    if (rows.length < PAGE) {
      return { events, broken, firstBreak };
    }
  }
}
