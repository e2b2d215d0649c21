import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { SubtreeMove } from '../../../../core/org/org-changes';
import { subtreeRange } from '../../../../core/org/tree';

/**
 * Every copied path of the module: visibility (row-level security) reads
 * them, so they follow the tree. Each must be updatable by the union that
 * moves a subtree, within its scope (migration 2026-11-21T1810: the reminders,
 * the adjustment log and the published results may have their paths, and
 * nothing else, rewritten; a stale copy may be repaired on the receiving side
 * where the issuing union lies above the mover).
 */
export const PATH_COLUMNS: readonly [keyof DB & `plans_${string}`, string][] = [
  ['plans_plan', 'org_path'],
  ['plans_section', 'org_path'],
  ['plans_measure', 'org_path'],
  ['plans_measure_unit', 'org_path'],
  ['plans_indicator', 'org_path'],
  ['plans_issue', 'from_path'],
  ['plans_issue', 'to_path'],
  ['plans_allocation', 'from_path'],
  ['plans_allocation', 'to_path'],
  ['plans_report', 'org_path'],
  ['plans_report_figure', 'org_path'],
  ['plans_evidence', 'org_path'],
  ['plans_supervision', 'org_path'],
  ['plans_supervision', 'from_path'],
  ['plans_supervision_action', 'org_path'],
  ['plans_auto_reminder', 'org_path'],
  ['plans_assessment_scheme', 'org_path'],
  ['plans_assessment_unit', 'org_path'],
  ['plans_assessment_unit', 'issuer_path'],
  ['plans_assessment_round', 'issuer_path'],
  ['plans_assessment_entry', 'org_path'],
  ['plans_assessment_entry', 'issuer_path'],
  ['plans_assessment_adjustment', 'org_path'],
  ['plans_assessment_adjustment', 'issuer_path'],
  ['plans_assessment_result', 'org_path'],
  ['plans_assessment_result', 'issuer_path'],
];

/**
 * A move rewrites every copied path in the moved subtree. A union moved out
 * from under the union that issued it a plan keeps the plan (and its reports
 * keep their reviewer), though that reviewer no longer sees them.
 */
export async function followMove(db: Kysely<DB>, move: SubtreeMove): Promise<void> {
  const { from, to } = subtreeRange(move.fromPath);
  for (const [table, column] of PATH_COLUMNS) {
    await sql`
      update ${sql.table(table)} set ${sql.ref(column)} = ${move.toPath} || substr(${sql.ref(column)}, ${move.fromPath.length + 1})
      where ${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}
    `.execute(db);
  }
}
