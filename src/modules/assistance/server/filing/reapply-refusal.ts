import type { GuardStep } from '../../../../core/workflow/engine';
import { UNMONITORED_EXIT_REASONS } from '../../monitoring-contract';

export const REAPPLY_AFTER_CLOSING_REFUSAL = '该档案因死亡或迁出销档，不能在此重新申请；迁出的家庭请在现居住地工会申请建档';

/**
 * A closed file may be applied on again only when the family left hardship
 * (稳定脱困 or another exit that was monitored): a file closed for death or for
 * moving away has nobody here to help, so it stays closed.
 */
export async function reapplyRefusal(step: GuardStep<string>): Promise<string | null> {
  const last = await step.db
    .selectFrom('assistance_exit')
    .select('reason')
    .where('household_id', '=', Number(step.instance.recordId))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last && UNMONITORED_EXIT_REASONS.includes(last.reason as never) ? REAPPLY_AFTER_CLOSING_REFUSAL : null;
}
