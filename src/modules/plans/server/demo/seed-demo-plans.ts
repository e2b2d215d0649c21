import { readFileSync } from 'node:fs';
import type { SeedContext } from '../../../../core/module';
import type { TPlanDetail, TReportDetail } from '../../contract';
import { treeMeasures } from '../queries/plan-tree';
import { acceptReport } from '../use-cases/accept-report';
import { acknowledgePlan } from '../use-cases/acknowledge-plan';
import { addIndicator } from '../use-cases/add-indicator';
import { allocateIndicator } from '../use-cases/allocate-indicator';
import { assignMeasure } from '../use-cases/assign-measure';
import { confirmPlan } from '../use-cases/confirm-plan';
import { createReport } from '../use-cases/create-report';
import { editReport } from '../use-cases/edit-report';
import { importPlanDraft } from '../use-cases/import-plan-draft';
import { issuePlan } from '../use-cases/issue-plan';
import { returnReport } from '../use-cases/return-report';
import { submitReport } from '../use-cases/submit-report';
import { seedDemoAssessment } from './seed-demo-assessment';
import { type DemoActor, seedContext } from './seed-context';

const SEED_1 = readFileSync(new URL('../fixtures/seed-1-fed-2023-15-measures.txt', import.meta.url), 'utf8');

/** 40 三秦工匠 split across the cities in tree order: 38 in all, so the province sees the 2 it has not allocated. */
const CRAFTSMEN_SHARES = [8, 2, 4, 4, 3, 3, 3, 3, 2, 2, 2, 1, 1];
/** Cities that have signed for the plan without a demo account (the rest of the 13 are still in their inbox). */
const SIGNED_WITHOUT_ACCOUNT = 6;

/**
 * The demo's work plan: seed 1 (陕工办发〔2023〕12号) imported and confirmed at
 * the province, measures assigned, issued to all 13 cities, signed for by
 * most of them, 40 三秦工匠 allocated (and 西安's share passed to 雁塔 and two
 * more districts), first-quarter reports from 西安, 咸阳 and 雁塔 — accepted,
 * awaiting review, and returned-then-accepted — and a target bound to the live
 * count of members who joined in 2026. Fixed dates from March to April 2026.
 */
export async function seedDemoPlans({ db, keys, log }: SeedContext): Promise<void> {
  const province = await db.selectFrom('org_unit').select(['id', 'path', 'name', 'type', 'code']).where('code', '=', 'SX610000').executeTakeFirst();
  if (!province) return;
  const actor = async (login: string): Promise<DemoActor | undefined> => {
    const row = await db
      .selectFrom('account as a')
      .innerJoin('role_assignment as r', 'r.account_id', 'a.id')
      .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
      .select(['a.id', 'a.login', 'a.name', 'o.id as org_id', 'o.path', 'o.name as org_name', 'o.type', 'o.code'])
      .where('a.login', '=', login)
      .executeTakeFirst();
    return row && { accountId: row.id, login: row.login, name: row.name, org: { id: row.org_id, path: row.path, name: row.org_name, type: row.type, code: row.code } };
  };
  const [sheng, xian, xianyang, yanta] = await Promise.all([actor('sheng'), actor('xian'), actor('xianyang'), actor('yanta')]);
  if (!sheng || !xian || !xianyang || !yanta) return;

  let clock = Date.parse('2026-03-02T09:00:00+08:00');
  const at = (instant: string) => {
    clock = Date.parse(instant);
  };
  // Each step a minute after the last, from the day set by `at`.
  const now = () => new Date((clock += 60_000));
  const as = (who: DemoActor) => seedContext(db, keys, who, now);

  let plan: TPlanDetail = await importPlanDraft(as(sheng), { text: SEED_1, fileName: '陕工办发〔2023〕12号.txt' });
  const no = (value: string) => treeMeasures(plan.sections).find((measure) => measure.no === value)!;
  // A target the parser cannot see (it is not in the text): new members in 2026, bound below to the live count.
  plan = await addIndicator(as(sheng), no('8').id, { version: plan.version, value: 5000, approx: false, comparator: 'gte', unit: '人', subject: '新入会会员', period: '2026', source: null });
  plan = await confirmPlan(as(sheng), plan.id, { version: plan.version });
  const joining = no('8').indicators[0]!;
  await db.updateTable('plans_indicator').set({ metric_id: 'members.joined', metric_params: JSON.stringify({ year: 2026 }), bound_at: new Date(clock), bound_by: sheng.accountId }).where('id', '=', joining.id).execute();

  const cities = await db.selectFrom('org_unit').select(['id', 'code']).where('parent_id', '=', province.id).where('type', '=', 'city').orderBy('sort_order').orderBy('id').execute();
  const assignments: [string, string, string[], string, 'monthly' | 'quarterly' | 'once'][] = [
    ['2', '经济技术部', ['宣传教育部'], '2026-12-31', 'quarterly'],
    ['4', '办公室', ['财务部'], '2026-06-30', 'once'],
    ['8', '基层工作部', ['组织部'], '2026-12-31', 'quarterly'],
    ['11', '保障工作部', [], '2026-12-31', 'monthly'],
  ];
  for (const [measureNo, lead, coOwners, deadline, cadence] of assignments) {
    const measure = no(measureNo);
    plan = await assignMeasure(as(sheng), measure.id, {
      version: measure.version,
      leadDepartment: lead,
      coOwners,
      responsibleOrgUnitIds: cities.map((city) => city.id),
      deadline,
      cadence,
    });
  }

  at('2026-03-03T09:00:00+08:00');
  await issuePlan(as(sheng), plan.id, { orgUnitIds: [], childTypes: ['city'] });
  at('2026-03-04T10:00:00+08:00');
  await acknowledgePlan(as(xian), plan.id);
  await acknowledgePlan(as(xianyang), plan.id);
  const others = cities.filter((city) => city.id !== xian.org.id && city.id !== xianyang.org.id).slice(0, SIGNED_WITHOUT_ACCOUNT);
  await db
    .updateTable('plans_issue')
    .set({ acknowledged_at: new Date(Date.parse('2026-03-05T10:00:00+08:00')) })
    .where('plan_id', '=', plan.id)
    .where('to_org_unit_id', 'in', others.map((city) => city.id))
    .execute();

  const craftsmen = no('2').indicators[0]!;
  await allocateIndicator(as(sheng), craftsmen.id, { allocations: cities.map((city, index) => ({ orgUnitId: city.id, value: CRAFTSMEN_SHARES[index] ?? 1 })) });

  // 西安 passes the plan to 雁塔 and two more districts, and 7 of its 8 三秦工匠.
  const districts = await db.selectFrom('org_unit').select(['id', 'code']).where('parent_id', '=', xian.org.id).where('type', '=', 'county').orderBy('sort_order').orderBy('id').limit(3).execute();
  const counties = [yanta.org.id, ...districts.map((district) => district.id).filter((id) => id !== yanta.org.id)].slice(0, 3);
  at('2026-03-06T09:00:00+08:00');
  await issuePlan(as(xian), plan.id, { orgUnitIds: counties, childTypes: [] });
  await acknowledgePlan(as(yanta), plan.id);
  await allocateIndicator(as(xian), craftsmen.id, { allocations: counties.map((id, index) => ({ orgUnitId: id, value: index === 0 ? 3 : 2 })) });

  // First-quarter reports.
  at('2026-04-03T15:00:00+08:00');
  const m2 = no('2').id;
  let report: TReportDetail = await createReport(as(xian), { measureId: m2, period: '2026-Q1', progress: 'on_track', narrative: '市直单位推荐三秦工匠候选人 3 名，已完成公示。', figures: [{ indicatorId: craftsmen.id, value: 3 }] });
  report = await submitReport(as(xian), report.id, { version: report.version });
  await acceptReport(as(sheng), report.id, { version: report.version, comment: '同意。' });
  report = await createReport(as(xianyang), { measureId: m2, period: '2026-Q1', progress: 'at_risk', narrative: '候选人推荐进度偏慢，正在协调重点企业。', figures: [{ indicatorId: craftsmen.id, value: 1 }] });
  await submitReport(as(xianyang), report.id, { version: report.version });
  report = await createReport(as(yanta), { measureId: m2, period: '2026-Q1', progress: 'on_track', narrative: '辖区推荐 1 名。', figures: [{ indicatorId: craftsmen.id, value: 1 }] });
  report = await submitReport(as(yanta), report.id, { version: report.version });
  report = await returnReport(as(xian), report.id, { version: report.version, comment: '请补充候选人事迹材料和公示情况。' });
  report = await editReport(as(yanta), report.id, { version: report.version, narrative: '辖区推荐 1 名，事迹材料已补充，公示无异议。' });
  report = await submitReport(as(yanta), report.id, { version: report.version });
  await acceptReport(as(xian), report.id, { version: report.version });
  report = await createReport(as(xianyang), { measureId: no('11').id, period: '2026-03', progress: 'blocked', narrative: '帮扶资金尚未到位。', figures: [] });
  await submitReport(as(xianyang), report.id, { version: report.version });
  // 考核: the cities that signed for the plan.
  const signed = await db.selectFrom('plans_issue').select('to_org_unit_id').where('plan_id', '=', plan.id).where('from_org_unit_id', '=', sheng.org.id).where('acknowledged_at', 'is not', null).execute();
  await seedDemoAssessment(as(sheng), plan.id, cities.filter((city) => signed.some((row) => row.to_org_unit_id === city.id)).map((city) => city.id), xian.org.id, craftsmen, joining);
  log(`工作部署：1 份（${cities.length} 个市级工会收文，${SIGNED_WITHOUT_ACCOUNT + 2} 个已签收），进展报告 4 份`);
}
