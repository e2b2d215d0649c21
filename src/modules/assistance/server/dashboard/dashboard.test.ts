import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { subtreeRange } from '../../../../core/org/tree';
import type { TAssistanceDashboard } from '../../dashboard-contract';
import { createStaff } from '../../../../core/testing/factories';
import { findHouseholdCounterDrift } from './household-counter-drift';
import { buildHouseholdWorld, type HouseholdWorld, RELATIVE_FIGURES } from '../testing/household-world';

/**
 * GET /api/assistance/dashboard and .xlsx through HTTP on both engines, on a
 * small world built through the API (as the aid and monitoring tests do):
 *
 *   甲厂: 王 深度 (因病), 李 深度 (因失业), 张 相对 — filed; 孙 exited then returned
 *         (re-entry: back to first review); 周 exited, in monitoring with an open alert;
 *         赵 a draft. 市直厂: 吴 a draft. 乙厂: 郑 filed (another city).
 *   Funds 2026: 王 1200 生活救助 财政专项 paid; 李 500 医疗救助 社会资金 approved only;
 *   甲县's 送温暖 campaign (工会经费, budget 1500) and a cancelled one (budget 9000).
 *
 * The figures are compared with counts read straight from the tables, and
 * with the numbers the scenario fixes.
 */

/** 3 people, 2400 a month: 800 per head, above 甲市's 700 (monitoring.test.ts). */
const ABOVE = { source: 'home_visit', householdSize: 3, monthlyIncome: 2400 };
const SIX_MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

/** The fields of an API answer this scenario reads on. */
type Answer = { id: number; alertId: number; workflow: { version: number } };

async function ok(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, what: string): Promise<Answer> {
  const done = await response;
  if (done.statusCode !== 200) throw new Error(`${what}: ${done.statusCode} ${done.body}`);
  return done.json() as Answer;
}

async function exit(w: HouseholdWorld, id: number) {
  for (const month of SIX_MONTHS) await ok(w.post(w.logins.clerkA, `/api/assistance/households/${id}/income-checks`, { month, ...ABOVE }), `income ${month}`);
  await ok(w.post(w.logins.reviewerA, `/api/assistance/households/${id}/exit`, { expectedVersion: await w.version(id), reason: 'income_stable' }), 'exit');
}

async function aidRecord(w: HouseholdWorld, householdId: number, body: Record<string, unknown>, steps: string[]) {
  const created = await ok(w.post(w.logins.clerkA, '/api/assistance/aid/records', { householdId, payingOrgUnitId: w.units.factoryA.id, aidDate: '2026-11-24', ...body }), 'aid record');
  for (const step of steps) {
    const { workflow } = await ok(w.get(w.logins.countyA, `/api/assistance/aid/records/${created.id}`), 'aid detail');
    await ok(w.post(step === 'approve' ? w.logins.countyA : w.logins.clerkA, `/api/assistance/aid/records/${created.id}/actions/${step}`, { expectedVersion: workflow.version }), step);
  }
}

async function scenario(w: HouseholdWorld) {
  const { members } = w;
  const [wang, li, , sun, zhou] = (await w.fileHouseholds([
    { who: members.wang },
    { who: members.li, figures: { mainCause: 'unemployment' } },
    { who: members.zhang, figures: RELATIVE_FIGURES },
    { who: members.sun },
    { who: members.zhou },
    { who: members.zheng, clerk: w.logins.clerkB, reviewer: w.logins.clerkB, checker: w.logins.countyB },
  ])) as number[];
  await w.open(members.zhao);
  await w.open(members.wu, {}, w.logins.clerkDirect);

  await aidRecord(w, wang!, { category: 'living', fundingSource: 'fiscal', amount: 1200 }, ['approve', 'pay']);
  await aidRecord(w, li!, { category: 'medical', fundingSource: 'social', amount: 500 }, ['approve']);
  const campaign = (name: string, budget: number) =>
    ok(
      w.post(w.logins.countyClerkA, '/api/assistance/campaigns', { name, payingOrgUnitId: w.units.countyA.id, category: 'warmth', fundingSource: 'union_funds', standardAmount: 300, budget, aidDate: '2026-12-28' }),
      'campaign',
    );
  await campaign('2027 年元旦春节送温暖', 1500);
  const cancelled = await campaign('重复录入的活动', 9000);
  await ok(w.post(w.logins.countyA, `/api/assistance/campaigns/${cancelled.id}/cancel`, { expectedVersion: cancelled.workflow.version, comment: '重复录入' }), 'cancel');

  // 孙 and 周 exit on 24 November; 孙 returns the next day (a re-entry review), 周 gets an alert that stands.
  await exit(w, sun!);
  await exit(w, zhou!);
  w.setClock('2026-11-25T10:00:00+08:00');
  const signal = await ok(w.post(w.logins.clerkA, `/api/assistance/households/${sun}/risk-signals`, { kind: 'accident', occurredOn: '2026-11-25', note: '工伤' }), 'signal');
  await ok(w.post(w.logins.countyA, `/api/assistance/monitoring/alerts/${signal.alertId}/reentry`, { expectedVersion: await w.version(sun!), reason: '工伤致残，启动重新纳入审核' }), 'reentry');
  await ok(w.post(w.logins.clerkA, `/api/assistance/households/${zhou}/risk-signals`, { kind: 'job_loss', occurredOn: '2026-11-25' }), 'signal');
  // Past 周's first call-back (due 24 February 2027): overdue.
  w.setClock('2027-02-26T09:00:00+08:00');
}

/** The same figures counted straight from the tables, as the platform (no RLS). */
async function liveCounts(w: HouseholdWorld, path: string) {
  const { from, to } = subtreeRange(path);
  return w.read(async (tx) => {
    const rows = async (query: ReturnType<typeof sql>) => (await query.execute(tx)).rows as Record<string, unknown>[];
    const asMap = (list: Record<string, unknown>[]) => Object.fromEntries(list.map((row) => [String(row.key), Number(row.n)]));
    const inScope = sql`org_path >= ${from} and org_path < ${to}`;
    return {
      byStatus: asMap(await rows(sql`select status as key, count(*) as n from assistance_household where ${inScope} group by status`)),
      byTier: asMap(await rows(sql`select filed_tier as key, count(*) as n from assistance_household where ${inScope} and status = 'filed' group by filed_tier`)),
      byCause: asMap(await rows(sql`select main_cause as key, count(*) as n from assistance_household where ${inScope} and status = 'filed' group by main_cause`)),
      bySource: asMap(await rows(sql`select funding_source as key, sum(amount) as n from assistance_aid_record where ${inScope} and aid_year = 2026 and status in ('paid', 'delivered', 'received') group by funding_source`)),
      budget: Number((await rows(sql`select coalesce(sum(budget), 0) as n from assistance_aid_campaign where ${inScope} and status <> 'cancelled' and extract(year from aid_date) = 2026`))[0]!.n),
      openAlerts: Number((await rows(sql`select count(*) as n from assistance_return_alert where ${inScope} and status = 'open'`))[0]!.n),
      exits2026: Number((await rows(sql`select count(*) as n from assistance_exit where ${inScope} and extract(year from exited_on) = 2026`))[0]!.n),
      returns2026: Number((await rows(sql`select count(*) as n from assistance_exit where ${inScope} and outcome = 'returned' and extract(year from ended_on) = 2026`))[0]!.n),
    };
  });
}

const nonZero = (lines: { code: string; count: number }[]) => Object.fromEntries(lines.filter((line) => line.count > 0).map((line) => [line.code, line.count]));

describeEachEngine('assistance dashboard (帮扶统计)', (engine) => {
  const database = useFreshDatabase(engine);

  it('answers a city’s figures equal to live counts: tier, cause, state, per child union, funds against budget, exits and returns, alerts, overdue call-backs', async () => {
    const w = await buildHouseholdWorld(database());
    await scenario(w);
    const response = await w.get(w.logins.cityA, `/api/assistance/dashboard?year=2026`);
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json() as TAssistanceDashboard;
    const live = await liveCounts(w, w.units.cityA.path);

    expect(board).toMatchObject({ orgUnit: { id: w.units.cityA.id, name: '甲市总工会' }, year: 2026, asOf: '2027-02-26' });
    expect(nonZero(board.households.byStatus)).toEqual(live.byStatus);
    expect(live.byStatus).toEqual({ filed: 3, draft: 2, first_review: 1, monitoring: 1 });
    expect(nonZero(board.households.byTier)).toEqual(live.byTier);
    expect(live.byTier).toEqual({ deep: 2, relative: 1 });
    expect(nonZero(board.households.byCause)).toEqual(live.byCause);
    expect(live.byCause).toEqual({ illness: 2, unemployment: 1 });
    expect(board.households).toMatchObject({ total: 7, filed: 3, inProgress: 3 });
    expect(board.households.byTier.map((line) => line.label)).toEqual(['深度困难', '相对困难', '意外致困']);

    // One bar per child union of 甲市: 甲县 (all of 甲厂's files) and 市直厂 (吴's draft).
    expect(board.households.byUnit).toEqual([
      { orgUnitId: w.units.countyA.id, name: '甲县总工会', isOwn: false, deep: 2, relative: 1, accident: 0, filed: 3, inProgress: 2, monitoring: 1 },
      { orgUnitId: w.units.cityDirect.id, name: '市直厂工会', isOwn: false, deep: 0, relative: 0, accident: 0, filed: 0, inProgress: 1, monitoring: 0 },
    ]);

    const fiscal = board.funds.bySource.find((line) => line.code === 'fiscal')!;
    expect(Object.fromEntries(board.funds.bySource.filter((line) => line.amount > 0).map((line) => [line.code, line.amount]))).toEqual(live.bySource);
    expect(fiscal).toEqual({ code: 'fiscal', label: '财政专项', amount: 1200, records: 1, budget: 0 });
    expect(board.funds).toMatchObject({ disbursed: 1200, records: 1, approvedNotPaid: 500, budget: live.budget, campaigns: 1 });
    expect(live.budget).toBe(1500);
    expect(board.funds.bySource.find((line) => line.code === 'union_funds')).toMatchObject({ amount: 0, budget: 1500 });
    expect(board.funds.byCategory.find((line) => line.code === 'warmth')).toMatchObject({ label: '送温暖', budget: 1500 });
    expect(board.funds.byCategory.find((line) => line.code === 'living')).toMatchObject({ amount: 1200, budget: 0 });

    expect(board.monitoring).toMatchObject({ exits: live.exits2026, returns: live.returns2026, stable: 0, monitoring: 1, openAlerts: live.openAlerts, overdueCallbacks: 1 });
    expect([live.exits2026, live.returns2026, live.openAlerts]).toEqual([2, 1, 1]);
    expect(board.monitoring.byYear).toEqual([{ year: 2026, exits: 2, stable: 0, returns: 1 }]);

    // Another year: no funds, no budget, no exits; the files are counted as of today all the same.
    const next = (await w.get(w.logins.cityA, `/api/assistance/dashboard?year=2027`)).json() as TAssistanceDashboard;
    expect(next.funds).toMatchObject({ disbursed: 0, budget: 0, campaigns: 0 });
    expect(next.monitoring).toMatchObject({ exits: 0, returns: 0, openAlerts: 1 });
    expect(next.households.filed).toBe(3);
  });

  it('breaks the province down by city, counts a union’s own files apart, and keeps scope: another city answers 404', async () => {
    const w = await buildHouseholdWorld(database());
    await scenario(w);
    const province = (await w.get(w.logins.province, `/api/assistance/dashboard?year=2026`)).json() as TAssistanceDashboard;
    expect(province.households.byUnit.map((unit) => [unit.name, unit.filed, unit.inProgress])).toEqual([
      ['甲市总工会', 3, 3],
      ['乙市总工会', 1, 0],
    ]);
    expect(nonZero(province.households.byStatus)).toEqual((await liveCounts(w, w.units.province.path)).byStatus);

    // 甲县 asked at 甲厂's level: one bar, the factory; the factory itself: its own files (本级).
    const county = (await w.get(w.logins.countyA, `/api/assistance/dashboard?year=2026`)).json() as TAssistanceDashboard;
    expect(county.households.byUnit.map((unit) => unit.name)).toEqual(['甲厂工会']);
    const factory = (await w.get(w.logins.cityA, `/api/assistance/dashboard?year=2026&orgUnitId=${w.units.factoryA.id}`)).json() as TAssistanceDashboard;
    expect(factory.households.byUnit).toMatchObject([{ orgUnitId: w.units.factoryA.id, name: '甲厂工会（本级）', isOwn: true, filed: 3 }]);

    // 乙市 sees nothing of 甲市: 404 for the unit, its own figures hold only 郑.
    for (const url of [`/api/assistance/dashboard?orgUnitId=${w.units.cityA.id}`, `/api/assistance/dashboard.xlsx?orgUnitId=${w.units.cityA.id}`]) {
      const refused = await w.get(w.logins.cityB, url);
      expect(refused.statusCode, url).toBe(404);
      expect(refused.json().error.message).toBe('组织不存在或无权访问');
    }
    expect((await w.get(w.logins.clerkA, `/api/assistance/dashboard?orgUnitId=${w.units.countyA.id}`)).statusCode).toBe(404);
    const cityB = (await w.get(w.logins.cityB, `/api/assistance/dashboard?year=2026`)).json() as TAssistanceDashboard;
    expect(cityB.households).toMatchObject({ total: 1, filed: 1 });
    expect(cityB.funds).toMatchObject({ disbursed: 0, approvedNotPaid: 0, budget: 0 });
    expect(cityB.monitoring).toMatchObject({ exits: 0, openAlerts: 0, overdueCallbacks: 0 });

    const badYear = await w.get(w.logins.cityA, `/api/assistance/dashboard?year=1999`);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error).toMatchObject({ field: 'year', message: expect.stringContaining('年份应在 2000 年至 2100 年之间') });
  });

  it('keeps its counters exact through the workflow, a move to another city and a dissolution', async () => {
    const w = await buildHouseholdWorld(database());
    await scenario(w);
    expect(await findHouseholdCounterDrift(w.db)).toEqual([]);
    await createStaff(w.db, { login: 'province-clerk', org: w.units.province, roles: ['clerk'] });
    const moved = await w.post('province-clerk', `/api/orgs/${w.units.factoryA.id}/move`, { parentId: w.units.countyB.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await findHouseholdCounterDrift(w.db)).toEqual([]);
    // 甲厂's files now count under 乙市, and the province's bars say so.
    const province = (await w.get(w.logins.province, `/api/assistance/dashboard?year=2026`)).json() as TAssistanceDashboard;
    expect(province.households.byUnit.map((unit) => [unit.name, unit.filed, unit.inProgress])).toEqual([
      ['甲市总工会', 0, 1],
      ['乙市总工会', 4, 2],
    ]);
    expect(nonZero(province.households.byStatus)).toEqual((await liveCounts(w, w.units.province.path)).byStatus);
    const dissolved = await w.post('province-clerk', `/api/orgs/${w.units.factoryA.id}/dissolve`, {});
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    expect(await findHouseholdCounterDrift(w.db)).toEqual([]);
    const county = (await w.get(w.logins.countyB, `/api/assistance/dashboard?year=2026`)).json() as TAssistanceDashboard;
    expect(nonZero(county.households.byStatus)).toEqual((await liveCounts(w, w.units.countyB.path)).byStatus);
  });

  it('exports the same figures as .xlsx with Chinese sheet and file names, watermarked, audited with the file’s hash', async () => {
    const w = await buildHouseholdWorld(database());
    await scenario(w);
    const response = await w.get(w.logins.cityA, `/api/assistance/dashboard.xlsx?year=2026`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename="assistance-dashboard-${w.units.cityA.id}-2026-20270226.xlsx"`);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe('帮扶统计-甲市总工会-2026年-20270226.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '困难类别', '致困原因', '档案状态', '分地区', '资金来源', '帮扶类别', '脱困返困']);
    const overview = workbook.getWorksheet('概况')!;
    expect(overview.getCell('A1').value).toBe('困难职工帮扶统计（甲市总工会 2026年）');
    expect(String(overview.getCell('A2').value)).toMatch(/^导出人：.+（city-a） 单位：甲市总工会 时间：2027-02-26 09:00$/);
    const overviewValues = Object.fromEntries(
      Array.from({ length: overview.rowCount - 4 }, (_, index) => overview.getRow(index + 5)).map((row) => [String(row.getCell(1).value), row.getCell(2).value]),
    );
    expect(overviewValues).toMatchObject({ '档案总数（户）': 7, '在档困难职工家庭（户）': 3, '帮扶资金已发放（元）': 1200, '预算（元）': 1500, '预算执行率': 0.8, '本年脱困（户）': 2, '本年返困（户）': 1, '待研判返困预警（条）': 1, '逾期未回访（次）': 1 });
    const tiers = workbook.getWorksheet('困难类别')!;
    expect([5, 6, 7, 8].map((row) => [tiers.getCell(row, 1).value, tiers.getCell(row, 2).value])).toEqual([['深度困难', 2], ['相对困难', 1], ['意外致困', 0], ['合计', 3]]);
    const units = workbook.getWorksheet('分地区')!;
    expect(units.getRow(5).values).toEqual([undefined, '甲县总工会', 2, 1, 0, 3, 2, 1]);
    expect(units.getRow(6).values).toEqual([undefined, '市直厂工会', 0, 0, 0, 0, 1, 0]);
    const sources = workbook.getWorksheet('资金来源')!;
    expect(sources.getRow(5).values).toEqual([undefined, '财政专项', 1200, 1, 0]);
    expect(sources.getRow(7).values).toEqual([undefined, '工会经费', 0, 0, 1500, 0]);
    expect(String(sources.getCell(9, 1).value)).toContain('平台暂无年度帮扶资金预算表');
    expect(workbook.getWorksheet('脱困返困')!.getRow(5).values).toEqual([undefined, 2026, 2, 0, 1]);

    const [event] = await w.db.selectFrom('audit_event').selectAll().where('action', '=', 'assistance.dashboard.export').execute();
    expect(event).toMatchObject({ category: 'export', target_type: 'org_unit', target_id: String(w.units.cityA.id) });
    expect(event!.details).toMatchObject({ year: 2026, households: 7, sha256: response.headers['x-content-sha256'] });
    // The plain dashboard is an aggregate read: no event.
    await w.get(w.logins.cityA, `/api/assistance/dashboard?year=2026`);
    expect(await w.db.selectFrom('audit_event').select('action').where('action', 'like', 'assistance.dashboard%').execute()).toHaveLength(1);
  });
});
