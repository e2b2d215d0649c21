import type { Transaction } from 'kysely';
import type { AuditEventInput } from '../../../../core/audit/record-audit-event';
import type { DB } from '../../../../core/db/schema';
import { AppError } from '../../../../core/http/errors';
import { RISK_KINDS, type THardshipRiskSignal } from '../../monitoring-contract';
import { type RaisedAlert, raiseReturnAlert } from './raise-return-alert';

export type ReportOptions = {
  /** The caller's clock (a request's ctx.now()); default: now. */
  at?: Date;
  /** The caller's audit (ctx.audit): the signal and the step are then in its request's trail. */
  audit?: (event: AuditEventInput) => Promise<void>;
};

export type ReportResult = ({ status: 'alerted' } & RaisedAlert) | { status: 'not_monitored' };

/**
 * For other modules (exported by the module's index.ts): a person's serious
 * illness, job loss, accident or large medical expense, reported in the
 * caller's transaction. When the person is the main worker of a file in
 * 返困监测, the signal raises (or joins) its 返困预警; otherwise nothing happens
 * and the answer says so. The file is looked up in the caller's scope (row-level
 * security applies): a union sees only the files of its subtree.
 * The caller's use case audits its own action; passing `audit` also records the
 * signal and the workflow step in its trail (recommended).
 */
export async function reportHardshipRiskSignal(trx: Transaction<DB>, signal: THardshipRiskSignal, options: ReportOptions = {}): Promise<ReportResult> {
  if (!RISK_KINDS.includes(signal.kind)) throw new AppError('VALIDATION_FAILED', `返困风险信号类型无效：${String(signal.kind)}`, { field: 'kind' });
  if (!/^[a-z][a-z0-9_.]{1,39}$/.test(signal.source)) throw new Error(`reportHardshipRiskSignal: source must name the reporting module, got ${signal.source}`);
  const household = await trx
    .selectFrom('assistance_household')
    .select('id')
    .where('person_id', '=', signal.personId)
    .where('status', '=', 'monitoring')
    .executeTakeFirst();
  if (!household) return { status: 'not_monitored' };
  const raised = await raiseReturnAlert(
    trx,
    { householdId: household.id, kind: signal.kind, occurredOn: signal.occurredOn, source: signal.source, note: signal.note ?? null },
    { at: options.at ?? new Date(), actor: null, audit: options.audit ?? (async () => undefined) },
  );
  return raised ? { status: 'alerted', ...raised } : { status: 'not_monitored' };
}
