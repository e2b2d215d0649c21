import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enterPlatformScope } from '../../../../core/access/row-security';
import type { Database } from '../../../../core/db/database';
import { createTestDatabase, describeEachEngine } from '../../../../core/db/testing';
import { seedDemo } from '../../../../core/platform/seed-demo';
import { testPlatformKeys } from '../../../../core/platform/test-keys';
import { MODULES } from '../../../../server/modules';
import { seedDemoHouseholds } from './seed-demo-households';

/**
 * The demo's hardship files: a few hundred across the province, in every
 * state of the filing, filed ones in each tier, notices with their timers;
 * deterministic and quick (the province's other modules seeded first).
 */
describeEachEngine('demo hardship files', (engine) => {
  const keys = testPlatformKeys();
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.kysely, MODULES.filter((module) => module.id !== 'assistance'), { keys, log: () => {} });
  }, 300_000);
  afterAll(() => database.close());

  /** Seeds the files in a transaction that is rolled back, and returns what it made. */
  async function seedOnce() {
    let report: { ms: number; fingerprint: string; states: Record<string, number>; filedTiers: string[]; notices: number; timers: number; runs: number; unevenRuns: number; cities: number; county: number } | undefined;
    await database.kysely
      .transaction()
      .execute(async (tx) => {
        await enterPlatformScope(tx);
        const started = performance.now();
        await seedDemoHouseholds({ db: tx, keys, log: () => {} });
        const ms = performance.now() - started;
        const households = await tx.selectFrom('assistance_household').select(['id', 'org_path', 'status', 'tier', 'filed_tier', 'file_level', 'household_size', 'per_capita_monthly', 'bank_account_masked']).orderBy('org_path').execute();
        const states: Record<string, number> = {};
        for (const household of households) states[household.status] = (states[household.status] ?? 0) + 1;
        const instances = await tx.selectFrom('workflow_instance').select(['record_id', 'state', 'notice_ends_on', 'version']).where('workflow_id', '=', 'assistance.filing').execute();
        // Runs whose step count differs from their version (the engine adds one step per version).
        const uneven = await sql<{ id: number }>`
          select i.id from workflow_instance i left join workflow_step s on s.instance_id = i.id
          where i.workflow_id = 'assistance.filing' group by i.id, i.version having count(s.seq) <> i.version`.execute(tx);
        const timers = await tx
          .selectFrom('workflow_timer as t')
          .innerJoin('workflow_instance as i', 'i.id', 't.instance_id')
          .select('t.id')
          .where('i.workflow_id', '=', 'assistance.filing')
          .where('t.fired_at', 'is', null)
          .where('t.cancelled_at', 'is', null)
          .execute();
        const yanta = await tx.selectFrom('org_unit').select('path').where('code', '=', 'SX610113').executeTakeFirstOrThrow();
        report = {
          ms,
          fingerprint: createHash('sha256').update(JSON.stringify(households.map(({ id: _id, ...rest }) => rest))).digest('hex'),
          states,
          filedTiers: [...new Set(households.filter((household) => household.status === 'filed').map((household) => household.filed_tier ?? ''))].sort(),
          notices: instances.filter((instance) => instance.state === 'notice' && instance.notice_ends_on !== null).length,
          timers: timers.length,
          runs: instances.length,
          unevenRuns: uneven.rows.length,
          cities: new Set(households.map((household) => household.org_path.split('.').slice(0, 2).join('.'))).size,
          county: households.filter((household) => household.org_path.startsWith(yanta.path)).length,
        };
        // Nothing stays: the second run starts from the same database.
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        if ((error as Error).message !== 'rollback') throw error;
      });
    return report!;
  }

  it('seeds a few hundred files in every state, filed ones in each tier, notices with their timers, the same each time', async () => {
    const first = await seedOnce();
    const total = Object.values(first.states).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(250);
    expect(total).toBeLessThan(600);
    expect(Object.keys(first.states).sort()).toEqual(['draft', 'filed', 'financial_check', 'first_review', 'home_visit', 'notice', 'refused', 'withdrawn']);
    expect(first.filedTiers).toEqual(['accident', 'deep', 'relative']);
    expect(first.notices).toBe(first.states.notice);
    expect(first.timers).toBe(first.states.notice);
    // Every run has as many steps as its version, and the demo staff's county has files to show.
    expect(first.runs).toBe(total);
    expect(first.unevenRuns).toBe(0);
    expect(first.county).toBeGreaterThan(10);
    expect(first.cities).toBeGreaterThanOrEqual(10);
    // How long it takes is printed, not asserted: speed is proved by benchmarks, never by timed tests.
    console.log(`demo hardship files [${engine}]: ${total} in ${Math.round(first.ms)} ms`, first.states);
    const second = await seedOnce();
    expect(second.fingerprint).toBe(first.fingerprint);
  }, 120_000);
});
