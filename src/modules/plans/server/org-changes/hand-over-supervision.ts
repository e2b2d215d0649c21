import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { UnitHandover } from '../../../../core/org/org-changes';
import '../supervision/schema';
import { describeHandover, isStrictlyBelow } from './handover-terms';

/**
 * 督办 of a dissolved or merged union (the decisions are listed on
 * unitHandedOver in org-listener.ts). An open item addressed to the union
 * goes to the receiving union, one it issued is the receiving union's to
 * chase — each while the supervising union still lies above the supervised
 * one; otherwise (the receiving union would chase itself or a union not below
 * it) the item is closed with a line in its log saying why. Closed items stay
 * as they were, history, with the receiving union's path so it sees them; the
 * log follows its item's path. Automatic reminders keep the union that was
 * reminded and take the receiving union's path. Answers how many open items
 * the receiving union took over.
 */
export async function handOverSupervision(db: Kysely<DB>, handover: UnitHandover): Promise<number> {
  const { from: gone, to: heir } = handover;
  // Its staff were never told: the reminder job reminds the receiving union itself for the measures it is responsible for.
  await db.updateTable('plans_auto_reminder').set({ org_path: heir.path }).where('org_unit_id', '=', gone.id).execute();
  const items = await db
    .selectFrom('plans_supervision')
    .select(['id', 'org_unit_id', 'org_path', 'from_org_unit_id', 'from_path', 'status', 'version'])
    .where((eb) => eb.or([eb('org_unit_id', '=', gone.id), eb('from_org_unit_id', '=', gone.id)]))
    .orderBy('id')
    .forUpdate()
    .execute();
  if (items.length === 0) return 0;
  const at = new Date();
  const change = await describeHandover(db, handover);
  let count = 0;
  for (const item of items) {
    const target = item.org_unit_id === gone.id ? heir : { id: item.org_unit_id, path: item.org_path };
    const supervisor = item.from_org_unit_id === gone.id ? heir : { id: item.from_org_unit_id, path: item.from_path };
    const moves = target.path !== item.org_path;
    const repath = async () => {
      if (moves) await db.updateTable('plans_supervision_action').set({ org_path: target.path }).where('supervision_id', '=', item.id).execute();
    };
    if (item.status === 'closed') {
      if (moves) await db.updateTable('plans_supervision').set({ org_path: target.path }).where('id', '=', item.id).execute();
      await repath();
    } else if (isStrictlyBelow(target.path, supervisor.path)) {
      await db
        .updateTable('plans_supervision')
        .set({ org_unit_id: target.id, org_path: target.path, from_org_unit_id: supervisor.id, from_path: supervisor.path, version: item.version + 1, updated_at: at })
        .where('id', '=', item.id)
        .execute();
      await repath();
      count += 1;
    } else {
      await db.updateTable('plans_supervision').set({ status: 'closed', closed_at: at, org_path: target.path, version: item.version + 1, updated_at: at }).where('id', '=', item.id).execute();
      await repath();
      await db
        .insertInto('plans_supervision_action')
        .values({
          supervision_id: item.id,
          org_path: target.path,
          action: 'close',
          actor_account_id: handover.actorAccountId,
          actor_org_unit_id: heir.id,
          at,
          comment: `${change}；督办只由上级单位对下级单位进行，本督办事项随之办结。`,
        })
        .execute();
    }
  }
  return count;
}
