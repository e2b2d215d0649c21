import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The chain starts from this value (a fresh platform, or before any anchor). */
export const GENESIS_MAC = 'genesis';

/** The fields an event's MAC covers, in a fixed order. */
export type AuditMacFields = {
  seq: number;
  occurredAt: Date;
  actorAccountId: number | null;
  actorLogin: string | null;
  actorOrgUnitId: number | null;
  actorOrgPath: string | null;
  action: string;
  category: string;
  targetType: string | null;
  targetId: string | null;
  result: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
};

/** HMAC-SM3 (GB/T 39786-2021 8.4 g) over the previous MAC and this event. */
export function auditMac(key: Buffer, prevMac: string, event: AuditMacFields): string {
  const content = canonicalJson([
    event.seq,
    event.occurredAt.toISOString(),
    event.actorAccountId,
    event.actorLogin,
    event.actorOrgUnitId,
    event.actorOrgPath,
    event.action,
    event.category,
    event.targetType,
    event.targetId,
    event.result,
    event.ip,
    event.userAgent,
    event.requestId,
    event.reason,
    event.details,
  ]);
  return createHmac('sm3', key).update(prevMac).update('\n').update(content).digest('hex');
}
