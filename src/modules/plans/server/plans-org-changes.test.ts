import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import type { TReportDetail } from '../contract';
import { buildPlanWorld, cascadedSeed1, measureNo } from './testing/plan-world';

/**
 * The plan follows the org tree (plans org listener): a union moved to
 * another parent keeps what it received, with every copied path rewritten so
 * row-level security still finds its rows; a dissolved union's reports go to
 * the union that takes its work over.
 */
describeEachEngine('plans: org tree changes', (engine) => {
  const database = useFreshDatabase(engine);

  it('moves a grassroots union with its receipt and report, then hands them over when it is dissolved', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const plan = await cascadedSeed1(world);
    await world.ok(world.post('yanta-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [units.grassroots.id] }));
    await world.ok(world.post('jiceng-clerk', `/api/plans/${plan.id}/acknowledge`));
    const report = await world.ok<TReportDetail>(world.post('jiceng-clerk', '/api/plans/reports', { measureId: measureNo(plan, '2').id, period: '2026-Q1', progress: 'on_track', narrative: '已推荐 1 人' }));

    // 西安 moves the grassroots union from 雁塔 to 碑林.
    const moved = await world.post('xian-clerk', `/api/orgs/${units.grassroots.id}/move`, { parentId: units.beilin.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const newPath = `${units.beilin.path}${units.grassroots.id}.`;
    expect(await world.db.selectFrom('plans_report').select('org_path').where('id', '=', report.id).executeTakeFirstOrThrow()).toEqual({ org_path: newPath });
    expect(await world.db.selectFrom('plans_issue').select('to_path').where('to_org_unit_id', '=', units.grassroots.id).executeTakeFirstOrThrow()).toEqual({ to_path: newPath });
    // Its own staff still see the plan and the report; 碑林 now sees the report, 雁塔 no longer does.
    expect((await world.get('jiceng-clerk', `/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await world.get('jiceng-clerk', `/api/plans/reports/${report.id}`)).statusCode).toBe(200);
    expect((await world.get('beilin-clerk', `/api/plans/reports/${report.id}`)).statusCode).toBe(200);
    expect((await world.get('yanta-clerk', `/api/plans/reports/${report.id}`)).statusCode).toBe(404);

    // Dissolved: 碑林 (its parent now) takes the report over; 碑林 already holds the plan, so the receipt goes.
    const dissolved = await world.post('xian-clerk', `/api/orgs/${units.grassroots.id}/dissolve`, {});
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    expect(dissolved.json().handedOver).toContainEqual({ label: '工作部署（发文、收文、分解与进展报告）', count: 1 });
    expect(await world.db.selectFrom('plans_report').select(['org_unit_id', 'org_path']).where('id', '=', report.id).executeTakeFirstOrThrow()).toEqual({ org_unit_id: units.beilin.id, org_path: units.beilin.path });
    expect(await world.db.selectFrom('plans_issue').select('id').where('to_org_unit_id', '=', units.grassroots.id).execute()).toEqual([]);
    expect((await world.ok<{ items: { id: number }[] }>(world.get('beilin-clerk', `/api/plans/${plan.id}/reports`))).items.map((item) => item.id)).toContain(report.id);
  });
});
