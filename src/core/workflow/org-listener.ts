import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import type { OrgChangeListener, SubtreeMove, UnitHandover } from '../org/org-changes';
import { subtreeRange } from '../org/tree';

/**
 * Keeps workflow instances with their records when the tree changes: a move
 * rewrites the copied paths; a dissolution or merger hands the unit's
 * instances to the receiving union, as the module's listener hands over the
 * records themselves (so the same union sees the record and its workflow).
 */
async function subtreeMoved(db: Kysely<DB>, move: SubtreeMove): Promise<void> {
  const { from, to } = subtreeRange(move.fromPath);
  await sql`
    update workflow_instance set org_path = ${move.toPath} || substr(org_path, ${move.fromPath.length + 1})
    where org_path >= ${from} and org_path < ${to}
  `.execute(db);
}

async function unitHandedOver(db: Kysely<DB>, handover: UnitHandover) {
  const moved = await db
    .updateTable('workflow_instance')
    .set({ org_unit_id: handover.to.id, org_path: handover.to.path })
    .where('org_path', '=', handover.from.path)
    .where('org_unit_id', '=', handover.from.id)
    .executeTakeFirst();
  return { label: '审批流程', count: Number(moved.numUpdatedRows) };
}

export const workflowOrgListener: OrgChangeListener = { subtreeMoved, unitHandedOver };
