import type { Transaction } from 'kysely';
import type { AuditEventInput } from '../../../../core/audit/record-audit-event';
import type { DB } from '../../../../core/db/schema';
import { applyStep, type StepActor } from '../../../../core/workflow/apply-step';
import type { AnyWorkflow } from '../../../../core/workflow/engine';
import { lockInstanceRow, toInstance } from '../../../../core/workflow/load-instance';
import type { RiskKind } from '../../monitoring-contract';
import { FILING_RECORD_TYPE, filingWorkflow } from '../filing/filing-workflow';

export type RiskSignalWrite = {
  householdId: number;
  kind: RiskKind;
  occurredOn: string;
  /** staff, callback, income_check, or the reporting module's name. */
  source: string;
  note: string | null;
};

export type RaiseOptions = {
  at: Date;
  /** The staff member who reported it; null for the system (a call-back's flags are staff's too). */
  actor: StepActor;
  audit: (event: AuditEventInput) => Promise<void>;
};

export type RaisedAlert = { alertId: number; signalId: number; isNewAlert: boolean };

const NO_INPUT = { comment: null, form: null, attachments: [] };

/**
 * A risk signal on a monitored file (状态“脱困监测中”): records the signal on the
 * file's open alert (返困预警), opening one if none stands, and moves the filing
 * run into `alert` — which cancels the monitoring period's timer, so the file
 * cannot close as 稳定脱困 until a reviewer decides. Returns null when the file
 * is not monitored. The step is taken through the kernel's applyStep as the
 * signal's reporter (or the system): a signal is a fact, not a request a user
 * may be refused, so there are no actor rules or guard to pass.
 */
export async function raiseReturnAlert(tx: Transaction<DB>, signal: RiskSignalWrite, options: RaiseOptions): Promise<RaisedAlert | null> {
  const instanceRow = await tx
    .selectFrom('workflow_instance')
    .select('id')
    .where('workflow_id', '=', filingWorkflow.id)
    .where('record_type', '=', FILING_RECORD_TYPE)
    .where('record_id', '=', String(signal.householdId))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const locked = instanceRow ? await lockInstanceRow(tx, instanceRow.id) : undefined;
  if (!locked || (locked.state !== 'monitoring' && locked.state !== 'alert')) return null;
  const household = await tx.selectFrom('assistance_household').select(['org_path', 'person_id']).where('id', '=', signal.householdId).executeTakeFirstOrThrow();
  const exit = await tx
    .selectFrom('assistance_exit')
    .select('id')
    .where('household_id', '=', signal.householdId)
    .where('outcome', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const open = await tx.selectFrom('assistance_return_alert').select('id').where('household_id', '=', signal.householdId).where('status', '=', 'open').executeTakeFirst();
  const alertId =
    open?.id ??
    (
      await tx
        .insertInto('assistance_return_alert')
        .values({ household_id: signal.householdId, exit_id: exit.id, org_path: household.org_path, raised_at: options.at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const inserted = await tx
    .insertInto('assistance_risk_signal')
    .values({
      household_id: signal.householdId,
      alert_id: alertId,
      org_path: household.org_path,
      person_id: household.person_id,
      kind: signal.kind,
      occurred_on: signal.occurredOn,
      source: signal.source,
      note: signal.note,
      reported_by: options.actor?.accountId ?? null,
      reported_at: options.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await options.audit({
    action: 'assistance.monitoring.risk_signal',
    category: 'write',
    targetType: 'assistance_household',
    targetId: signal.householdId,
    details: { signalId: inserted.id, alertId, kind: signal.kind, source: signal.source, isNewAlert: !open },
  });
  if (locked.state === 'monitoring') {
    await applyStep(tx, {
      machine: filingWorkflow as unknown as AnyWorkflow,
      instance: toInstance(locked),
      transition: 'raise_alert',
      input: NO_INPUT,
      actor: options.actor,
      at: options.at,
      audit: options.audit,
    });
  }
  return { alertId, signalId: inserted.id, isNewAlert: !open };
}
