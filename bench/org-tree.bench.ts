import { sql } from 'kysely';
import { ancestorsOf, subtreeOf } from '../src/core/org/tree';
import { buildDemoProvince } from '../src/modules/orgs/server/demo/demo-province';
import { type BenchEngine, openBenchDatabase } from './open-bench-database';
import { describeTimes, timeMany } from './stats';

/**
 * The org tree at provincial scale: 100,000 units (the design target).
 * Measures bulk load, and the queries every screen makes: a subtree count for
 * any node, the children of a node, and the ancestors of a leaf.
 */
export async function benchOrgTree(engine: BenchEngine): Promise<string[]> {
  const lines: string[] = [];
  let started = performance.now();
  const units = buildDemoProvince({ grassrootsCount: 99_770 });
  lines.push(`generate ${units.length.toLocaleString()} units: ${(performance.now() - started).toFixed(0)} ms`);

  const database = await openBenchDatabase(engine);
  const db = database.kysely;
  try {
    started = performance.now();
    for (let start = 0; start < units.length; start += 2_000) {
      await db
        .insertInto('org_unit')
        .values(
          units.slice(start, start + 2_000).map((unit) => ({
            id: unit.id,
            parent_id: unit.parentId,
            path: unit.path,
            depth: unit.depth,
            type: unit.type,
            name: unit.name,
            code: unit.code,
            credit_code: unit.creditCode,
            region_code: unit.regionCode,
            employee_count: unit.employeeCount,
          })),
        )
        .execute();
    }
    await sql`analyze org_unit`.execute(db);
    lines.push(`insert + analyze: ${(performance.now() - started).toFixed(0)} ms`);

    const inner = units.filter((unit) => unit.type !== 'grassroots' && unit.type !== 'joint_grassroots');
    const leaves = units.filter((unit) => unit.type === 'grassroots');
    const pick = <T>(items: T[], index: number) => items[(index * 7919) % items.length]!;

    const count = (path: string) =>
      db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).where(subtreeOf('org_unit.path', path)).executeTakeFirstOrThrow();
    lines.push(`subtree count, province (${units.length.toLocaleString()} rows): ${describeTimes(await timeMany(20, () => count('1.')))}`);
    lines.push(`subtree count, any inner node: ${describeTimes(await timeMany(300, (index) => count(pick(inner, index).path)))}`);
    lines.push(
      `children of any inner node: ${describeTimes(
        await timeMany(300, (index) =>
          db.selectFrom('org_unit').select(['id', 'name']).where('parent_id', '=', pick(inner, index).id).orderBy('sort_order').orderBy('id').limit(500).execute(),
        ),
      )}`,
    );
    lines.push(`ancestors of any leaf: ${describeTimes(await timeMany(300, (index) => ancestorsOf(db, pick(leaves, index).path)))}`);
  } finally {
    await database.close();
  }
  return lines;
}
