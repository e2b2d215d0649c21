import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Transaction } from 'kysely';
import { makeIdNumber } from '../../../../core/cn/id-number';
import type { Database } from '../../../../core/db/database';
import type { DB } from '../../../../core/db/schema';
import { sealPersonField } from '../../../../core/person/person-fields';
import { testPlatformKeys } from '../../../../core/platform/test-keys';
import { createOrgUnit, createStaff, type TestOrg } from '../../../../core/testing/factories';
import { buildTestApp, fakeClock, type SessionHeaders, signIn } from '../../../../core/testing/test-app';
import { type AnyWorkflow, runDueTimers } from '../../../../core/workflow/engine';
import { readAsPlatform } from '../../../../core/workflow/testing/leave-world';
import { MODULES } from '../../../../server/modules';
import type { THouseholdDetail } from '../../household-contract';
import { filingWorkflow } from '../filing/filing-workflow';

/**
 * The org tree, staff and members the hardship-file tests act in:
 *
 *   省总 (610000)
 *   ├─ 甲市 (610100: 低保 700 urban) ─ city reviewer
 *   │   ├─ 甲县 (610113, falls back to 甲市's standard) ─ county reviewer
 *   │   │   └─ 甲厂 ─ clerk, reviewer; members 王/李/张/赵/孙/周
 *   │   └─ 市直厂 (no county above) ─ clerk, reviewer; member 吴
 *   └─ 乙市 (610400) ─ city reviewer
 *       └─ 乙县 (610404) ─ county reviewer
 *           └─ 乙厂 ─ clerk and reviewer; member 郑
 */
export async function buildHouseholdWorld(database: Database, startAt = new Date('2026-11-16T09:00:00+08:00')) {
  const db = database.kysely;
  const keys = testPlatformKeys();
  const clock = fakeClock(startAt);
  const unit = async (options: Parameters<typeof createOrgUnit>[1], regionCode: string | null) => {
    const created = await createOrgUnit(db, options);
    if (regionCode) await db.updateTable('org_unit').set({ region_code: regionCode }).where('id', '=', created.id).execute();
    return created;
  };
  const province = await unit({ name: '省总工会' }, '610000');
  const cityA = await unit({ parent: province, type: 'city', name: '甲市总工会' }, '610100');
  const countyA = await unit({ parent: cityA, type: 'county', name: '甲县总工会' }, '610113');
  const factoryA = await unit({ parent: countyA, name: '甲厂工会' }, null);
  const cityDirect = await unit({ parent: cityA, name: '市直厂工会' }, null);
  const cityB = await unit({ parent: province, type: 'city', name: '乙市总工会' }, '610400');
  const countyB = await unit({ parent: cityB, type: 'county', name: '乙县总工会' }, '610404');
  const factoryB = await unit({ parent: countyB, name: '乙厂工会' }, null);
  const units = { province, cityA, countyA, factoryA, cityDirect, cityB, countyB, factoryB };

  const staff = async (login: string, org: TestOrg, roles: string[]) => {
    await createStaff(db, { login, org, roles });
    return login;
  };
  const logins = {
    clerkA: await staff('clerk-a', factoryA, ['clerk']),
    reviewerA: await staff('reviewer-a', factoryA, ['reviewer']),
    clerkDirect: await staff('clerk-direct', cityDirect, ['clerk', 'reviewer']),
    countyA: await staff('county-a', countyA, ['reviewer']),
    countyClerkA: await staff('county-clerk-a', countyA, ['clerk']),
    cityA: await staff('city-a', cityA, ['head']),
    clerkB: await staff('clerk-b', factoryB, ['clerk', 'reviewer']),
    countyB: await staff('county-b', countyB, ['reviewer']),
    cityB: await staff('city-b', cityB, ['head']),
    province: await staff('province', province, ['head']),
  };

  let people = 0;
  /** A member of `org` (an active membership), with an ID number from the union's region. */
  const member = async (org: TestOrg, name: string, birthDate = '1980-05-01') => {
    people += 1;
    const idNumber = makeIdNumber('610113', birthDate, 100 + people * 2 + 1);
    const sealed = sealPersonField(keys.ring, 'idNumber', idNumber);
    const person = await db
      .insertInto('person')
      .values({ id_number_envelope: sealed.envelope, id_number_index: sealed.index, id_number_masked: sealed.masked, name, gender: 'male', birth_date: birthDate })
      .returning('id')
      .executeTakeFirstOrThrow();
    const membership = await db
      .insertInto('members_membership')
      .values({ person_id: person.id, org_unit_id: org.id, org_path: org.path, status: 'active', joined_on: '2010-01-01', started_on: '2010-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { personId: person.id, membershipId: membership.id, idNumber, name };
  };
  const members = {
    wang: await member(factoryA, '王建国'),
    li: await member(factoryA, '李卫东'),
    zhang: await member(factoryA, '张红兵'),
    zhao: await member(factoryA, '赵志强'),
    sun: await member(factoryA, '孙立平'),
    zhou: await member(factoryA, '周海涛'),
    wu: await member(cityDirect, '吴永刚'),
    zheng: await member(factoryB, '郑国庆'),
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-assistance-'));
  const app: FastifyInstance = await buildTestApp(database, MODULES, { now: clock.now, keys, env: { DATA_DIR: dataDir } });
  const sessions = new Map<string, SessionHeaders>();
  const headers = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await signIn(app, login, 'Correct-Horse-42'));
    return sessions.get(login)!;
  };
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, extraHeaders: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
    const send = async () =>
      app.inject({ method, url, headers: { ...(await headers(login)), ...extraHeaders }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    const response = await send();
    if (response.statusCode !== 401) return response;
    // The fake clock moved past the session's idle limit: sign in again, as the user would.
    sessions.delete(login);
    return send();
  };
  const get = (login: string, url: string) => call(login, 'GET', url);
  const post = (login: string, url: string, payload: unknown = {}) => call(login, 'POST', url, payload);
  const put = (login: string, url: string, payload: unknown) => call(login, 'PUT', url, payload);
  const del = (login: string, url: string) => call(login, 'DELETE', url);

  /** Opens a file for `who` as the clerk of their union (default 甲厂's), asserting 200. */
  let families = 0;
  const open = async (who: { membershipId: number }, figures: Record<string, unknown> = {}, login = logins.clerkA) => {
    // Each family its own spouse and child (一户一档 refuses a member already on another open file).
    families += 1;
    const members = DEEP_FIGURES.members.map((member, index) => ({ ...member, idNumber: makeIdNumber('610113', member.idNumber.slice(6, 14).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3'), 400 + families * 4 + index * 2) }));
    const response = await post(login, '/api/assistance/households', { membershipId: who.membershipId, ...DEEP_FIGURES, members, ...figures });
    if (response.statusCode !== 200) throw new Error(`open: ${response.statusCode} ${response.body}`);
    return response.json() as THouseholdDetail;
  };
  /** The file's workflow version now (for the next step). */
  const version = async (householdId: number) => {
    const response = await get(logins.province, `/api/assistance/households/${householdId}/actions`);
    if (response.statusCode !== 200) throw new Error(`actions: ${response.statusCode} ${response.body}`);
    return response.json().workflow.version as number;
  };
  /** Takes a step from the current version. */
  const act = async (login: string, householdId: number, transition: string, body: Record<string, unknown> = {}) =>
    post(login, `/api/assistance/households/${householdId}/actions/${transition}`, { expectedVersion: await version(householdId), ...body });
  /** Uploads a small PDF of `kind` to the file. */
  const upload = (login: string, householdId: number, kind: string, bytes: Buffer = PDF, fileName = `${kind}-授权书.pdf`) =>
    call(login, 'POST', `/api/assistance/households/${householdId}/files?kind=${kind}`, bytes, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) });
  /** Walks a file from 待提交 to 公示中 along the legal path (county check by default). */
  const toNotice = async (householdId: number, checker = logins.countyA, clerk = logins.clerkA, reviewer = logins.reviewerA) => {
    const steps: [string, string, Record<string, unknown>][] = [
      [clerk, 'submit', {}],
      [reviewer, 'approve_first_review', { comment: '材料齐全' }],
    ];
    for (const [login, transition, body] of steps) expectOk(await act(login, householdId, transition, body), transition);
    const file = (await upload(clerk, householdId, 'authorisation')).json();
    expectOk(await act(clerk, householdId, 'record_home_visit', { form: HOME_VISIT, attachments: [{ fileId: file.id }] }), 'record_home_visit');
    expectOk(await act(checker, householdId, 'civil_check'), 'civil_check');
    expectOk(await act(checker, householdId, 'approve_financial_check'), 'approve_financial_check');
  };
  const runTimers = () => runDueTimers(db, [filingWorkflow as unknown as AnyWorkflow], clock.now(), { auditKey: keys.auditKey });
  const setClock = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
  const read = <T>(work: (tx: Transaction<DB>) => Promise<T>) => readAsPlatform(db, work);
  const household = (id: number) => read((tx) => tx.selectFrom('assistance_household').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  /**
   * Files each household (open → notice → 已建档 when the notice ends), all with
   * one clock jump past the notice (from the start, Monday 16 November 2026,
   * to Tuesday 24 November): the ids, in the order given. Each entry is a
   * member and its figures; `clerk` and `checker` as for `open` and `toNotice`.
   */
  const fileHouseholds = async (families: readonly { who: { membershipId: number }; figures?: Record<string, unknown>; clerk?: string; reviewer?: string; checker?: string }[]) => {
    const ids: number[] = [];
    for (const family of families) {
      const opened = await open(family.who, family.figures ?? {}, family.clerk ?? logins.clerkA);
      await toNotice(opened.id, family.checker ?? logins.countyA, family.clerk ?? logins.clerkA, family.reviewer ?? logins.reviewerA);
      ids.push(opened.id);
    }
    setClock('2026-11-24T09:00:00+08:00');
    await runTimers();
    for (const id of ids) if ((await household(id)).status !== 'filed') throw new Error(`household ${id} was not filed`);
    return ids;
  };
  return { db, app, keys, clock, dataDir, units, logins, members, member, get, post, put, del, open, act, version, upload, toNotice, runTimers, setClock, read, household, fileHouseholds };
}

export type HouseholdWorld = Awaited<ReturnType<typeof buildHouseholdWorld>>;

function expectOk(response: LightMyRequestResponse, what: string): void {
  if (response.statusCode !== 200) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
}

/**
 * A household of three in 甲县 (西安's urban 低保, 700 a month): 36000 a year,
 * 8000 medical and 4000 schooling → (36000 − 12000) ÷ 12 ÷ 3 = 666.66 < 700: 深度困难.
 */
export const DEEP_FIGURES = {
  annualIncome: 36000,
  rigidExpenses: { medical: 8000, education: 4000 },
  mainCause: 'illness',
  secondaryCauses: ['education'],
  bank: { bankName: '中国工商银行西安雁塔支行', accountNumber: '6222020200112233445' },
  worker: { illnesses: ['malignant_tumour'], employment: 'employed', annualIncome: 30000 },
  members: [
    { relation: 'spouse', name: '刘桂兰', idNumber: makeIdNumber('610113', '1982-03-09', 222), employment: 'unemployed', annualIncome: 0, disability: { type: 'physical', grade: 2 } },
    { relation: 'child', name: '王小明', idNumber: makeIdNumber('610113', '2012-09-01', 331), employment: 'student', annualIncome: 0 },
  ],
};

/** The deep household's figures without its members (`open` gives each family its own). */
const DEEP_HOUSEHOLD = Object.fromEntries(Object.entries(DEEP_FIGURES).filter(([key]) => key !== 'members')) as Omit<typeof DEEP_FIGURES, 'members'>;

/** (54000 − 12000) ÷ 12 ÷ 3 = 1166.66: under 2 × 700, 相对困难 (the spouse and child as `open` makes them). */
export const RELATIVE_FIGURES = { ...DEEP_HOUSEHOLD, annualIncome: 54000, worker: { ...DEEP_FIGURES.worker, annualIncome: 54000 } };

export const HOME_VISIT = { visitDate: '2026-11-16', visitors: '赵丽娟、王志刚', findings: '家中一人患恶性肿瘤，配偶肢体残疾，无其他收入来源，与申报相符。' };

/** The smallest bytes a PDF reader would recognise as one (the check is on the first bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
