import type { Insertable } from 'kysely';
import { makeIdNumber } from '../../../../core/cn/id-number';
import { createRandom, type Random } from '../../../../core/demo/random';
import type { Executor } from '../../../../core/db/transaction';
import type { SeedContext } from '../../../../core/module';
import { idsOnPath } from '../../../../core/org/tree';
import { openPersonField } from '../../../../core/person/person-fields';
import { addWorkingDays } from '../../../../core/workflow/engine';
import { endOfBeijingDay } from '../../../../core/workflow/working-days';
import type { HardshipTier } from '../../contract';
import type { HardshipCause, HouseholdStatus } from '../../vocabulary';
import { HARDSHIP_CAUSES } from '../../vocabulary';
import { loadRuleSnapshot, type RuleSnapshot } from '../classification/rule-snapshot';
import { loadRuleValue } from '../queries/load-rule-value';
import { fileLevelOf } from '../filing/file-level';
import { FILING_RECORD_TYPE, filingWorkflow } from '../filing/filing-workflow';
import { sealBankAccount, sealMemberIdNumber } from '../household/household-fields';
import { figuresFromRow } from '../household/household-figures';
import type { MemberValues } from '../household/household-members';
import type { AssistanceHouseholdTable } from '../schema';
import { CIVIL_CHECK_DAY, type DemoStep, demoSteps } from './demo-steps';
import { beijingDate } from '../../../../core/files/beijing-time';

const DEMO_SEED = 2026_1122;
/** Every this-many grassroots unions gets a file (about 330 of 2,000), and every union of 雁塔区 (the demo staff's county). */
const EVERY_NTH_UNION = 6;
const DEMO_COUNTY = 'SX610113';
/** Files are opened on these days of 2026: the rule snapshot of each is read once. */
const OPENING_DAYS = ['2026-03-02', '2026-04-07', '2026-05-11', '2026-06-08', '2026-07-06', '2026-08-03', '2026-09-07', '2026-10-12', '2026-11-03', '2026-11-09', '2026-11-13'];
/** Steers the draw of figures towards a tier (the seeded example standard of every city); the classifier decides the tier. */
const DRAW_DIBAO = 700;

/** Where the demo's files stand: most filed, some in each step, a few closed (the weights of the draw). */
const STATES: readonly (readonly [HouseholdStatus, number])[] = [
  ['filed', 55],
  ['notice', 10],
  ['financial_check', 8],
  ['home_visit', 6],
  ['first_review', 6],
  ['draft', 9],
  ['refused', 4],
  ['withdrawn', 2],
];

/** The tier the figures are drawn for (the classifier then decides, as it would for a real file). */
const TIERS: readonly (readonly [HardshipTier, number])[] = [
  ['deep', 35],
  ['relative', 45],
  ['accident', 12],
  ['none', 5],
  ['excluded', 3],
];

/** Given names for the demo's household members (the workers themselves are the members module's demo people). */
const GIVEN_MALE = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '浩', '鹏'];
const GIVEN_FEMALE = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪'];

/**
 * Opening days by where the file stands on the demo's today (2026-11-20): decided
 * files opened months ago; files in their notice entered it on Monday 11-16
 * (opened 11-03, 13 days before), so it runs to 11-23; files in earlier steps
 * opened in the last weeks.
 */
const EARLIER_DAYS = OPENING_DAYS.slice(0, -3);
const NOTICE_DAY = '2026-11-03';
const RECENT_DAYS = OPENING_DAYS.slice(-2);

type Unit = { id: number; path: string; code: string; type: string; region_code: string | null };

/**
 * A few hundred hardship files across the demo province, in every state of
 * the filing (some in their public notice, with the timer that will end it;
 * filed ones in each tier), each classified by the real rules and sealed like
 * real data. The filing history is written as the workflow engine writes it,
 * naming the demo account where the acting union has one. Deterministic.
 */
export async function seedDemoHouseholds({ db, keys, log }: SeedContext): Promise<void> {
  const random = createRandom(DEMO_SEED);
  const units: Unit[] = await db.selectFrom('org_unit').select(['id', 'path', 'code', 'type', 'region_code']).orderBy('path').execute();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const county = units.find((unit) => unit.code === DEMO_COUNTY);
  const grassroots = units.filter((unit) => unit.type === 'grassroots' || unit.type === 'joint_grassroots');
  const chosen = grassroots.filter((unit, index) => index % EVERY_NTH_UNION === 0 || (county !== undefined && unit.path.startsWith(county.path)));
  const snapshots = new Map<string, RuleSnapshot>();
  for (const day of OPENING_DAYS) snapshots.set(day, await loadRuleSnapshot(db, day));
  const rules = {
    nationalMultiple: (await loadRuleValue(db, 'national_file_multiple', OPENING_DAYS.at(-1)!)).value,
    noticeWorkingDays: (await loadRuleValue(db, 'filing_notice_working_days', OPENING_DAYS.at(-1)!)).value,
  };
  const staffByUnit = new Map((await db.selectFrom('role_assignment').select(['org_unit_id', 'account_id']).execute()).map((row) => [row.org_unit_id, row.account_id]));

  const applicants = await db
    .selectFrom('members_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.org_unit_id', 'm.person_id', 'p.name', 'p.id_number_envelope', 'p.birth_date', 'p.gender'])
    .where('m.status', '=', 'active')
    .where('m.org_unit_id', 'in', chosen.map((unit) => unit.id))
    .orderBy('m.id')
    .execute();
  const firstApplicant = new Map<number, (typeof applicants)[number]>();
  for (const applicant of applicants) if (!firstApplicant.has(applicant.org_unit_id)) firstApplicant.set(applicant.org_unit_id, applicant);

  const usedIds = new Set<string>();
  const files: DemoFile[] = [];
  for (const unit of chosen) {
    const applicant = firstApplicant.get(unit.id);
    const region = regionOf(unit, byId);
    if (!applicant || !region) continue;
    const file = drawFile(random, { unit, region, applicant, usedIds, keys, snapshots, rules });
    if (file) files.push(file);
  }

  const runs = await planRuns(db, files, rules.noticeWorkingDays);
  const households = await insertInBatches(db, files, (file, index) => ({ ...file.household, filed_on: runs[index]!.filedOn }));
  const members = files.flatMap((file, index) => file.members.map((member) => ({ ...member, household_id: households[index]!.id, org_path: file.household.org_path })));
  for (let start = 0; start < members.length; start += 1000) await db.insertInto('assistance_household_member').values(members.slice(start, start + 1000)).execute();
  await seedWorkflows(db, files, runs, households, staffByUnit, byId);
  const filedPeople = files.filter((file) => file.household.status === 'filed').map((file) => file.household.person_id);
  if (filedPeople.length > 0) await db.updateTable('person').set({ is_hardship: true }).where('id', 'in', filedPeople).execute();
  const count = (status: HouseholdStatus) => files.filter((file) => file.household.status === status).length;
  log(`困难职工档案：${files.length} 户（已建档 ${count('filed')}，公示中 ${count('notice')}）`);
}

/** The filing's rule values, read once from the rule table. */
type DemoRules = { nationalMultiple: number; noticeWorkingDays: number };

type DemoFile = { household: Insertable<AssistanceHouseholdTable>; members: MemberValues[]; openedOn: string };

/** The nearest GB/T 2260 code on the union's path that is not the province's (the province has no 低保 standard). */
function regionOf(unit: Unit, byId: Map<number, Unit>): string | null {
  for (const id of idsOnPath(unit.path).reverse()) {
    const code = byId.get(id)?.region_code ?? '';
    if (/^[1-9]\d{5}$/.test(code) && !code.endsWith('0000')) return code;
  }
  return null;
}

const RELATIONS_BY_SLOT = ['spouse', 'child', 'child', 'parent', 'parent'] as const;

function drawFile(
  random: Random,
  context: {
    unit: Unit;
    region: string;
    applicant: { person_id: number; name: string; id_number_envelope: string; birth_date: string; gender: 'male' | 'female' };
    usedIds: Set<string>;
    keys: SeedContext['keys'];
    snapshots: Map<string, RuleSnapshot>;
    rules: DemoRules;
  },
): DemoFile | null {
  const { unit, region, applicant, usedIds, keys, snapshots, rules } = context;
  const size = random.int(1, 5);
  const wantedTier = random.weighted(TIERS);
  let status = random.weighted(STATES);
  if ((wantedTier === 'none' || wantedTier === 'excluded') && status !== 'draft') status = random.next() < 0.5 ? 'draft' : 'refused';
  const isDecided = ['filed', 'refused', 'withdrawn'].includes(status);
  const openedOn = isDecided ? random.pick(EARLIER_DAYS) : status === 'notice' ? NOTICE_DAY : random.pick(RECENT_DAYS);
  const snapshot = snapshots.get(openedOn)!;

  // Per-capita monthly income around the tier's band of the 700-yuan demo standard.
  const dibao = DRAW_DIBAO;
  const perCapita = {
    deep: random.int(Math.round(dibao * 0.43), dibao - 10),
    relative: random.int(dibao + 10, dibao * 2 - 10),
    accident: random.int(dibao * 2 + 50, dibao * 3),
    none: random.int(dibao * 2 + 50, dibao * 4),
    excluded: random.int(Math.round(dibao * 0.6), dibao * 2 - 200),
  }[wantedTier];
  const medical = wantedTier === 'deep' || random.next() < 0.4 ? random.int(2, 40) * 500 : 0;
  const education = size > 2 && random.next() < 0.5 ? random.int(2, 12) * 500 : 0;
  const annualIncome = perCapita * 12 * size + medical + education;
  const suddenCosts = wantedTier === 'accident' ? Math.ceil(annualIncome * (0.85 + random.next() * 0.5)) : 0;
  const exclusions = wantedTier === 'excluded' ? [random.pick(['vehicle', 'multiple_houses', 'business_owner', 'high_fee_school'] as const)] : [];
  const mainCause: HardshipCause = wantedTier === 'accident' ? random.pick(['accident', 'disaster', 'illness'] as const) : random.weighted([['illness', 40], ['disability', 15], ['unemployment', 15], ['low_income', 15], ['education', 10], ['single_parent', 5]] as const);
  const secondaryCauses = random.next() < 0.5 ? [random.pick(HARDSHIP_CAUSES.filter((cause) => cause !== mainCause))] : [];

  const workerNumber = openPersonField(keys.ring, 'idNumber', applicant.id_number_envelope);
  const members: MemberValues[] = [
    {
      position: 1,
      relation: 'self',
      name: applicant.name,
      ...sealedColumns(sealMemberIdNumber(keys.ring, workerNumber)),
      birth_date: applicant.birth_date,
      gender: applicant.gender,
      illnesses: mainCause === 'illness' ? [random.pick(['malignant_tumour', 'cardiovascular', 'end_stage_renal', 'diabetes'] as const)] : [],
      disability_type: mainCause === 'disability' ? random.pick(['physical', 'visual', 'hearing'] as const) : null,
      disability_grade: mainCause === 'disability' ? random.int(1, 4) : null,
      employment: mainCause === 'unemployment' ? 'unemployed' : 'employed',
      annual_income: Math.floor(annualIncome * 0.7),
    },
  ];
  const surname = [...applicant.name][0]!;
  const workerYear = Number(applicant.birth_date.slice(0, 4));
  for (let slot = 0; slot < size - 1; slot += 1) {
    const relation = RELATIONS_BY_SLOT[slot]!;
    const year = relation === 'spouse' ? workerYear + random.int(-3, 3) : relation === 'child' ? Math.min(workerYear + random.int(22, 32), 2024) : workerYear - random.int(22, 30);
    const birthDate = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const isMale = relation === 'spouse' ? applicant.gender === 'female' : random.next() < 0.5;
    let idNumber = '';
    do idNumber = makeIdNumber(region, birthDate, random.int(500, 999) * 2 + (isMale ? 1 : 0) - 1000);
    while (usedIds.has(idNumber));
    usedIds.add(idNumber);
    const given = isMale ? GIVEN_MALE : GIVEN_FEMALE;
    members.push({
      position: slot + 2,
      relation,
      name: (relation === 'child' ? surname : random.pick(['张', '李', '刘', '陈', '杨', '赵'])) + random.pick([...given]),
      ...sealedColumns(sealMemberIdNumber(keys.ring, idNumber)),
      birth_date: birthDate,
      gender: isMale ? 'male' : 'female',
      illnesses: relation === 'parent' && random.next() < 0.3 ? ['cerebrovascular'] : [],
      disability_type: null,
      disability_grade: null,
      employment: relation === 'child' ? (year > 2004 ? 'student' : 'flexible') : relation === 'parent' ? 'retired' : random.pick(['flexible', 'unemployed', 'employed'] as const),
      annual_income: 0,
    });
  }

  const figures = {
    household_size: size,
    annual_income: String(annualIncome),
    medical_expense: String(medical),
    education_expense: String(education),
    disability_expense: '0',
    job_expense: '0',
    sudden_costs: String(suddenCosts),
    sudden_event: null,
    worker_type: 'worker' as const,
    labor_relation_months: null,
    exclusions: [...exclusions],
  };
  let result;
  try {
    result = snapshot.classify(figuresFromRow(figures), { region, area: 'urban' });
  } catch {
    return null; // A region without a standard on file: no file here.
  }
  // The classifier has the last word: a household that does not qualify never got past the first review.
  if ((result.tier === 'none' || result.tier === 'excluded') && !['draft', 'refused', 'withdrawn'].includes(status)) status = 'refused';
  const account = `62${String(random.int(10, 99))}${String(random.int(0, 999_999_999_999_999)).padStart(15, '0')}`;
  const bank = sealBankAccount(keys.ring, account);
  const openedAt = new Date(`${openedOn}T10:00:00+08:00`);
  const unwell = members.some((member) => (member.illnesses as string[]).length > 0 || member.disability_type !== null);
  const isFiled = status === 'filed';
  const passedCheck = ['notice', 'filed'].includes(status);
  return {
    openedOn,
    members,
    household: {
      person_id: applicant.person_id,
      org_unit_id: unit.id,
      org_path: unit.path,
      status,
      version: 1,
      region_code: region,
      dibao_area: 'urban',
      ...figures,
      declared_vehicles: exclusions.includes('vehicle') ? 1 : 0,
      declared_houses: exclusions.includes('multiple_houses') ? 2 : 1,
      main_cause: mainCause,
      secondary_causes: secondaryCauses,
      bank_name: random.pick(['中国工商银行', '中国农业银行', '中国建设银行', '中国银行', '陕西信合']),
      bank_account_envelope: bank.envelope,
      bank_account_masked: bank.masked,
      tier: result.tier,
      per_capita_monthly: result.perCapitaMonthly,
      dibao_monthly: result.dibao,
      reasons: JSON.stringify(result.reasons),
      rules_day: openedOn,
      classified_at: openedAt,
      figures_changed_at: openedAt,
      civil_check_status: passedCheck ? 'clear' : null,
      civil_check_findings: passedCheck ? '[]' : null,
      civil_check_driver: passedCheck ? 'local' : null,
      civil_checked_at: passedCheck ? new Date(openedAt.getTime() + CIVIL_CHECK_DAY * 86_400_000) : null,
      check_level: passedCheck ? 'county' : null,
      filed_tier: isFiled ? result.tier : null,
      file_level: isFiled ? fileLevelOf({ tier: result.tier, perCapitaMonthly: result.perCapitaMonthly, dibaoMonthly: result.dibao, hasIllnessOrDisability: unwell, checkLevel: 'county', nationalMultiple: rules.nationalMultiple }) : null,
      filed_on: null,
      created_at: openedAt,
      updated_at: openedAt,
    },
  };
}

const sealedColumns = (sealed: { envelope: string; index: string; masked: string }) => ({
  id_number_envelope: sealed.envelope,
  id_number_index: sealed.index,
  id_number_masked: sealed.masked,
});

async function insertInBatches(db: Executor, files: DemoFile[], row: (file: DemoFile, index: number) => Insertable<AssistanceHouseholdTable>) {
  const ids: { id: number }[] = [];
  for (let start = 0; start < files.length; start += 200) {
    const values = files.slice(start, start + 200).map((file, offset) => row(file, start + offset));
    ids.push(...(await db.insertInto('assistance_household').values(values).returning('id').execute()));
  }
  return ids;
}

/** A file's filing run as the engine leaves it: its steps, and the notice's last day for files in or past 公示. */
type DemoRun = { steps: DemoStep[]; noticeEndsOn: string | null; filedOn: string | null };

async function planRuns(db: Executor, files: DemoFile[], noticeWorkingDays: number): Promise<DemoRun[]> {
  const noticeEnds = new Map<string, string>();
  const runs: DemoRun[] = [];
  for (const file of files) {
    const { status } = file.household;
    const steps = demoSteps(status, new Date(`${file.openedOn}T10:00:00+08:00`));
    let noticeEndsOn: string | null = null;
    let filedOn: string | null = null;
    if (status === 'notice' || status === 'filed') {
      const enteredOn = beijingDate(steps.find((step) => step.to === 'notice')!.at);
      if (!noticeEnds.has(enteredOn)) noticeEnds.set(enteredOn, await addWorkingDays(db, enteredOn, noticeWorkingDays));
      noticeEndsOn = noticeEnds.get(enteredOn)!;
    }
    if (status === 'filed') {
      // The runner ended the notice at midnight after its last day, as the system.
      const ended = endOfBeijingDay(noticeEndsOn!);
      filedOn = beijingDate(ended);
      steps.push({ transition: 'finish_notice', from: 'notice', to: 'filed', by: 'system', at: ended, comment: null, form: null });
    }
    runs.push({ steps, noticeEndsOn, filedOn });
  }
  return runs;
}

// 已建档 is not final: exit and monitoring continue the run (monitoring/monitoring-states.ts).
const FINAL_STATES: readonly string[] = ['refused', 'withdrawn'];

/**
 * The runs written as the engine writes them: the instance in the file's
 * state with one step per transition taken (the demo account of the acting
 * union where it has one), and the pending timer of every notice.
 */
async function seedWorkflows(db: Executor, files: DemoFile[], runs: DemoRun[], households: { id: number }[], staffByUnit: Map<number, number>, byId: Map<number, Unit>) {
  const instances: { id: number }[] = [];
  for (let start = 0; start < files.length; start += 200) {
    const rows = files.slice(start, start + 200).map((file, offset) => {
      const index = start + offset;
      const { steps, noticeEndsOn } = runs[index]!;
      const last = steps.at(-1)!;
      return {
        workflow_id: filingWorkflow.id,
        record_type: FILING_RECORD_TYPE,
        record_id: String(households[index]!.id),
        org_unit_id: file.household.org_unit_id,
        org_path: file.household.org_path,
        state: file.household.status,
        version: steps.length,
        started_at: steps[0]!.at,
        updated_at: last.at,
        state_entered_at: last.at,
        notice_ends_on: file.household.status === 'notice' ? noticeEndsOn : null,
        deadline_on: null,
        finished_at: FINAL_STATES.includes(file.household.status) ? last.at : null,
      };
    });
    instances.push(...(await db.insertInto('workflow_instance').values(rows).returning('id').execute()));
  }
  const steps = files.flatMap((file, index) => {
    const checker = idsOnPath(file.household.org_path)
      .reverse()
      .map((id) => byId.get(id))
      .find((unit) => unit && ['county', 'city', 'industry', 'direct'].includes(unit.type));
    const unitOf = (by: DemoStep['by']) => (by === 'own' ? file.household.org_unit_id : by === 'checker' ? (checker?.id ?? null) : null);
    return runs[index]!.steps.map((step, seq) => {
      const unit = unitOf(step.by);
      return {
        instance_id: instances[index]!.id,
        seq: seq + 1,
        transition: step.transition,
        from_state: step.from,
        to_state: step.to,
        actor_account_id: unit === null ? null : (staffByUnit.get(unit) ?? null),
        actor_org_unit_id: unit,
        at: step.at,
        comment: step.comment,
        form: step.form === null ? null : JSON.stringify(step.form),
        attachments: '[]',
      };
    });
  });
  for (let start = 0; start < steps.length; start += 1000) await db.insertInto('workflow_step').values(steps.slice(start, start + 1000)).execute();
  const timers = files.flatMap((file, index) =>
    file.household.status === 'notice'
      ? [{ instance_id: instances[index]!.id, kind: 'notice' as const, state: 'notice', due_at: endOfBeijingDay(runs[index]!.noticeEndsOn!), created_at: runs[index]!.steps.at(-1)!.at }]
      : [],
  );
  if (timers.length > 0) await db.insertInto('workflow_timer').values(timers).execute();
}
