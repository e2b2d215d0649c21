import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/core/db/schema';
import { idsOnPath } from '../../src/core/org/tree';
import { createOrgUnit } from '../../src/core/testing/factories';

/**
 * The rows the access matrix (test/access-matrix.test.ts) aims its probes at:
 * the target units, the probe shape, and the work-plan and assistance rows a
 * probe needs, made once per database with the owner's connection.
 */
/**
 * A target unit, one membership somewhere in its subtree (with that membership's own path),
 * and a staff account whose only role is at the unit itself.
 */
export type Target = { unitId: number; unitPath: string; unitType: string; membershipId: number; membershipPath: string; accountId: number;
  transfer: { id: number; fromPath: string; toPath: string };
  importJobId: number;
  /** A filed hardship file of the demo in the subtree, with one evidence file. */
  household: { id: number; path: string; fileId: number } };
/**
 * The request, and the path of the row it touches: that decides inside or
 * outside. State changes that can run only once (approve, transfer…) name the
 * answers they may give inside: the row was found, and its state decided (409)
 * or the input did (400) — never 404, never 403 with the permission.
 */
export type ProbeCall = { request: InjectOptions; rowPath: string; inside?: readonly number[] };
/**
 * A probe may prepare rows first (with the owner's connection, outside any scope). It is told the
 * calling actor's unit path, for the steps only one union may take inside the subtree (the union a
 * 督办 is addressed to replies; the union that issued it closes): their answers differ by actor.
 */
export type Probe = (target: Target, db: Kysely<DB>, actorPath: string) => ProbeCall | Promise<ProbeCall>;

/** The matrix app's data folder (import files). */
export const MATRIX_DATA_DIR = mkdtempSync(join(tmpdir(), 'gonghui-matrix-'));
/** The bytes of the evidence the matrix uploads and reads (a PDF by its first bytes). */
export const MATRIX_PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** Org units the matrix creates get fresh names. */
let newUnits = 0;
/** A fresh unit name: `矩阵测试组织7`. */
export const freshUnitName = (prefix: string) => `${prefix}${(newUnits += 1)}`;
/** A child type each target's type may hold (src/modules/orgs/type-rules.ts). */
export const CHILD_TYPE: Record<string, string> = { province: 'city', city: 'county', county: 'grassroots', grassroots: 'branch' };
/** A fresh unit under the target, for the org changes that use one up (move, dissolve, merge). */
export const freshChild = (t: Target, db: Kysely<DB>) =>
  createOrgUnit(db, { parent: { id: t.unitId, path: t.unitPath, code: '', name: '' }, type: CHILD_TYPE[t.unitType]!, name: freshUnitName('矩阵测试组织') });

/**
 * Work plans owned by a target unit, made once per database with the owner's
 * connection: a draft (one section, measure and indicator) for the review
 * edits; a confirmed plan issued only to a fresh union under the target (so
 * no actor below the target receives it) with an accepted report of the
 * target and its evidence on disk. Inside means at or above the owner.
 */
export type PlanFixture = { draftId: number; draftSectionId: number; draftMeasureId: number; draftIndicatorId: number;
  planId: number; measureId: number; indicatorId: number; recipientId: number; reportId: number; evidenceId: number };
const planFixtures = new WeakMap<Kysely<DB>, Map<number, Promise<PlanFixture>>>();
export function planFixture(t: Target, db: Kysely<DB>): Promise<PlanFixture> {
  let byUnit = planFixtures.get(db);
  if (!byUnit) planFixtures.set(db, (byUnit = new Map()));
  let fixture = byUnit.get(t.unitId);
  if (!fixture) byUnit.set(t.unitId, (fixture = makePlanFixture(t, db)));
  return fixture;
}
async function makePlanFixture(t: Target, db: Kysely<DB>): Promise<PlanFixture> {
  const now = new Date();
  const plan = async (status: 'draft' | 'confirmed') => {
    const { id } = await db
      .insertInto('plans_plan')
      .values({ org_unit_id: t.unitId, org_path: t.unitPath, status, title: '矩阵测试工作部署', recipients: '[]', original_text: '一、总体\n1.做好工作。', source_kind: 'text', confirmed_at: status === 'confirmed' ? now : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const section = await db.insertInto('plans_section').values({ plan_id: id, org_path: t.unitPath, position: 0, no: '一', title: '总体' }).returning('id').executeTakeFirstOrThrow();
    const measure = await db
      .insertInto('plans_measure')
      .values({ plan_id: id, section_id: section.id, org_unit_id: t.unitId, org_path: t.unitPath, position: 0, no: '1', title: '做好工作', text: '做好工作。评选10名先进。' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const indicator = await db
      .insertInto('plans_indicator')
      .values({ plan_id: id, measure_id: measure.id, org_path: t.unitPath, position: 0, value: 10, approx: false, comparator: 'eq', unit: '人', subject: '先进', period: null, source: '评选10名先进。', origin: 'parsed' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, sectionId: section.id, measureId: measure.id, indicatorId: indicator.id };
  };
  const draft = await plan('draft');
  const confirmed = await plan('confirmed');
  const recipient = await createOrgUnit(db, { parent: { id: t.unitId, path: t.unitPath, code: '', name: '' }, type: CHILD_TYPE[t.unitType]!, name: freshUnitName('矩阵测试收文单位') });
  await db.insertInto('plans_issue').values({ plan_id: confirmed.id, from_org_unit_id: t.unitId, from_path: t.unitPath, to_org_unit_id: recipient.id, to_path: recipient.path, issued_at: now }).execute();
  const report = await db
    .insertInto('plans_report')
    .values({ plan_id: confirmed.id, measure_id: confirmed.measureId, org_unit_id: t.unitId, org_path: t.unitPath, reviewer_org_unit_id: t.unitId, period: '2026-Q1', period_start: '2026-01-01', progress: 'on_track', state: 'accepted', accepted_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const instance = await db
    .insertInto('workflow_instance')
    .values({ workflow_id: 'plans.report', record_type: 'plans_report', record_id: String(report.id), org_unit_id: t.unitId, org_path: t.unitPath, state: 'accepted', version: 3, started_at: now, updated_at: now, state_entered_at: now, finished_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('plans_report').set({ workflow_instance_id: instance.id }).where('id', '=', report.id).execute();
  const evidence = await db
    .insertInto('plans_evidence')
    .values({ report_id: report.id, org_path: t.unitPath, file_name: 'matrix.pdf', file_kind: 'pdf', file_size: MATRIX_PDF.length, file_sha256: '0'.repeat(64) })
    .returning('id')
    .executeTakeFirstOrThrow();
  mkdirSync(join(MATRIX_DATA_DIR, 'plans', 'evidence'), { recursive: true });
  writeFileSync(join(MATRIX_DATA_DIR, 'plans', 'evidence', `evidence-${evidence.id}`), MATRIX_PDF);
  return { draftId: draft.id, draftSectionId: draft.sectionId, draftMeasureId: draft.measureId, draftIndicatorId: draft.indicatorId,
    planId: confirmed.id, measureId: confirmed.measureId, indicatorId: confirmed.indicatorId, recipientId: recipient.id, reportId: report.id, evidenceId: evidence.id };
}
/** One draft 帮扶记录 on the target's household and one draft campaign at the target, made once per database (owner's connection). */
const aidFixtures = new WeakMap<Kysely<DB>, Map<number, Promise<{ recordId: number; campaignId: number }>>>();
export function aidFixture(t: Target, db: Kysely<DB>): Promise<{ recordId: number; campaignId: number }> {
  let byUnit = aidFixtures.get(db);
  if (!byUnit) aidFixtures.set(db, (byUnit = new Map()));
  let fixture = byUnit.get(t.unitId);
  if (!fixture) {
    fixture = (async () => {
      const record = await db
        .insertInto('assistance_aid_record')
        .values({ household_id: t.household.id, org_path: t.household.path, paying_org_unit_id: t.unitId, category: 'warmth', funding_source: 'union_funds', kind: 'cash', amount: 1, aid_date: '2026-11-24', aid_year: 2026, status: 'draft' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const campaign = await db
        .insertInto('assistance_aid_campaign')
        .values({ org_unit_id: t.unitId, org_path: t.unitPath, name: '矩阵测试活动', category: 'warmth', funding_source: 'union_funds', kind: 'cash', standard_amount: 100, budget: 1000, aid_date: '2026-12-28' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { recordId: record.id, campaignId: campaign.id };
    })();
    byUnit.set(t.unitId, fixture);
  }
  return fixture;
}

/** The version a draft edit must name: read fresh, so each repeat of an edit is answerable. */
export const draftVersion = async (db: Kysely<DB>, id: number) => (await db.selectFrom('plans_plan').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
/** A plan probe: the row is the target's plan, so inside is at or above the target. */
export const planProbe = (make: (f: PlanFixture, db: Kysely<DB>) => InjectOptions | Promise<InjectOptions>, inside?: readonly number[]): Probe => async (t, db) => ({
  request: await make(await planFixture(t, db), db),
  rowPath: t.unitPath,
  ...(inside ? { inside } : {}),
});

/**
 * 督办 and 考核 rows aimed at a target, made once per database (owner's connection). The supervised
 * union is the target, and the issuer its parent: a confirmed plan of the parent issued to the target
 * and signed for, an open 督办 item from the parent to the target (it takes replies however often the
 * matrix repeats them), and an assessment scheme of the parent (no plan; one manual rule) assessing
 * the target, with an open round. The province has no parent: there the target supervises and
 * assesses the fresh union its own plan went to (planFixture). Inside means at or above the
 * supervised union.
 */
export type SupervisionFixture = { planId: number; measureId: number; supervisedId: number; supervisedPath: string; issuerId: number; issuerPath: string;
  itemId: number; schemeId: number; roundId: number };
/** The matrix scheme's tree: 100 points on one manual rule (r1), entered by the issuer. */
export const MATRIX_SCHEME_TREE = [
  { key: 'd1', title: '矩阵测试维度', weight: 100, items: [{ key: 'i1', title: '矩阵测试项目', weight: 100, rules: [{ key: 'r1', title: '矩阵测试评分', kind: 'manual', weight: 100 }] }] },
];
const supervisionFixtures = new WeakMap<Kysely<DB>, Map<number, Promise<SupervisionFixture>>>();
export function supervisionFixture(t: Target, db: Kysely<DB>): Promise<SupervisionFixture> {
  let byUnit = supervisionFixtures.get(db);
  if (!byUnit) supervisionFixtures.set(db, (byUnit = new Map()));
  let fixture = byUnit.get(t.unitId);
  if (!fixture) byUnit.set(t.unitId, (fixture = makeSupervisionFixture(t, db)));
  return fixture;
}
async function makeSupervisionFixture(t: Target, db: Kysely<DB>): Promise<SupervisionFixture> {
  const now = new Date();
  const parentId = idsOnPath(t.unitPath).at(-2);
  let plan: { planId: number; measureId: number; supervised: { id: number; path: string }; issuer: { id: number; path: string } };
  if (parentId === undefined) {
    const own = await planFixture(t, db);
    const recipient = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', own.recipientId).executeTakeFirstOrThrow();
    plan = { planId: own.planId, measureId: own.measureId, supervised: recipient, issuer: { id: t.unitId, path: t.unitPath } };
  } else {
    const issuer = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', parentId).executeTakeFirstOrThrow();
    const { id: planId } = await db
      .insertInto('plans_plan')
      .values({ org_unit_id: issuer.id, org_path: issuer.path, status: 'confirmed', title: '矩阵测试督办部署', recipients: '[]', original_text: '一、总体\n1.做好工作。', source_kind: 'text', confirmed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const section = await db.insertInto('plans_section').values({ plan_id: planId, org_path: issuer.path, position: 0, no: '一', title: '总体' }).returning('id').executeTakeFirstOrThrow();
    const measure = await db
      .insertInto('plans_measure')
      .values({ plan_id: planId, section_id: section.id, org_unit_id: issuer.id, org_path: issuer.path, position: 0, no: '1', title: '做好工作', text: '做好工作。' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('plans_issue').values({ plan_id: planId, from_org_unit_id: issuer.id, from_path: issuer.path, to_org_unit_id: t.unitId, to_path: t.unitPath, issued_at: now, acknowledged_at: now }).execute();
    plan = { planId, measureId: measure.id, supervised: { id: t.unitId, path: t.unitPath }, issuer };
  }
  const base = { planId: plan.planId, measureId: plan.measureId, supervisedId: plan.supervised.id, supervisedPath: plan.supervised.path, issuerId: plan.issuer.id, issuerPath: plan.issuer.path };
  const itemId = await insertSupervisionItem(base, db);
  const scheme = await db
    .insertInto('plans_assessment_scheme')
    .values({ plan_id: null, org_unit_id: base.issuerId, org_path: base.issuerPath, year: 2026, title: '矩阵测试考核方案', full_score: '100', tree: JSON.stringify(MATRIX_SCHEME_TREE), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('plans_assessment_unit').values({ scheme_id: scheme.id, org_unit_id: base.supervisedId, org_path: base.supervisedPath, issuer_path: base.issuerPath }).execute();
  const roundId = await insertRound({ ...base, schemeId: scheme.id }, db, false);
  return { ...base, itemId, schemeId: scheme.id, roundId };
}
async function insertSupervisionItem(f: Omit<SupervisionFixture, 'itemId' | 'schemeId' | 'roundId'>, db: Kysely<DB>): Promise<number> {
  const now = new Date();
  const { id } = await db
    .insertInto('plans_supervision')
    .values({ plan_id: f.planId, measure_id: f.measureId, org_unit_id: f.supervisedId, org_path: f.supervisedPath, from_org_unit_id: f.issuerId, from_path: f.issuerPath, kind: 'reminder', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('plans_supervision_action').values({ supervision_id: id, org_path: f.supervisedPath, action: 'issue', actor_org_unit_id: f.issuerId, at: now, comment: '矩阵测试督办' }).execute();
  return id;
}
/** Rounds the matrix creates get fresh titles (unique per scheme). */
let newRounds = 0;
/** A fresh round title: `矩阵测试轮次7`. */
export const freshRoundTitle = () => `矩阵测试轮次${(newRounds += 1)}`;
/** An open round of the fixture's scheme; `scored`: with the manual rule entered for the assessed union, so it may be published. */
async function insertRound(f: Pick<SupervisionFixture, 'schemeId' | 'issuerPath' | 'supervisedId' | 'supervisedPath'>, db: Kysely<DB>, scored: boolean): Promise<number> {
  const { id } = await db.insertInto('plans_assessment_round').values({ scheme_id: f.schemeId, issuer_path: f.issuerPath, title: freshRoundTitle() }).returning('id').executeTakeFirstOrThrow();
  if (scored) {
    await db
      .insertInto('plans_assessment_entry')
      .values({ round_id: id, org_unit_id: f.supervisedId, node_key: 'r1', org_path: f.supervisedPath, issuer_path: f.issuerPath, value: '80', entered_at: new Date() })
      .execute();
  }
  return id;
}
/** A fresh open 督办 item of the fixture, for closing (a closed item takes no step again). */
export const freshSupervisionItem = (f: SupervisionFixture, db: Kysely<DB>) => insertSupervisionItem(f, db);
/** A fresh scored open round of the fixture's scheme, for publishing (a published round is frozen). */
export const freshScoredRound = (f: SupervisionFixture, db: Kysely<DB>) => insertRound(f, db, true);
/** The version a 督办 step must name, read fresh. */
export const supervisionVersion = async (db: Kysely<DB>, id: number) => (await db.selectFrom('plans_supervision').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
/** The version a scheme edit must name, read fresh. */
export const schemeVersion = async (db: Kysely<DB>, id: number) => (await db.selectFrom('plans_assessment_scheme').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
/**
 * A 督办 or 考核 probe: the row is the supervised (assessed) union's. `inside` answers, for the actor's
 * unit, what a caller inside the subtree with the permission gets.
 */
export const supervisionProbe = (
  make: (f: SupervisionFixture, db: Kysely<DB>) => InjectOptions | Promise<InjectOptions>,
  inside: (f: SupervisionFixture, actorPath: string) => readonly number[] = () => [200],
): Probe => async (t, db, actorPath) => {
  const f = await supervisionFixture(t, db);
  return { request: await make(f, db), rowPath: f.supervisedPath, inside: inside(f, actorPath) };
};
