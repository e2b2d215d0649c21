import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { UnitHandover } from '../../../../core/org/org-changes';
import '../assessment/assessment-schema';
import { describeHandover, isStrictlyBelow } from './handover-terms';

/** The log's reason column holds at most 500 characters (migration 1720). */
const REASON_MAX = 500;

/**
 * 考核 of a dissolved or merged union (the decisions are listed on
 * unitHandedOver in org-listener.ts): the schemes it issued, then its places
 * as an assessed union. Answers how many schemes and places the receiving
 * union took over.
 */
export async function handOverAssessment(db: Kysely<DB>, handover: UnitHandover): Promise<number> {
  return (await takeOverIssuedSchemes(db, handover)) + (await takeOverAssessedPlaces(db, handover));
}

/**
 * The receiving union becomes the issuing union (考核单位) of the gone union's
 * schemes, and every copy of the issuer's path follows — in published rounds
 * too: that path is what lets the issuing side see them; scores stay as they are.
 */
async function takeOverIssuedSchemes(db: Kysely<DB>, { from: gone, to: heir }: UnitHandover): Promise<number> {
  const schemes = await db.updateTable('plans_assessment_scheme').set({ org_unit_id: heir.id, org_path: heir.path }).where('org_unit_id', '=', gone.id).returning('id').execute();
  if (schemes.length === 0) return 0;
  const ids = schemes.map((scheme) => scheme.id);
  await db.updateTable('plans_assessment_round').set({ issuer_path: heir.path }).where('scheme_id', 'in', ids).execute();
  await db.updateTable('plans_assessment_unit').set({ issuer_path: heir.path }).where('scheme_id', 'in', ids).execute();
  const rounds = (await db.selectFrom('plans_assessment_round').select('id').where('scheme_id', 'in', ids).execute()).map((round) => round.id);
  if (rounds.length > 0) {
    await db.updateTable('plans_assessment_entry').set({ issuer_path: heir.path }).where('round_id', 'in', rounds).execute();
    await db.updateTable('plans_assessment_adjustment').set({ issuer_path: heir.path }).where('round_id', 'in', rounds).execute();
    await db.updateTable('plans_assessment_result').set({ issuer_path: heir.path }).where('round_id', 'in', rounds).execute();
  }
  return schemes.length;
}

/**
 * The gone union leaves every scheme that assessed it. Its place goes to the
 * receiving union when that union may be assessed by the scheme (strictly
 * below the issuer) and is not assessed by it already; its open rounds' scores
 * then carry on there. Published results keep the gone union (a snapshot) and
 * take the receiving union's path. Row-level security leaves the places in
 * schemes issued above the acting union to their issuer, who edits the scheme.
 */
async function takeOverAssessedPlaces(db: Kysely<DB>, handover: UnitHandover): Promise<number> {
  const { from: gone, to: heir } = handover;
  const places = await db.deleteFrom('plans_assessment_unit').where('org_unit_id', '=', gone.id).returning(['scheme_id', 'issuer_path']).execute();
  let count = 0;
  for (const place of places) {
    // The list changed: an editor holding the old version must reload (409) rather than put the gone union back.
    await db.updateTable('plans_assessment_scheme').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', place.scheme_id).execute();
    const rounds = await db.selectFrom('plans_assessment_round').select(['id', 'status']).where('scheme_id', '=', place.scheme_id).execute();
    const published = rounds.filter((round) => round.status === 'published').map((round) => round.id);
    const open = rounds.filter((round) => round.status === 'open').map((round) => round.id);
    if (published.length > 0) {
      await db.updateTable('plans_assessment_result').set({ org_path: heir.path }).where('round_id', 'in', published).where('org_unit_id', '=', gone.id).execute();
    }
    const assessed = await db.selectFrom('plans_assessment_unit').select('org_unit_id').where('scheme_id', '=', place.scheme_id).where('org_unit_id', '=', heir.id).executeTakeFirst();
    if (assessed || !isStrictlyBelow(heir.path, place.issuer_path)) continue;
    await db.insertInto('plans_assessment_unit').values({ scheme_id: place.scheme_id, org_unit_id: heir.id, org_path: heir.path, issuer_path: place.issuer_path }).execute();
    if (open.length > 0) await carryOpenRounds(db, handover, open);
    count += 1;
  }
  return count;
}

/**
 * The gone union's entries in open rounds become the receiving union's (the
 * primary key (round, union, rule) is kept: an entry the receiving union
 * already has stays and the gone union's stays beside it, history). The
 * adjustment log is append-only: each standing adjustment is carried as a
 * new line for the receiving union, its reason saying where it came from; the
 * gone union's lines stay as they were.
 */
async function carryOpenRounds(db: Kysely<DB>, handover: UnitHandover, roundIds: number[]): Promise<void> {
  const { from: gone, to: heir } = handover;
  await db
    .updateTable('plans_assessment_entry')
    .set({ org_unit_id: heir.id, org_path: heir.path })
    .where('round_id', 'in', roundIds)
    .where('org_unit_id', '=', gone.id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('plans_assessment_entry as mine')
            .select('mine.node_key')
            .where('mine.org_unit_id', '=', heir.id)
            .whereRef('mine.round_id', '=', 'plans_assessment_entry.round_id')
            .whereRef('mine.node_key', '=', 'plans_assessment_entry.node_key'),
        ),
      ),
    )
    .execute();
  const log = await db
    .selectFrom('plans_assessment_adjustment')
    .select(['round_id', 'node_key', 'issuer_path', 'delta', 'reason'])
    .where('round_id', 'in', roundIds)
    .where('org_unit_id', '=', gone.id)
    .orderBy('id')
    .execute();
  // The latest line per round and item states the adjustment from then on (round-sheets.ts); 0 withdrew it.
  const standing = new Map(log.map((line) => [`${line.round_id}:${line.node_key}`, line]));
  const carried = [...standing.values()].filter((line) => Number(line.delta) !== 0);
  if (carried.length === 0) return;
  const change = await describeHandover(db, handover);
  const at = new Date();
  await db
    .insertInto('plans_assessment_adjustment')
    .values(
      carried.map((line) => ({
        round_id: line.round_id,
        org_unit_id: heir.id,
        node_key: line.node_key,
        org_path: heir.path,
        issuer_path: line.issuer_path,
        delta: line.delta,
        reason: [...`${change}，沿用原调整：${line.reason}`].slice(0, REASON_MAX).join(''),
        adjusted_by: handover.actorAccountId,
        adjusted_at: at,
      })),
    )
    .execute();
}
