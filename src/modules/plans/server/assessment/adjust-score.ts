import type { z } from 'zod';
import { assertNoPersonalData } from '../../../../core/audit/personal-data-guard';
import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TRoundSheet, ZAdjustRequest } from '../../assessment-contract';
import { assessmentPolicyOn } from './assessment-policy';
import { formatHundredths, toHundredths } from './fixed-point';
import { getSheet } from './get-round';
import { loadRound, requireIssuer, requireOpen, schemeUnits } from './scheme-access';
import { isExtraRule, nodesByKey } from './validate-scheme';

/**
 * 调整得分: a reviewer sets an item's adjustment (+/−; 0 withdraws it) with a
 * reason. The computed score is never overwritten: the sheet shows computed,
 * adjustment and final side by side, every adjustment stays in the log (an
 * append-only table) and in the audit trail with its reason. An adjustment may
 * move an item by at most its weight (its ceilings, for a bonus/deduction-only
 * item) times the policy's share.
 */
export async function adjustScore(ctx: RequestContext, roundId: number, request: z.output<typeof ZAdjustRequest>): Promise<TRoundSheet> {
  const user = requireUser(ctx);
  const { round, scheme } = await loadRound(ctx, roundId, { lock: true });
  requireIssuer(ctx, scheme, '调整得分');
  requireOpen(round, '调整得分');
  const unit = (await schemeUnits(ctx, scheme.id)).find((candidate) => candidate.id === request.orgUnitId);
  if (!unit) throw new AppError('NOT_FOUND', '被考核单位不存在或无权访问', { field: 'orgUnitId' });
  const item = nodesByKey(scheme.tree).items.get(request.itemKey);
  if (!item) throw new AppError('VALIDATION_FAILED', '考核项目不存在，方案可能已修改，请刷新后重试', { field: 'itemKey' });
  try {
    assertNoPersonalData(request.reason);
  } catch {
    throw new AppError('VALIDATION_FAILED', '调整理由中请勿填写身份证号或手机号', { field: 'reason' });
  }
  const delta = toHundredths(request.delta);
  const base = toHundredths(item.weight) > 0 ? toHundredths(item.weight) : item.rules.filter(isExtraRule).reduce((total, rule) => total + toHundredths(rule.weight), 0);
  const limit = Math.round(base * assessmentPolicyOn(beijingDate(ctx.now())).maxAdjustmentShare);
  if (Math.abs(delta) > limit) throw new AppError('VALIDATION_FAILED', `考核项目「${item.title}」的调整幅度不能超过 ${formatHundredths(limit)} 分`, { field: 'delta' });

  const previous = await ctx.db
    .selectFrom('plans_assessment_adjustment')
    .select('delta')
    .where('round_id', '=', round.id)
    .where('org_unit_id', '=', unit.id)
    .where('node_key', '=', item.key)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  await ctx.db
    .insertInto('plans_assessment_adjustment')
    .values({ round_id: round.id, org_unit_id: unit.id, node_key: item.key, org_path: unit.path, issuer_path: scheme.org_path, delta: request.delta, reason: request.reason, adjusted_by: user.account.id, adjusted_at: ctx.now() })
    .execute();
  await ctx.audit({
    action: 'plans.assessment.adjust',
    category: 'write',
    targetType: 'plans_assessment_round',
    targetId: round.id,
    reason: request.reason,
    details: { orgUnitId: unit.id, itemKey: item.key, delta: request.delta, previous: previous ? Number(previous.delta) : 0 },
  });
  return getSheet(ctx, round.id, unit.id);
}
