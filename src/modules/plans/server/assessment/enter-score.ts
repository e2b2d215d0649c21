import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TRoundSheet, ZEntryRequest } from '../../assessment-contract';
import { formatHundredths, toHundredths } from './fixed-point';
import { getSheet } from './get-round';
import { loadRound, requireIssuer, requireOpen, schemeUnits } from './scheme-access';
import { nodesByKey } from './validate-scheme';

const invalid = (message: string, field: string) => new AppError('VALIDATION_FAILED', message, { field });

/**
 * 评分录入 for a rule a reviewer scores: a manual score (at most the rule's
 * weight), a measured value for bands without an indicator, or a bonus or
 * deduction — a whole count when the rule gives points per occurrence (the
 * ceiling then caps the result), else points within the ceiling. `null`
 * clears the entry. Rules measured from an indicator take no entry.
 */
export async function enterScore(ctx: RequestContext, roundId: number, request: z.output<typeof ZEntryRequest>): Promise<TRoundSheet> {
  const user = requireUser(ctx);
  const { round, scheme } = await loadRound(ctx, roundId, { lock: true });
  requireIssuer(ctx, scheme, '评分');
  requireOpen(round, '评分');
  const unit = (await schemeUnits(ctx, scheme.id)).find((candidate) => candidate.id === request.orgUnitId);
  if (!unit) throw new AppError('NOT_FOUND', '被考核单位不存在或无权访问', { field: 'orgUnitId' });
  const found = nodesByKey(scheme.tree).rules.get(request.ruleKey);
  if (!found) throw invalid('评分规则不存在，方案可能已修改，请刷新后重试', 'ruleKey');
  const { rule } = found;
  const name = `评分规则「${rule.title}」`;
  if (rule.kind === 'indicator' || (rule.kind === 'bands' && rule.basis !== 'entered')) throw invalid(`${name}按指标数据自动计分，无需录入`, 'ruleKey');
  const value = request.value;
  if (value !== null) {
    const hundredths = toHundredths(value);
    if (Math.abs(value * 100 - hundredths) > 1e-6) throw invalid('录入值至多保留两位小数', 'value');
    const weight = toHundredths(rule.weight);
    if (rule.kind === 'manual' && hundredths > weight) throw invalid(`${name}的得分不能超过满分 ${formatHundredths(weight)} 分`, 'value');
    if ((rule.kind === 'bonus' || rule.kind === 'deduction') && rule.pointsEach !== null && hundredths % 100 !== 0) throw invalid(`${name}按项计分，请填写项数（整数）`, 'value');
    if ((rule.kind === 'bonus' || rule.kind === 'deduction') && rule.pointsEach === null && hundredths > weight) {
      throw invalid(`${name}${rule.kind === 'bonus' ? '加' : '扣'}分不能超过上限 ${formatHundredths(weight)} 分`, 'value');
    }
  }
  const key = { round_id: round.id, org_unit_id: unit.id, node_key: rule.key };
  const previous = await ctx.db.selectFrom('plans_assessment_entry').select('value').where('round_id', '=', round.id).where('org_unit_id', '=', unit.id).where('node_key', '=', rule.key).executeTakeFirst();
  if (value === null) {
    await ctx.db.deleteFrom('plans_assessment_entry').where('round_id', '=', round.id).where('org_unit_id', '=', unit.id).where('node_key', '=', rule.key).execute();
  } else {
    const row = { value, note: request.note || null, entered_by: user.account.id, entered_at: ctx.now() };
    await ctx.db
      .insertInto('plans_assessment_entry')
      .values({ ...key, ...row, org_path: unit.path, issuer_path: scheme.org_path })
      .onConflict((conflict) => conflict.columns(['round_id', 'org_unit_id', 'node_key']).doUpdateSet(row))
      .execute();
  }
  await ctx.audit({
    action: 'plans.assessment.enter-score',
    category: 'write',
    targetType: 'plans_assessment_round',
    targetId: round.id,
    details: { orgUnitId: unit.id, ruleKey: rule.key, kind: rule.kind, value, previous: previous ? Number(previous.value) : null },
  });
  return getSheet(ctx, round.id, unit.id);
}
