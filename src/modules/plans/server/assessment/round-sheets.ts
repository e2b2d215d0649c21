import type { RequestContext } from '../../../../core/http/request-context';
import { type TScoreSheet, ZScoreSheet } from '../../assessment-contract';
import { pathInScope } from '../plan-access';
import { fromHundredths, toHundredths } from './fixed-point';
import { indicatorFigures } from './indicator-figures';
import { buildScoreSheet, rankByTotal } from './score-sheet';
import { type AssessedUnit, isIssuerSide, type RoundRow, type SchemeRow, schemeUnits, unitsInView } from './scheme-access';

export type RoundSheets = {
  asOf: string;
  /** In rank order; `rank` is null when the caller cannot see every assessed union of an open round (the rank depends on them). */
  sheets: (Omit<TScoreSheet, 'rank'> & { rank: number | null })[];
};

/**
 * Every score sheet of a round the caller may see. An open round is computed
 * now — the roll-up's figures, the reviewers' entries, the standing
 * adjustments — and ranked over all assessed unions; a published round is
 * read from its snapshot, which later data changes do not touch.
 */
export async function roundSheets(ctx: RequestContext, scheme: SchemeRow, round: RoundRow, options: { units?: AssessedUnit[] } = {}): Promise<RoundSheets> {
  if (round.status === 'published') {
    // The snapshot stands alone: the unions assessed when it was published, whatever the scheme's list
    // holds now (a union dissolved since leaves the list, not the published ranking: org-changes/).
    const asOf = round.published_at!.toISOString();
    const ids = options.units?.map((unit) => unit.id);
    if (ids?.length === 0) return { asOf, sheets: [] };
    let query = ctx.db.selectFrom('plans_assessment_result').select(['rank', 'sheet']).where('round_id', '=', round.id);
    if (ids) query = query.where('org_unit_id', 'in', ids);
    else if (!isIssuerSide(ctx, scheme)) query = query.where(pathInScope(ctx, 'org_path'));
    const rows = await query.orderBy('rank').orderBy('org_path').execute();
    return { asOf, sheets: rows.map((row) => ZScoreSheet.parse(row.sheet)) };
  }
  const all = await schemeUnits(ctx, scheme.id);
  const visible = options.units ?? unitsInView(ctx, scheme, all);
  // Ranks need every union's total: compute all when the caller sees all, else only theirs, unranked.
  const seesAll = isIssuerSide(ctx, scheme);
  const computed = await computeSheets(ctx, scheme, round, seesAll ? all : visible);
  if (!seesAll) return { asOf: ctx.now().toISOString(), sheets: computed.map((sheet) => ({ ...sheet, rank: null })) };
  const order = new Map(all.map((unit, index) => [unit.id, index]));
  const ranked = rankByTotal(computed, (a, b) => order.get(a.orgUnit.id)! - order.get(b.orgUnit.id)!);
  const wanted = new Set(visible.map((unit) => unit.id));
  return { asOf: ctx.now().toISOString(), sheets: ranked.filter((sheet) => wanted.has(sheet.orgUnit.id)) };
}

/** The live score sheets of `units` in an open round. */
export async function computeSheets(ctx: RequestContext, scheme: SchemeRow, round: RoundRow, units: AssessedUnit[]): Promise<Omit<TScoreSheet, 'rank'>[]> {
  if (units.length === 0) return [];
  const ids = units.map((unit) => unit.id);
  const [figures, entries, adjustments] = await Promise.all([
    indicatorFigures(ctx, scheme, units),
    ctx.db.selectFrom('plans_assessment_entry').select(['org_unit_id', 'node_key', 'value']).where('round_id', '=', round.id).where('org_unit_id', 'in', ids).execute(),
    ctx.db
      .selectFrom('plans_assessment_adjustment as j')
      .leftJoin('account as a', 'a.id', 'j.adjusted_by')
      .select(['j.org_unit_id', 'j.node_key', 'j.delta', 'j.reason', 'j.adjusted_at', 'a.name as by_name'])
      .where('j.round_id', '=', round.id)
      .where('j.org_unit_id', 'in', ids)
      .orderBy('j.id')
      .execute(),
  ]);
  return units.map((unit) => {
    const ownFigures = figures.get(unit.id) ?? new Map();
    const ownEntries = new Map(entries.filter((entry) => entry.org_unit_id === unit.id).map((entry) => [entry.node_key, Number(entry.value)]));
    const ownAdjustments = adjustments.filter((row) => row.org_unit_id === unit.id);
    return buildScoreSheet(scheme.tree, { id: unit.id, name: unit.name }, {
      indicator: (id) => ownFigures.get(id),
      entry: (key) => ownEntries.get(key) ?? null,
      adjustment: (key) => {
        const log = ownAdjustments.filter((row) => row.node_key === key);
        // The latest row states the item's adjustment from then on (0 withdraws it).
        const latest = log[log.length - 1];
        return {
          deltaHundredths: latest ? toHundredths(latest.delta) : 0,
          reason: latest && toHundredths(latest.delta) !== 0 ? latest.reason : null,
          log: log.map((row) => ({ delta: fromHundredths(toHundredths(row.delta)), reason: row.reason, by: row.by_name, at: row.adjusted_at.toISOString() })),
        };
      },
    });
  });
}
