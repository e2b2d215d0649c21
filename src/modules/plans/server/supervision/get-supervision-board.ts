import { beijingDate } from '../../../../core/files/beijing-time';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import { PLANS_SUPERVISE, PLANS_WRITE, type TMeasureCadence } from '../../contract';
import type { TSupervisionBoard, TSupervisionFlag, TSupervisionItem } from '../../supervision-contract';
import { getRollup } from '../queries/get-rollup';
import { loadPlan, pathInScope } from '../plan-access';
import { lastDuePeriod } from './last-due-period';
import { reportedPeriods } from './reported-periods';
import { supervisionRuleOn } from './supervision-rule';

/**
 * The 督办 board of a plan for the caller: flags — each measure that is
 * overdue or at risk at the caller's union or at any union in its subtree that
 * holds the plan (the unions it issued to, and theirs in turn: a city sees its
 * counties' and grassroots unions' flags, each named with its level) — and the
 * 督办 items in the caller's subtree with their logs.
 *
 * Flags are computed now, from the roll-up over the whole subtree
 * (get-rollup.ts with `subtree`: the traffic-light rules, indicator progress
 * against the time-proportional target, what the reporting unions say), plus
 * one check of this module's own: a periodic measure whose last due period has
 * no submitted or accepted report from the union's subtree is at risk
 * (plans_supervision_rule.report_grace_days). Nothing is stored, so nothing
 * goes stale. The subtree's unions and reports are read in one query each,
 * whatever its size (reported-periods.ts).
 */
export async function getSupervisionBoard(ctx: RequestContext, planId: number): Promise<TSupervisionBoard> {
  const user = requireUser(ctx);
  const plan = await loadPlan(ctx, planId);
  const rollup = await getRollup(ctx, plan.id, {}, { subtree: true });
  const today = beijingDate(ctx.now());
  const rule = await supervisionRuleOn(ctx.db, today);
  const planRow = await ctx.db.selectFrom('plans_plan').select('confirmed_at').where('id', '=', plan.id).executeTakeFirstOrThrow();
  const start = planRow.confirmed_at ? beijingDate(planRow.confirmed_at) : null;
  const root = await ctx.db.selectFrom('org_unit').select(['id', 'name', 'type', 'path']).where('id', '=', rollup.orgUnit.id).executeTakeFirstOrThrow();

  const measureIds = rollup.measures.map((measure) => measure.id);
  const [holders, cadences, items] = await Promise.all([
    // The roll-up's columns below the root: every union of its subtree the plan was issued to.
    ctx.db
      .selectFrom('plans_issue as i')
      .innerJoin('org_unit as o', 'o.id', 'i.to_org_unit_id')
      .select(['o.id', 'o.name', 'o.type', 'o.path'])
      .where('i.plan_id', '=', plan.id)
      .where(subtreeOf('i.to_path', root.path))
      .execute(),
    measureIds.length === 0 ? [] : ctx.db.selectFrom('plans_measure').select(['id', 'cadence']).where('id', 'in', measureIds).execute(),
    listItems(ctx, plan.id),
  ]);
  const unitOf = new Map([root, ...holders].map((unit) => [unit.id, unit]));
  // The reporting period each periodic measure should have been reported for by now (null: none yet).
  const due = new Map(cadences.map((row) => [row.id, lastDuePeriod(row.cadence as TMeasureCadence | null, today, start, rule.reportGraceDays)]));
  const reported = await reportedPeriods(ctx, plan.id, root.path, due);

  const canSupervise = user.permissions.has(PLANS_SUPERVISE);
  const flags: TSupervisionFlag[] = [];
  for (const measure of rollup.measures) {
    // Tree order: a union, then the unions below it.
    const standings = [{ ...measure.at, orgUnitId: root.id }, ...measure.children]
      .flatMap((standing) => {
        const unit = unitOf.get(standing.orgUnitId);
        return unit ? [{ standing, unit }] : [];
      })
      .sort((a, b) => (a.unit.path < b.unit.path ? -1 : a.unit.path > b.unit.path ? 1 : 0));
    for (const { standing, unit } of standings) {
      const reasons: string[] = [];
      if (standing.isOverdue || standing.isAtRisk) reasons.push(standing.reason);
      const isDone = standing.progress === 'done' || (standing.completion !== null && standing.completion >= 100) || standing.reason === '已完成';
      const owed = due.get(measure.id);
      if (owed && !isDone && !standing.isOverdue && !reported.has(measure.id, owed.period, unit.path)) {
        reasons.push(`${owed.period} 期进展逾期未报送（应于 ${owed.endsOn} 后 ${rule.reportGraceDays} 日内报送）`);
      }
      if (reasons.length === 0) continue;
      flags.push({
        measureId: measure.id,
        measureNo: measure.no,
        measureTitle: measure.title,
        deadline: measure.deadline,
        orgUnit: { id: unit.id, name: unit.name, type: unit.type },
        flag: standing.isOverdue ? 'overdue' : 'at_risk',
        reasons,
        canSupervise: canSupervise && unit.id !== user.org.id && unit.path.startsWith(user.org.path),
        openItems: items.filter((item) => item.measureId === measure.id && item.orgUnit.id === unit.id && item.status !== 'closed').length,
      });
    }
  }
  return { planId: plan.id, asOf: ctx.now().toISOString(), orgUnit: rollup.orgUnit, flags, items };
}

/** The plan's 督办 items in the caller's subtree, newest first, each with its log. */
export async function listItems(ctx: RequestContext, planId: number, onlyId?: number): Promise<TSupervisionItem[]> {
  const user = requireUser(ctx);
  let query = ctx.db
    .selectFrom('plans_supervision as s')
    .innerJoin('plans_measure as m', 'm.id', 's.measure_id')
    .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
    .innerJoin('org_unit as f', 'f.id', 's.from_org_unit_id')
    .select([
      's.id', 's.measure_id', 'm.no', 'm.title', 's.org_unit_id', 'o.name as org_name', 's.from_org_unit_id', 'f.name as from_name', 's.from_path',
      's.kind', 's.status', 's.reply_due_on', 's.expected_completion_on', 's.version', 's.created_at',
    ])
    .where('s.plan_id', '=', planId)
    .where(pathInScope(ctx, 's.org_path'))
    .orderBy('s.id', 'desc');
  if (onlyId !== undefined) query = query.where('s.id', '=', onlyId);
  const rows = await query.execute();
  const actions =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom('plans_supervision_action as a')
          .leftJoin('account as u', 'u.id', 'a.actor_account_id')
          .innerJoin('org_unit as o', 'o.id', 'a.actor_org_unit_id')
          .select(['a.id', 'a.supervision_id', 'a.action', 'u.name as actor', 'o.name as actor_org', 'a.at', 'a.comment', 'a.expected_completion_on', 'a.sms_queued'])
          .where('a.supervision_id', 'in', rows.map((row) => row.id))
          .orderBy('a.id')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    measureId: row.measure_id,
    measureNo: row.no,
    measureTitle: row.title,
    orgUnit: { id: row.org_unit_id, name: row.org_name },
    fromOrgUnit: { id: row.from_org_unit_id, name: row.from_name },
    kind: row.kind,
    status: row.status,
    replyDueOn: row.reply_due_on,
    expectedCompletionOn: row.expected_completion_on,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    canReply: row.status !== 'closed' && row.org_unit_id === user.org.id && user.permissions.has(PLANS_WRITE),
    canClose: row.status !== 'closed' && row.from_path.startsWith(user.org.path) && user.permissions.has(PLANS_SUPERVISE),
    actions: actions
      .filter((action) => action.supervision_id === row.id)
      .map((action) => ({
        id: action.id,
        action: action.action,
        actor: action.actor,
        actorOrgUnit: action.actor_org,
        at: action.at.toISOString(),
        comment: action.comment,
        expectedCompletionOn: action.expected_completion_on,
        smsQueued: action.sms_queued,
      })),
  }));
}
