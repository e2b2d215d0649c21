import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { UnitHandover } from '../../../../core/org/org-changes';

/**
 * A dissolved or merged union's plan work goes to the receiving union: the
 * plans it issued and its local measures, the plans it received (unless the
 * receiver has them itself), what it issued and allocated, its reports, and
 * the reports it was to review. Where the receiver already holds the same
 * thing (a receipt, an allocation, a report of the same period) the
 * receiver's stays and the dissolved union's is dropped or, for reports, kept
 * where it was as history. Answers how many plans, measures, receipts and
 * reports the receiver took over.
 */
export async function handOverPlanWork(db: Kysely<DB>, handover: UnitHandover): Promise<number> {
  const { from: gone, to: heir } = handover;
  let count = 0;
  const add = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }[]) => {
    for (const row of result) count += Number(row.numUpdatedRows ?? row.numDeletedRows ?? 0);
  };
  // Owned rows: plans, their structure, local measures (the owner's path).
  add(await db.updateTable('plans_plan').set({ org_unit_id: heir.id, org_path: heir.path }).where('org_unit_id', '=', gone.id).execute());
  add(await db.updateTable('plans_measure').set({ org_unit_id: heir.id, org_path: heir.path }).where('org_unit_id', '=', gone.id).execute());
  for (const table of ['plans_section', 'plans_indicator', 'plans_measure_unit'] as const) {
    await db.updateTable(table).set({ org_path: heir.path }).where('org_path', '=', gone.path).execute();
  }
  // Responsibilities (责任单位) belong to the measure's owner, often above the acting union: a definer
  // function hands them over (migration 1815), checking both unions lie in the caller's subtree.
  await sql`select plans_hand_over_responsibility(${gone.id}, ${heir.id})`.execute(db);
  // Receipts: the heir's own receipt wins; issues the gone union made now come from the heir (never to itself).
  await db.deleteFrom('plans_issue').where('to_org_unit_id', '=', gone.id).where('plan_id', 'in', (eb) => eb.selectFrom('plans_issue').select('plan_id').where('to_org_unit_id', '=', heir.id)).execute();
  add(await db.updateTable('plans_issue').set({ to_org_unit_id: heir.id, to_path: heir.path }).where('to_org_unit_id', '=', gone.id).execute());
  await db.deleteFrom('plans_issue').where('from_org_unit_id', '=', gone.id).where('to_org_unit_id', '=', heir.id).execute();
  await db.updateTable('plans_issue').set({ from_org_unit_id: heir.id, from_path: heir.path }).where('from_org_unit_id', '=', gone.id).execute();
  // Allocations to and from it.
  await db.deleteFrom('plans_allocation').where('to_org_unit_id', '=', gone.id).where('indicator_id', 'in', (eb) => eb.selectFrom('plans_allocation').select('indicator_id').where('to_org_unit_id', '=', heir.id)).execute();
  await db.updateTable('plans_allocation').set({ to_org_unit_id: heir.id, to_path: heir.path }).where('to_org_unit_id', '=', gone.id).execute();
  await db.deleteFrom('plans_allocation').where('from_org_unit_id', '=', gone.id).where('to_org_unit_id', '=', heir.id).execute();
  await db.updateTable('plans_allocation').set({ from_org_unit_id: heir.id, from_path: heir.path }).where('from_org_unit_id', '=', gone.id).execute();
  // Reports: those it made (unless the heir reported the same measure and period), those it was to review.
  const reports = await db
    .updateTable('plans_report')
    .set({ org_unit_id: heir.id, org_path: heir.path })
    .where('org_unit_id', '=', gone.id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('plans_report as mine').select('mine.id').where('mine.org_unit_id', '=', heir.id).whereRef('mine.measure_id', '=', 'plans_report.measure_id').whereRef('mine.period', '=', 'plans_report.period'))),
    )
    .returning('id')
    .execute();
  if (reports.length > 0) {
    const ids = reports.map((report) => report.id);
    await db.updateTable('plans_report_figure').set({ org_path: heir.path }).where('report_id', 'in', ids).execute();
    await db.updateTable('plans_evidence').set({ org_path: heir.path }).where('report_id', 'in', ids).execute();
  }
  count += reports.length;
  await db.updateTable('plans_report').set({ reviewer_org_unit_id: heir.id }).where('reviewer_org_unit_id', '=', gone.id).execute();
  return count;
}
