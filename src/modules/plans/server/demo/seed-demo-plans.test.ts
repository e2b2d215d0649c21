import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { seedDemo } from '../../../../core/platform/seed-demo';
import { testPlatformKeys } from '../../../../core/platform/test-keys';
import { MODULES } from '../../../../server/modules';

/** The demo plan: what the screens need to show something, the same every time. */
describeEachEngine('plans demo seed', (engine) => {
  const database = useFreshDatabase(engine);
  // The org tree and its staff are all the plan needs (members are not).
  const modules = MODULES.filter((module) => ['core', 'orgs', 'plans'].includes(module.id));

  const snapshot = async () => {
    const db = database().kysely;
    const [plans, issues, allocations, reports, steps] = await Promise.all([
      db.selectFrom('plans_plan').select(['status', 'doc_number', 'version']).execute(),
      db.selectFrom('plans_issue as i').innerJoin('org_unit as o', 'o.id', 'i.to_org_unit_id').select(['o.code', 'o.type', 'i.acknowledged_at']).orderBy('o.code').execute(),
      db.selectFrom('plans_allocation as a').innerJoin('org_unit as o', 'o.id', 'a.to_org_unit_id').select(['o.code', 'a.value']).orderBy('o.code').execute(),
      db.selectFrom('plans_report as r').innerJoin('org_unit as o', 'o.id', 'r.org_unit_id').select(['o.code', 'r.period', 'r.state', 'r.progress', 'r.version']).orderBy('o.code').orderBy('r.period').execute(),
      db.selectFrom('workflow_step').select(['transition', 'to_state', 'comment']).orderBy('instance_id').orderBy('seq').execute(),
    ]);
    return { plans, issues, allocations, reports, steps };
  };

  it('imports seed 1, issues it to the 13 cities with signatures, allocations and reports in every review state', async () => {
    const report = await seedDemo(database().kysely, modules, { keys: testPlatformKeys(), log: () => {} });
    expect(report.seeded).toBe(true);
    const first = await snapshot();
    expect(first.plans).toEqual([{ status: 'confirmed', doc_number: '陕工办发〔2023〕12号', version: 3 }]);
    const cityIssues = first.issues.filter((issue) => issue.type === 'city');
    expect(cityIssues).toHaveLength(13);
    expect(cityIssues.filter((issue) => issue.acknowledged_at !== null)).toHaveLength(8);
    expect(first.issues.filter((issue) => !cityIssues.includes(issue))).toHaveLength(3);
    // 40 三秦工匠: 38 allocated to the cities, 7 of 西安's 8 passed to its districts.
    const cityShares = first.allocations.filter((row) => cityIssues.some((issue) => issue.code === row.code));
    expect(cityShares.reduce((sum, row) => sum + Number(row.value), 0)).toBe(38);
    expect(first.allocations.filter((row) => !cityShares.includes(row)).reduce((sum, row) => sum + Number(row.value), 0)).toBe(7);
    expect(first.reports.map((row) => [row.code, row.period, row.state, row.progress])).toEqual([
      ['SX610100', '2026-Q1', 'accepted', 'on_track'],
      ['SX610113', '2026-Q1', 'accepted', 'on_track'],
      ['SX610400', '2026-03', 'submitted', 'blocked'],
      ['SX610400', '2026-Q1', 'submitted', 'at_risk'],
    ]);
    expect(first.steps.filter((step) => step.transition === 'return').map((step) => step.comment)).toEqual(['请补充候选人事迹材料和公示情况。']);
    // The live target is bound.
    expect(await database().kysely.selectFrom('plans_indicator').select(['subject', 'metric_id']).where('metric_id', 'is not', null).execute()).toEqual([{ subject: '新入会会员', metric_id: 'members.joined' }]);

    // Deterministic: a second seed into an emptied platform makes the same rows.
    await database().kysely.deleteFrom('plans_plan').execute();
    for (const table of ['workflow_timer', 'workflow_step', 'workflow_instance', 'role_assignment', 'account', 'org_unit'] as const) {
      await database().kysely.deleteFrom(table).execute();
    }
    await seedDemo(database().kysely, modules, { keys: testPlatformKeys(), log: () => {} });
    expect(await snapshot()).toEqual(first);
  }, 120_000);
});
