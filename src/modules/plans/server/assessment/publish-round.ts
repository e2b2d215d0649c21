import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TRanking } from '../../assessment-contract';
import { getRanking } from './get-round';
import { computeSheets } from './round-sheets';
import { rankByTotal } from './score-sheet';
import { loadRound, requireIssuer, requireOpen, schemeUnits } from './scheme-access';

/**
 * 发布考核结果: every assessed union's sheet is computed once more, ranked
 * and stored as the round's snapshot; from then on the round reads the
 * snapshot, so later reports, metric changes or scheme edits do not alter a
 * published result. Refused while a rule still waits for a reviewer's score.
 */
export async function publishRound(ctx: RequestContext, roundId: number): Promise<TRanking> {
  const user = requireUser(ctx);
  const { round, scheme } = await loadRound(ctx, roundId, { lock: true });
  requireIssuer(ctx, scheme, '发布考核结果');
  requireOpen(round, '发布');
  const units = await schemeUnits(ctx, scheme.id);
  const sheets = await computeSheets(ctx, scheme, round, units);
  for (const sheet of sheets) {
    for (const dimension of sheet.dimensions) {
      for (const item of dimension.items) {
        const waiting = item.rules.find((rule) => rule.needsEntry);
        if (waiting) throw new AppError('CONFLICT', `「${sheet.orgUnit.name}」的评分规则「${waiting.title}」尚未评分，请评分后再发布`, { field: 'status' });
      }
    }
  }
  const order = new Map(units.map((unit, index) => [unit.id, index]));
  const ranked = rankByTotal(sheets, (a, b) => order.get(a.orgUnit.id)! - order.get(b.orgUnit.id)!);
  const path = new Map(units.map((unit) => [unit.id, unit.path]));
  if (ranked.length > 0) {
    await ctx.db
      .insertInto('plans_assessment_result')
      .values(ranked.map((sheet) => ({ round_id: round.id, org_unit_id: sheet.orgUnit.id, org_path: path.get(sheet.orgUnit.id)!, issuer_path: scheme.org_path, total: sheet.total, rank: sheet.rank, sheet: JSON.stringify(sheet) })))
      .execute();
  }
  await ctx.db.updateTable('plans_assessment_round').set({ status: 'published', published_at: ctx.now(), published_by: user.account.id }).where('id', '=', round.id).execute();
  await ctx.audit({
    action: 'plans.assessment.publish',
    category: 'write',
    targetType: 'plans_assessment_round',
    targetId: round.id,
    details: { schemeId: scheme.id, units: ranked.length, totals: ranked.map((sheet) => [sheet.orgUnit.id, sheet.total, sheet.rank]) },
  });
  return getRanking(ctx, round.id);
}
