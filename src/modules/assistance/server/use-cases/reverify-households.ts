import { type SqlBool, sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import { REVERIFICATION_PROPOSALS_SHOWN, type TReverificationResult } from '../../household-contract';
import { reverificationOutcome } from '../../rules/reverification-outcome';
import { REVERIFICATION_OUTCOME_LABELS } from '../../vocabulary';
import { loadRuleSnapshot } from '../classification/rule-snapshot';
import { FIGURE_COLUMNS, figuresFromRow } from '../household/household-figures';

/** Households read, classified and written per batch: a city's files in a few dozen round trips. */
const BATCH = 2_000;

type Cursor = { path: string; id: number };

/** The next filed households of the subtree after `after`, in (union path, id) order, with what the classifier reads. */
function readFiledBatch(ctx: RequestContext, rootPath: string, after: Cursor | null) {
  return ctx.db
    .selectFrom('assistance_household as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .select(['h.id', 'h.org_path', 'h.filed_tier', 'h.tier', 'h.region_code', 'h.dibao_area', 'p.name', ...FIGURE_COLUMNS.map((column) => `h.${column}` as const)])
    .where(subtreeOf('h.org_path', rootPath))
    .where('h.status', '=', 'filed')
    .$if(after !== null, (query) => query.where(sql<SqlBool>`((h.org_path, h.id) > (${after!.path}, ${after!.id}))`))
    .orderBy('h.org_path')
    .orderBy('h.id')
    .limit(BATCH)
    .execute();
}

/**
 * 年度复核 of every filed household of a subtree (a city's files in one run):
 * each is classified again with its figures on file and the rules and 低保
 * standards in force on `on` (one snapshot for the run), and the run records,
 * per household, the tier it was filed with, the tier it now has, the outcome
 * (keep / change tier / exit) and the explanation. Proposals only: applying an
 * exit or a new tier is a reviewer's decision (the exit slice).
 */
export async function reverifyHouseholds(ctx: RequestContext, request: { orgUnitId: number; on?: string | undefined }): Promise<TReverificationResult> {
  const user = requireUser(ctx);
  const rootPath = await orgPathInScope(ctx, request.orgUnitId);
  const day = request.on ?? beijingDate(ctx.now());
  const snapshot = await loadRuleSnapshot(ctx.db, day);
  const run = await ctx.db
    .insertInto('assistance_reverification_run')
    .values({ org_unit_id: request.orgUnitId, org_path: rootPath, rules_day: day, run_at: ctx.now(), actor_account_id: user.account.id, households: 0, keep_count: 0, change_count: 0, exit_count: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();

  const counts = { keep: 0, change_tier: 0, exit: 0 };
  const proposals: TReverificationResult['proposals'] = [];
  let cursor: Cursor | null = null;
  for (;;) {
    const rows = await readFiledBatch(ctx, rootPath, cursor);
    if (rows.length === 0) break;
    const items = rows.map((row) => {
      const previous = row.filed_tier ?? row.tier;
      const result = snapshot.classify(figuresFromRow(row), { region: row.region_code, area: row.dibao_area });
      const outcome = reverificationOutcome(previous, result.tier);
      counts[outcome] += 1;
      if (outcome !== 'keep' && proposals.length < REVERIFICATION_PROPOSALS_SHOWN) {
        proposals.push({ householdId: row.id, name: row.name, previousTier: previous, proposedTier: result.tier, outcome, outcomeLabel: REVERIFICATION_OUTCOME_LABELS[outcome], reasons: result.reasons });
      }
      return {
        run_id: run.id,
        household_id: row.id,
        org_path: row.org_path,
        previous_tier: previous,
        proposed_tier: result.tier,
        outcome,
        per_capita_monthly: result.perCapitaMonthly,
        dibao_monthly: result.dibao,
        reasons: JSON.stringify(result.reasons),
      };
    });
    await ctx.db.insertInto('assistance_reverification_item').values(items).execute();
    await ctx.db.updateTable('assistance_household').set({ last_verified_on: day }).where('id', 'in', rows.map((row) => row.id)).execute();
    const last = rows.at(-1)!;
    cursor = { path: last.org_path, id: last.id };
    if (rows.length < BATCH) break;
  }

  const households = counts.keep + counts.change_tier + counts.exit;
  await ctx.db
    .updateTable('assistance_reverification_run')
    .set({ households, keep_count: counts.keep, change_count: counts.change_tier, exit_count: counts.exit })
    .where('id', '=', run.id)
    .execute();
  await ctx.audit({
    action: 'assistance.reverification.run',
    category: 'write',
    targetType: 'assistance_reverification_run',
    targetId: run.id,
    details: { orgUnitId: request.orgUnitId, on: day, households, keep: counts.keep, changeTier: counts.change_tier, exit: counts.exit },
  });
  return { runId: run.id, on: day, households, keep: counts.keep, changeTier: counts.change_tier, exit: counts.exit, proposals };
}
