import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { UnitHandover } from '../../../../core/org/org-changes';

/**
 * True when `path` lies strictly below `abovePath`. A 督办 is issued, and an
 * assessment scheme assesses, only from a union above to unions below it
 * (issue-supervision.ts, scheme-fields.ts); a handover keeps that true.
 */
export const isStrictlyBelow = (path: string, abovePath: string) => path !== abovePath && path.startsWith(abovePath);

/** How the log names the change: 「甲」已撤销，工作由「乙」承接 / 「甲」已并入「乙」. */
export async function describeHandover(db: Kysely<DB>, handover: UnitHandover): Promise<string> {
  const names = await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', [handover.from.id, handover.to.id]).execute();
  const name = (id: number) => names.find((row) => row.id === id)?.name ?? String(id);
  return handover.kind === 'merged'
    ? `「${name(handover.from.id)}」已并入「${name(handover.to.id)}」`
    : `「${name(handover.from.id)}」已撤销，工作由「${name(handover.to.id)}」承接`;
}
