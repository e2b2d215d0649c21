import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import type { TAuditEvent, TAuditEventPage } from '../src/core/audit/contract';
import { recordAuditEvent } from '../src/core/audit/record-audit-event';
import { verifyAuditChain } from '../src/core/audit/verify-audit-chain';
import { describeEachEngine, useFreshDatabase } from '../src/core/db/testing';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { createOrgUnit, createStaff, type TestOrg } from '../src/core/testing/factories';
import { buildTestApp, fakeClock, type SessionHeaders, signIn } from '../src/core/testing/test-app';
import { MODULES } from '../src/server/modules';

type World = {
  app: FastifyInstance;
  clock: ReturnType<typeof fakeClock>;
  /** The app's audit key, for events a test records directly and for verifying the chain. */
  auditKey: Buffer;
  province: TestOrg;
  cityA: TestOrg;
  cityB: TestOrg;
  countyA: TestOrg;
  as: (login: string) => Promise<SessionHeaders>;
};

const PASSWORD = 'Correct-Horse-42';

describeEachEngine('audit trail viewer and export', (engine) => {
  const database = useFreshDatabase(engine);

  /**
   * 省 → 市A (→ 县A), 市B. Clerks in 市A, 县A and 市B, audit admins at the
   * province and at 市A. Each clerk signs in once, a minute apart, and someone
   * fails to sign in as `nobody`.
   */
  async function world(): Promise<World> {
    const db = database().kysely;
    const province = await createOrgUnit(db, { name: '省总工会' });
    const cityA = await createOrgUnit(db, { parent: province, type: 'city', name: '甲市总工会' });
    const cityB = await createOrgUnit(db, { parent: province, type: 'city', name: '乙市总工会' });
    const countyA = await createOrgUnit(db, { parent: cityA, type: 'county', name: '甲县总工会' });
    await createStaff(db, { login: 'audit-sheng', org: province, roles: ['auditadmin'], name: '省审计员' });
    await createStaff(db, { login: 'audit-jia', org: cityA, roles: ['auditadmin'], name: '甲审计员' });
    await createStaff(db, { login: 'clerk-jia', org: cityA, roles: ['clerk'] });
    await createStaff(db, { login: 'clerk-jiaxian', org: countyA, roles: ['clerk'] });
    await createStaff(db, { login: 'clerk-yi', org: cityB, roles: ['clerk'] });

    const clock = fakeClock(new Date('2026-11-21T09:00:00+08:00'));
    const keys = testPlatformKeys();
    const app = await buildTestApp(database(), MODULES, { now: clock.now, keys });
    for (const login of ['clerk-jia', 'clerk-jiaxian', 'clerk-yi']) {
      await signIn(app, login, PASSWORD);
      clock.advance(60_000);
    }
    const failed = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nobody', password: 'x' } });
    expect(failed.statusCode).toBe(401);
    clock.advance(60_000);
    return { app, clock, auditKey: keys.auditKey, province, cityA, cityB, countyA, as: (login) => signIn(app, login, PASSWORD) };
  }

  const getPage = async (app: FastifyInstance, headers: SessionHeaders, query = '') => {
    const response = await app.inject({ method: 'GET', url: `/api/audit/events${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TAuditEventPage>();
  };

  const loginsOf = (items: TAuditEvent[]) =>
    items.filter((event) => event.action === 'auth.login').map((event) => event.actorLogin ?? `(${String(event.details.login)})`);

  it('shows a province audit admin the events of everyone, failed sign-ins included', async () => {
    const { app, as, province } = await world();
    const page = await getPage(app, await as('audit-sheng'), '?limit=200');
    expect(loginsOf(page.items)).toEqual(['audit-sheng', '(nobody)', 'clerk-yi', 'clerk-jiaxian', 'clerk-jia']);
    const own = page.items[0];
    expect(own).toMatchObject({ actorLogin: 'audit-sheng', actorName: '省审计员', actorOrgUnitId: province.id, actorOrgName: '省总工会' });
    expect(own?.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(page.items.find((event) => event.actorLogin === 'clerk-yi')).toMatchObject({ ip: '127.0.0.1', result: 'success', category: 'auth' });
    expect(page.nextCursor).toBeNull();
  });

  it('shows a city audit admin only what was done within that city', async () => {
    const { app, as, cityB, countyA } = await world();
    const headers = await as('audit-jia');
    const page = await getPage(app, headers);
    expect(loginsOf(page.items)).toEqual(['audit-jia', 'clerk-jiaxian', 'clerk-jia']);
    expect(page.items.every((event) => event.actorLogin !== 'clerk-yi' && event.actorLogin !== null)).toBe(true);

    // A unit below: fine; a unit outside the city does not exist for them.
    expect(loginsOf((await getPage(app, headers, `?orgUnitId=${countyA.id}`)).items)).toEqual(['clerk-jiaxian']);
    const outside = await app.inject({ method: 'GET', url: `/api/audit/events?orgUnitId=${cityB.id}`, headers });
    expect(outside.statusCode).toBe(404);
    const exportOutside = await app.inject({ method: 'GET', url: `/api/audit/export?purpose=x&orgUnitId=${cityB.id}`, headers });
    expect(exportOutside.statusCode).toBe(404);
  });

  it('refuses both routes to a clerk', async () => {
    const { app, as } = await world();
    const headers = await as('clerk-jia');
    for (const url of ['/api/audit/events', '/api/audit/export?purpose=%E6%A3%80%E6%9F%A5']) {
      const response = await app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await app.inject({ method: 'GET', url: '/api/audit/events' })).statusCode).toBe(401);
  });

  it('filters by actor, unit, action, action prefix, result and time', async () => {
    const { app, as, cityA } = await world();
    const headers = await as('audit-sheng');
    const actions = (page: TAuditEventPage) => page.items.map((event) => `${event.action}:${event.actorLogin ?? '-'}:${event.result}`);

    expect(actions(await getPage(app, headers, '?actor=clerk-yi'))).toEqual(['auth.login:clerk-yi:success']);
    // The typed login of a failed sign-in counts as the actor.
    expect(actions(await getPage(app, headers, '?actor=NoBody'))).toEqual(['auth.login:-:failure']);
    expect(loginsOf((await getPage(app, headers, `?orgUnitId=${cityA.id}`)).items)).toEqual(['clerk-jiaxian', 'clerk-jia']);
    expect(actions(await getPage(app, headers, '?result=failure'))).toEqual(['auth.login:-:failure']);

    // Viewing leaves audit.view events; `audit.` finds them, `auth.` finds the rest.
    const viewed = await getPage(app, headers, '?action=audit.');
    expect(viewed.items.length).toBeGreaterThanOrEqual(4);
    expect(viewed.items.every((event) => event.action === 'audit.view')).toBe(true);
    const auth = await getPage(app, headers, '?action=auth.&limit=200');
    expect(auth.items.every((event) => event.action.startsWith('auth.'))).toBe(true);
    expect(auth.items).toHaveLength(5);
    expect((await getPage(app, headers, '?action=auth')).items).toHaveLength(0);

    // Sign-ins were at 09:00, 09:01, 09:02 (Beijing); the failure at 09:03.
    const window = `?action=auth.login&from=${encodeURIComponent('2026-11-21T09:01:00+08:00')}&to=${encodeURIComponent('2026-11-21T01:03:00Z')}`;
    expect(loginsOf((await getPage(app, headers, window)).items)).toEqual(['clerk-yi', 'clerk-jiaxian']);
    // Empty parameters mean no filter.
    expect((await getPage(app, headers, '?actor=&result=&limit=')).items.length).toBeGreaterThan(5);
  });

  it('pages through the trail with a seq cursor, newest first, without gaps or repeats', async () => {
    const { app, as } = await world();
    const headers = await as('audit-sheng');
    const seen: number[] = [];
    let cursor: number | null = null;
    let rounds = 0;
    do {
      const page = await getPage(app, headers, `?action=auth.&limit=2${cursor ? `&before=${cursor}` : ''}`);
      seen.push(...page.items.map((event) => event.seq));
      cursor = page.nextCursor;
      rounds += 1;
    } while (cursor !== null && rounds < 10);
    expect(rounds).toBe(3);
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(new Set(seen).size).toBe(5);
  });

  it('answers bad filters with a Chinese message naming the field', async () => {
    const { app, as } = await world();
    const headers = await as('audit-sheng');
    const cases: Array<[string, string, RegExp]> = [
      ['?limit=500', 'limit', /每页最多 200 条/],
      ['?from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z', 'to', /结束时间须晚于开始时间/],
      ['?from=yesterday', 'from', /开始时间须为 ISO 8601 时间/],
      ['?result=maybe', 'result', /结果须为/],
      ["?actor=a'b", 'actor', /操作人请填写账号/],
    ];
    for (const [query, field, message] of cases) {
      const response = await app.inject({ method: 'GET', url: `/api/audit/events${query}`, headers });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.field, query).toBe(field);
      expect(response.json().error.message, query).toMatch(message);
    }
  });

  it('records every view in the trail, with the filter', async () => {
    const { app, as, clock } = await world();
    const headers = await as('audit-jia');
    clock.advance(60_000);
    await getPage(app, headers, '?actor=clerk-jia&action=auth.&limit=10');
    const views = await database()
      .kysely.selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'audit.view')
      .orderBy('seq', 'desc')
      .execute();
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      actor_login: 'audit-jia',
      category: 'sensitive-read',
      result: 'success',
      details: { filter: { actor: 'clerk-jia', action: 'auth.' }, returned: 1 },
    });
    // The province sees the city auditor's viewing.
    const seen = await getPage(app, await as('audit-sheng'), '?action=audit.view');
    expect(seen.items.map((event) => event.actorLogin)).toEqual(['audit-jia']);
  });

  it('exports the matching events to a watermarked xlsx, defused, and audits its hash', async () => {
    const { app, as, cityA, auditKey } = await world();
    const db = database().kysely;
    // An event whose texts would be formulas in a careless export.
    await recordAuditEvent(db, {
      key: auditKey,
      actor: { accountId: null, login: 'clerk-jia', orgUnitId: cityA.id, orgPath: cityA.path },
      origin: { ip: '127.0.0.1', userAgent: 'test', requestId: 'r-x' },
      occurredAt: new Date('2026-11-21T01:10:00Z'),
      event: { action: 'orgs.update', category: 'write', targetType: 'org_unit', targetId: '=1+1', reason: '@SUM(A1)', details: { name: '-2' } },
    });
    const headers = await as('audit-sheng');
    const purpose = '年度安全审计 =检查';
    const response = await app.inject({
      method: 'GET',
      url: `/api/audit/export?purpose=${encodeURIComponent(purpose)}&orgUnitId=${cityA.id}`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="audit-log-20261121.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志-20261121.xlsx')}`,
    );
    const bytes = response.rawPayload;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(response.headers['x-content-sha256']).toBe(sha256);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('审计日志 · 省总工会');
    expect(sheet.getCell('A2').value).toBe(`导出人：省审计员（audit-sheng） 单位：省总工会 时间：2026-11-21 09:04 用途：${purpose}`);
    expect(sheet.headerFooter.oddFooter).toContain('用途：年度安全审计 =检查');
    expect(sheet.getCell('B3').value).toBe('时间');
    // Newest first: the orgs.update event, then the two sign-ins within 甲市.
    const rows = [4, 5, 6].map((index) => sheet.getRow(index));
    expect(rows.map((row) => row.getCell(3).value)).toEqual(['clerk-jia', 'clerk-jiaxian', 'clerk-jia']);
    expect(rows[0]!.getCell(2).value).toBe('2026-11-21 09:10:00');
    expect(rows[0]!.getCell(8).value).toBe('org_unit #=1+1');
    expect(rows[0]!.getCell(12).value).toBe("'@SUM(A1)");
    expect(rows[0]!.getCell(13).value).toBe('{"name":"-2"}');
    expect(rows[1]!.getCell(9).value).toBe('成功');
    expect(sheet.getRow(7).values).toEqual([]);

    const exported = await db.selectFrom('audit_event').selectAll().where('action', '=', 'audit.export').execute();
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      actor_login: 'audit-sheng',
      category: 'export',
      reason: purpose,
      details: { purpose, rowCount: 3, truncated: false, sha256, bytes: bytes.length, filter: { orgUnitId: cityA.id } },
    });
    // The chain still verifies with the platform's audit key.
    expect((await verifyAuditChain(db, auditKey)).broken).toBe(0);
  });

  it('defuses a cell that starts a formula', async () => {
    const { app, as, cityA, auditKey } = await world();
    await recordAuditEvent(database().kysely, {
      key: auditKey,
      actor: { accountId: null, login: 'clerk-jia', orgUnitId: cityA.id, orgPath: cityA.path },
      origin: { ip: '127.0.0.1', userAgent: 'test', requestId: 'r-y' },
      occurredAt: new Date('2026-11-21T01:20:00Z'),
      event: { action: 'orgs.update', category: 'write', reason: '=HYPERLINK("http://evil.example","点我")' },
    });
    const response = await app.inject({ method: 'GET', url: '/api/audit/export?purpose=check&action=orgs.', headers: await as('audit-sheng') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getCell('L4');
    expect(cell.value).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('requires an export purpose, in Chinese, and keeps personal data out of it', async () => {
    const { app, as } = await world();
    const headers = await as('audit-sheng');
    for (const query of ['', '?purpose=', '?purpose=%20%20']) {
      const response = await app.inject({ method: 'GET', url: `/api/audit/export${query}`, headers });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'purpose' });
      expect(response.json().error.message).toContain('请填写导出用途');
    }
    const phone = await app.inject({ method: 'GET', url: `/api/audit/export?purpose=${encodeURIComponent('联系 13800138000')}`, headers });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.message).toBe('导出用途中请勿填写身份证号或手机号');
    // Nothing was exported, so nothing was recorded.
    const exports = await database().kysely.selectFrom('audit_event').select('seq').where('action', '=', 'audit.export').execute();
    expect(exports).toHaveLength(0);
  });
});
