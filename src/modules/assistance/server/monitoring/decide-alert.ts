import { sql, type SqlBool } from 'kysely';
import { inCallerScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError, notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { takeTransition } from '../../../../core/workflow/engine';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '../../vocabulary';
import { loadFilingContext } from '../filing/filing-context';
import { describeAlerts } from './monitoring-views';

export type AlertDecision = 'reentry' | 'dismiss';

/**
 * A reviewer's decision on a 返困预警, as a step of the file's run: re-entry
 * sends the file back to the first review of the filing (history kept, the
 * exit ends as 返困); dismissal returns it to monitoring for the rest of its
 * period (the engine restarts the period's timer) with the reason on record.
 */
export async function decideAlert(ctx: RequestContext, alertId: number, decision: AlertDecision, input: { expectedVersion: number; reason: string }) {
  const user = requireUser(ctx);
  const alert = await ctx.db
    .selectFrom('assistance_return_alert')
    .select(['id', 'household_id', 'exit_id', 'status'])
    .where('id', '=', alertId)
    .where(inCallerScope(ctx, 'org_path'))
    .executeTakeFirst();
  if (!alert) throw notFound('返困预警');
  if (alert.status !== 'open') throw new AppError('CONFLICT', '该返困预警已研判');
  const filing = await loadFilingContext(ctx, alert.household_id, { lock: true });
  await takeTransition(ctx, filing.machine, filing.instance.id, decision === 'reentry' ? 'start_reentry' : 'dismiss_alert', {
    expectedVersion: input.expectedVersion,
    comment: input.reason,
    form: null,
    attachments: [],
    record: filing.record,
  });
  const now = ctx.now();
  await ctx.db
    .updateTable('assistance_return_alert')
    .set({ status: decision === 'reentry' ? 'reentered' : 'dismissed', decided_at: now, decided_by: user.account.id, decision_reason: input.reason })
    .where('id', '=', alertId)
    .execute();
  if (decision === 'reentry') {
    await ctx.db.updateTable('assistance_exit').set({ outcome: 'returned', ended_on: beijingDate(now) }).where('id', '=', alert.exit_id).execute();
  }
  await ctx.audit({
    action: decision === 'reentry' ? 'assistance.monitoring.reentry' : 'assistance.monitoring.dismiss_alert',
    category: 'write',
    targetType: 'assistance_household',
    targetId: alert.household_id,
    details: { alertId },
  });
  const [described] = await describeAlerts(ctx.db, sql<SqlBool>`a.id = ${alertId}`, 1);
  const status: HouseholdStatus = decision === 'reentry' ? 'first_review' : 'monitoring';
  return { alert: described!, status, statusLabel: HOUSEHOLD_STATUS_LABELS[status] };
}
