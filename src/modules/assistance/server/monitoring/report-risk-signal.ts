import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { requestTransaction } from '../../../../core/workflow/request-transaction';
import { type TRiskSignalInput, ZRiskSignalInput } from '../../monitoring-contract';
import { loadHousehold } from '../queries/load-household';
import { raiseReturnAlert } from './raise-return-alert';

/** 返困风险信号 reported by staff on a file in 返困监测 (raises or joins its 返困预警). */
export async function reportRiskSignal(ctx: RequestContext, householdId: number, raw: TRiskSignalInput) {
  const input = ZRiskSignalInput.parse(raw);
  const user = requireUser(ctx);
  const household = await loadHousehold(ctx, householdId, { lock: true });
  if (household.status !== 'monitoring') throw new AppError('CONFLICT', '只有脱困监测中的档案可以登记返困风险信号');
  if (input.occurredOn > beijingDate(ctx.now())) throw new AppError('VALIDATION_FAILED', '“发生日期”不能晚于今天', { field: 'occurredOn' });
  const raised = await raiseReturnAlert(
    requestTransaction(ctx),
    { householdId, kind: input.kind, occurredOn: input.occurredOn, source: 'staff', note: input.note ?? null },
    { at: ctx.now(), actor: { accountId: user.account.id, orgUnitId: user.org.id }, audit: ctx.audit },
  );
  if (!raised) throw new AppError('CONFLICT', '只有脱困监测中的档案可以登记返困风险信号');
  return raised;
}
