import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { idsOnPath } from '../../../../core/org/tree';
import { type StatSubject, statKeys } from './stat-keys';

/**
 * Changes to the maintained statistics, gathered while a use case writes
 * memberships and applied once, in the same transaction, to the unit and
 * every ancestor (the counters are per subtree, so reading a subtree's
 * figures is one primary-key range read whatever its size).
 */
export class StatDelta {
  private readonly changes = new Map<string, number>();

  /** Counts a membership in (+1) or out (-1) of the figures. */
  add(subject: StatSubject, sign: 1 | -1): void {
    const keys = statKeys(subject);
    for (const unitId of idsOnPath(subject.orgPath)) {
      for (const key of keys) this.bump(unitId, key, sign);
    }
  }

  /** A membership changed: out with the old state, in with the new. */
  replace(before: StatSubject, after: StatSubject): void {
    this.add(before, -1);
    this.add(after, 1);
  }

  /** Moves a whole subtree's figures from its old ancestors to its new ones. */
  moveTotals(totals: ReadonlyMap<string, number>, oldAncestorIds: readonly number[], newAncestorIds: readonly number[]): void {
    for (const [key, value] of totals) {
      for (const unitId of oldAncestorIds) this.bump(unitId, key, -value);
      for (const unitId of newAncestorIds) this.bump(unitId, key, value);
    }
  }

  get size(): number {
    return this.changes.size;
  }

  private bump(unitId: number, key: string, by: number): void {
    const id = `${unitId}|${key}`;
    const value = (this.changes.get(id) ?? 0) + by;
    if (value === 0) this.changes.delete(id);
    else this.changes.set(id, value);
  }

  /**
   * One upsert for all changes, in (unit, key) order so that concurrent
   * transactions lock the counter rows in the same order (no deadlock).
   */
  async apply(db: Kysely<DB>): Promise<void> {
    if (this.changes.size === 0) return;
    const rows = [...this.changes].map(([id, value]) => {
      const bar = id.indexOf('|');
      return { unitId: Number(id.slice(0, bar)), key: id.slice(bar + 1), value };
    });
    rows.sort((a, b) => a.unitId - b.unitId || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await sql`
      insert into members_stat (org_unit_id, key, value)
      select * from unnest(${rows.map((row) => row.unitId)}::int[], ${rows.map((row) => row.key)}::text[], ${rows.map((row) => row.value)}::int[])
      on conflict (org_unit_id, key) do update set value = members_stat.value + excluded.value
    `.execute(db);
    this.changes.clear();
  }
}
