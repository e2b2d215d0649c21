import { inCallerScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError, notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { requestTransaction } from '../../../../core/workflow/request-transaction';
import { type TCallbackInput, ZCallbackInput } from '../../monitoring-contract';
import { findCallbacks } from './monitoring-views';
import { raiseReturnAlert } from './raise-return-alert';

/**
 * 回访 recorded by staff: date, contact result, the family's situation and
 * risk flags. Each flag is a risk signal (source `callback`) on the file's
 * 返困预警. Only a call-back of a running monitoring period may be recorded.
 */
export async function recordCallback(ctx: RequestContext, callbackId: number, raw: TCallbackInput) {
  const input = ZCallbackInput.parse(raw);
  const user = requireUser(ctx);
  const callback = await ctx.db
    .selectFrom('assistance_callback as c')
    .innerJoin('assistance_exit as e', 'e.id', 'c.exit_id')
    .select(['c.id', 'c.household_id', 'c.contacted_on', 'e.outcome', 'e.exited_on'])
    .where('c.id', '=', callbackId)
    .where(inCallerScope(ctx, 'c.org_path'))
    .forUpdate()
    .executeTakeFirst();
  if (!callback) throw notFound('回访任务');
  if (callback.contacted_on !== null) throw new AppError('CONFLICT', '该回访已登记');
  if (callback.outcome !== null) throw new AppError('CONFLICT', '该家庭的脱困监测已结束，无需回访');
  if (input.contactedOn > beijingDate(ctx.now())) throw new AppError('VALIDATION_FAILED', '“回访日期”不能晚于今天', { field: 'contactedOn' });
  if (input.contactedOn < callback.exited_on) throw new AppError('VALIDATION_FAILED', '“回访日期”不能早于脱困日期', { field: 'contactedOn' });
  await ctx.db
    .updateTable('assistance_callback')
    .set({
      contacted_on: input.contactedOn,
      contact_result: input.contactResult,
      situation: input.situation,
      risk_flags: input.riskFlags,
      recorded_by: user.account.id,
      recorded_at: ctx.now(),
    })
    .where('id', '=', callbackId)
    .execute();
  await ctx.audit({
    action: 'assistance.monitoring.callback',
    category: 'write',
    targetType: 'assistance_household',
    targetId: callback.household_id,
    details: { callbackId, contactResult: input.contactResult, riskFlags: input.riskFlags },
  });
  let alertId: number | null = null;
  for (const kind of input.riskFlags) {
    const raised = await raiseReturnAlert(
      requestTransaction(ctx),
      { householdId: callback.household_id, kind, occurredOn: input.contactedOn, source: 'callback', note: null },
      { at: ctx.now(), actor: { accountId: user.account.id, orgUnitId: user.org.id }, audit: ctx.audit },
    );
    alertId = raised?.alertId ?? alertId;
  }
  const [item] = (await findCallbacks(ctx, { filter: 'done', limit: 1, callbackId })).items;
  if (!item) throw new Error(`call-back ${callbackId} vanished`);
  return { callback: item, alertId };
}
