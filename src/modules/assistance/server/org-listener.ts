import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../core/db/schema';
import type { OrgChangeListener, SubtreeMove, UnitHandover } from '../../../core/org/org-changes';
import { subtreeRange } from '../../../core/org/tree';
import './aid/aid-schema';
import { MONITORING_PATH_TABLES } from './monitoring/monitoring-tables';

/** Tables that copy their union's path (for scope and row-level security). */
const PATH_TABLES = [
  'assistance_household',
  'assistance_household_member',
  'assistance_household_file',
  'assistance_reverification_item',
  'assistance_aid_record',
  'assistance_aid_campaign_household',
  'assistance_aid_campaign',
  ...MONITORING_PATH_TABLES,
] as const;

/**
 * Keeps hardship files with their unions when the tree changes: a move
 * rewrites the copied paths; a dissolution or merger hands the unit's files
 * (with their members and evidence) to the receiving union — in the same
 * transaction as the change, as the workflow engine's listener hands over the
 * files' filing runs. Re-verification runs keep the scope they were run for.
 */
async function subtreeMoved(db: Kysely<DB>, move: SubtreeMove): Promise<void> {
  const { from, to } = subtreeRange(move.fromPath);
  for (const table of [...PATH_TABLES, 'assistance_reverification_run'] as const) {
    await sql`
      update ${sql.table(table)} set org_path = ${move.toPath} || substr(org_path, ${move.fromPath.length + 1})
      where org_path >= ${from} and org_path < ${to}
    `.execute(db);
  }
}

async function unitHandedOver(db: Kysely<DB>, handover: UnitHandover) {
  const moved = await db
    .updateTable('assistance_household')
    .set({ org_unit_id: handover.to.id, org_path: handover.to.path })
    .where('org_path', '=', handover.from.path)
    .where('org_unit_id', '=', handover.from.id)
    .executeTakeFirst();
  // A dissolved paying union's campaigns go with its files (records keep the union that paid: history).
  await db.updateTable('assistance_aid_campaign').set({ org_unit_id: handover.to.id, org_path: handover.to.path }).where('org_path', '=', handover.from.path).execute();
  for (const table of ['assistance_household_member', 'assistance_household_file', 'assistance_reverification_item', 'assistance_aid_record', 'assistance_aid_campaign_household'] as const) {
    await db.updateTable(table).set({ org_path: handover.to.path }).where('org_path', '=', handover.from.path).execute();
  }
  for (const table of MONITORING_PATH_TABLES) {
    await db.updateTable(table).set({ org_path: handover.to.path }).where('org_path', '=', handover.from.path).execute();
  }
  return { label: '困难职工档案', count: Number(moved.numUpdatedRows) };
}

export const assistanceOrgListener: OrgChangeListener = { subtreeMoved, unitHandedOver };
