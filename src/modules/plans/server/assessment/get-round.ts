import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { requireUser } from '../../../../core/http/request-context';
import type { TRanking, TRoundSheet } from '../../assessment-contract';
import { fromHundredths, toHundredths } from './fixed-point';
import { roundSheets } from './round-sheets';
import { loadRound, roundView } from './scheme-access';

/** 排名: the assessed unions the caller may see, by total; ties share a rank. */
export async function getRanking(ctx: RequestContext, roundId: number): Promise<TRanking> {
  const { round, scheme } = await loadRound(ctx, roundId);
  const { asOf, sheets } = await roundSheets(ctx, scheme, round);
  return {
    round: roundView(round),
    scheme: { id: scheme.id, title: scheme.title, fullScore: fromHundredths(toHundredths(scheme.full_score)) },
    asOf,
    rows: sheets.map((sheet) => ({
      orgUnit: sheet.orgUnit,
      rank: sheet.rank,
      total: sheet.total,
      computed: sheet.computed,
      adjustment: sheet.adjustment,
      dimensions: sheet.dimensions.map((dimension) => ({ key: dimension.key, final: dimension.final })),
    })),
    dimensions: (sheets[0]?.dimensions ?? scheme.tree).map((dimension) => ({ key: dimension.key, title: dimension.title, weight: dimension.weight })),
  };
}

/** 评分表 of one assessed union. */
export async function getSheet(ctx: RequestContext, roundId: number, orgUnitId: number): Promise<TRoundSheet> {
  const { round, scheme } = await loadRound(ctx, roundId);
  // The sheets the caller may see: an open round's assessed unions in view, a published round's snapshot in view.
  const { asOf, sheets } = await roundSheets(ctx, scheme, round);
  const sheet = sheets.find((candidate) => candidate.orgUnit.id === orgUnitId);
  if (!sheet) throw new AppError('NOT_FOUND', '被考核单位不存在或无权访问', { field: 'orgUnitId' });
  const user = requireUser(ctx);
  return { round: roundView(round), asOf, sheet, canScore: round.status === 'open' && user.org.id === scheme.org_unit_id && user.permissions.has('plans.review') };
}
