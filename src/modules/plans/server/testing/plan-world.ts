import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { Database } from '../../../../core/db/database';
import { createOrgUnit, createStaff, type TestOrg } from '../../../../core/testing/factories';
import { buildTestApp, fakeClock, type SessionHeaders, signIn } from '../../../../core/testing/test-app';
import { MODULES } from '../../../../server/modules';
import type { TPlanDetail, TPlanMeasureNode } from '../../contract';

export const SEED_1_TEXT = readFileSync(new URL('../fixtures/seed-1-fed-2023-15-measures.txt', import.meta.url), 'utf8');
export const SEED_1_DOCX = readFileSync(new URL('../fixtures/seed-1.docx', import.meta.url));

const PASSWORD = 'Correct-Horse-42';

/**
 * A province for plan tests, three levels deep and with siblings at each:
 *
 *   省总工会 ─┬─ 西安市总工会 ─┬─ 雁塔区总工会 ── 雁塔某公司工会
 *             │               └─ 碑林区总工会
 *             ├─ 宝鸡市总工会 ── 渭滨区总工会
 *             └─ 咸阳市总工会
 *
 * Staff: a clerk (drafts, issues, reports) and a head (reviews, supervises) at
 * the province and at 西安; clerks at 宝鸡, 咸阳, the counties and the grassroots
 * union; a reviewer at 雁塔. Logins name their unit.
 */
export async function buildPlanWorld(database: () => Database, options: { now?: Date } = {}) {
  const db: Kysely<DB> = database().kysely;
  const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
  const xian = await createOrgUnit(db, { parent: province, type: 'city', name: '西安市总工会' });
  const baoji = await createOrgUnit(db, { parent: province, type: 'city', name: '宝鸡市总工会' });
  const xianyang = await createOrgUnit(db, { parent: province, type: 'city', name: '咸阳市总工会' });
  const yanta = await createOrgUnit(db, { parent: xian, type: 'county', name: '雁塔区总工会' });
  const beilin = await createOrgUnit(db, { parent: xian, type: 'county', name: '碑林区总工会' });
  const weibin = await createOrgUnit(db, { parent: baoji, type: 'county', name: '渭滨区总工会' });
  const grassroots = await createOrgUnit(db, { parent: yanta, type: 'grassroots', name: '雁塔某公司工会' });
  const units = { province, xian, baoji, xianyang, yanta, beilin, weibin, grassroots };
  const staff: [string, TestOrg, string[]][] = [
    ['sheng-clerk', province, ['clerk']],
    ['sheng-head', province, ['head', 'reviewer']],
    ['xian-clerk', xian, ['clerk']],
    ['xian-head', xian, ['head', 'reviewer']],
    ['baoji-clerk', baoji, ['clerk']],
    ['xianyang-clerk', xianyang, ['clerk']],
    ['yanta-clerk', yanta, ['clerk']],
    ['yanta-reviewer', yanta, ['reviewer']],
    ['beilin-clerk', beilin, ['clerk']],
    ['weibin-clerk', weibin, ['clerk']],
    ['jiceng-clerk', grassroots, ['clerk']],
  ];
  for (const [login, org, roles] of staff) await createStaff(db, { login, org, roles });

  const clock = fakeClock(options.now ?? new Date('2026-03-10T09:00:00+08:00'));
  const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-plans-'));
  const app: FastifyInstance = await buildTestApp(database(), MODULES, { now: clock.now, env: { DATA_DIR: dataDir } });
  const sessions = new Map<string, SessionHeaders>();
  const headers = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await signIn(app, login, PASSWORD));
    return sessions.get(login)!;
  };
  const call = async (login: string, request: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...request, headers: { ...(request.headers as Record<string, string> | undefined), ...(await headers(login)) } });
  const post = (login: string, url: string, payload: object = {}) => call(login, { method: 'POST', url, payload });
  const put = (login: string, url: string, payload: object) => call(login, { method: 'PUT', url, payload });
  const get = (login: string, url: string) => call(login, { method: 'GET', url });
  const del = (login: string, url: string) => call(login, { method: 'DELETE', url });
  /** A call that must succeed; its JSON. */
  const ok = async <T = unknown>(response: Promise<LightMyRequestResponse>): Promise<T> => {
    const answer = await response;
    if (answer.statusCode !== 200) throw new Error(`expected 200, got ${answer.statusCode}: ${answer.body}`);
    return answer.json() as T;
  };
  /** Moves the clock to `instant`; sessions would have expired by then, so everyone signs in again. */
  const advanceTo = (instant: string) => {
    clock.advance(Date.parse(instant) - clock.now().getTime());
    sessions.clear();
  };
  const events = (action: string) => db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute();
  return { db, app, clock, advanceTo, dataDir, units, call, post, put, get, del, ok, events };
}

export type PlanWorld = Awaited<ReturnType<typeof buildPlanWorld>>;

/** Every measure of a plan detail in document order. */
export function measuresOf(plan: TPlanDetail): TPlanMeasureNode[] {
  const out: TPlanMeasureNode[] = [];
  const walk = (sections: TPlanDetail['sections']) => {
    for (const section of sections) {
      out.push(...section.measures);
      walk(section.sections);
    }
  };
  walk(plan.sections);
  return out;
}

/** The measure numbered `no` (the document's, not a local one). */
export function measureNo(plan: TPlanDetail, no: string): TPlanMeasureNode {
  const measure = measuresOf(plan).find((candidate) => candidate.no === no && !candidate.isLocal);
  if (!measure) throw new Error(`no measure ${no}`);
  return measure;
}

/** Seed 1 imported by the province clerk and confirmed; `prepare` may correct the draft first (and answers it). */
export async function importConfirmedSeed1(world: PlanWorld, prepare?: (draft: TPlanDetail) => Promise<TPlanDetail>): Promise<TPlanDetail> {
  let draft = await world.ok<TPlanDetail>(world.post('sheng-clerk', '/api/plans/drafts', { text: SEED_1_TEXT }));
  if (prepare) draft = await prepare(draft);
  return world.ok<TPlanDetail>(world.post('sheng-clerk', `/api/plans/${draft.id}/confirm`, { version: draft.version }));
}

/**
 * Seed 1 confirmed and cascaded: measure 2 assigned (quarterly, due
 * 2026-12-31); issued province → 西安, 宝鸡; 西安 → 雁塔, 碑林; all signed for.
 */
export async function cascadedSeed1(world: PlanWorld, prepare?: (draft: TPlanDetail) => Promise<TPlanDetail>): Promise<TPlanDetail> {
  const confirmed = await importConfirmedSeed1(world, prepare);
  const craftsmen = measureNo(confirmed, '2');
  await world.ok(
    world.put('sheng-clerk', `/api/plans/measures/${craftsmen.id}/assignment`, {
      version: craftsmen.version,
      leadDepartment: '经济技术部',
      coOwners: [],
      responsibleOrgUnitIds: [world.units.xian.id, world.units.baoji.id],
      deadline: '2026-12-31',
      cadence: 'quarterly',
    }),
  );
  const { units } = world;
  await world.ok(world.post('sheng-clerk', `/api/plans/${confirmed.id}/issue`, { orgUnitIds: [units.xian.id, units.baoji.id] }));
  await world.ok(world.post('xian-clerk', `/api/plans/${confirmed.id}/acknowledge`));
  await world.ok(world.post('baoji-clerk', `/api/plans/${confirmed.id}/acknowledge`));
  await world.ok(world.post('xian-clerk', `/api/plans/${confirmed.id}/issue`, { orgUnitIds: [units.yanta.id, units.beilin.id] }));
  await world.ok(world.post('yanta-clerk', `/api/plans/${confirmed.id}/acknowledge`));
  await world.ok(world.post('beilin-clerk', `/api/plans/${confirmed.id}/acknowledge`));
  return world.ok<TPlanDetail>(world.get('sheng-clerk', `/api/plans/${confirmed.id}`));
}

/** Minimal files of each kind, as their first bytes make them. */
export const EVIDENCE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  jpg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1), Buffer.from([0xff, 0xd9])]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
};

/** Uploads a file as the console does (raw bytes, the name in X-File-Name). */
export const uploadTo = (world: PlanWorld, login: string, url: string, body: Buffer, name: string) =>
  world.call(login, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    payload: body,
  });
