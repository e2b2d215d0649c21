import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../../core/auth/password-policy';
import { totpCode } from '../../../core/auth/totp';
import { openField } from '../../../core/crypto';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { testPlatformKeys } from '../../../core/platform/test-keys';
import { createOrgUnit, createStaff, type TestOrg } from '../../../core/testing/factories';
import { buildTestApp, type SessionHeaders, signIn } from '../../../core/testing/test-app';
import { MODULES } from '../../../server/modules';
import type { TAccountRow } from '../contract';
import { ACCOUNT_PHONE_CONTEXT } from './account-phone';
import { isSecondAdminRoleViolation } from './account-guards';

const PASSWORD = 'Correct-Horse-42';

describeEachEngine('accounts module', (engine) => {
  const database = useFreshDatabase(engine);
  const keys = testPlatformKeys();

  /**
   * 省总 → 西安市总 → 雁塔区总, and 咸阳市总 as 西安's sibling. Administrators at
   * the root and at 西安 (one of each kind there), clerks below.
   */
  async function world() {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
    const xian = await createOrgUnit(db, { parent: province, type: 'city', name: '西安市总工会' });
    const yanta = await createOrgUnit(db, { parent: xian, type: 'county', name: '雁塔区总工会' });
    const xianyang = await createOrgUnit(db, { parent: province, type: 'city', name: '咸阳市总工会' });
    const staff = async (login: string, org: TestOrg, roles: string[], secondFactorRequired = false) =>
      createStaff(db, { login, org, roles, secondFactorRequired });
    const accounts = {
      rootSys: await staff('root-sys', province, ['sysadmin']),
      xianSys: await staff('xian-sys', xian, ['sysadmin']),
      xianSec: await staff('xian-sec', xian, ['secadmin']),
      xianAudit: await staff('xian-audit', xian, ['auditadmin']),
      yantaClerk: await staff('yanta-clerk', yanta, ['clerk']),
      xianyangClerk: await staff('xianyang-clerk', xianyang, ['clerk']),
    };
    const app = await buildTestApp(database(), MODULES, { keys });
    const sessions = new Map<string, SessionHeaders>();
    const as = async (login: string) => {
      if (!sessions.has(login)) sessions.set(login, await signIn(app, login, PASSWORD));
      return sessions.get(login)!;
    };
    const call = async (login: string, request: InjectOptions) => app.inject({ ...request, headers: await as(login) });
    const post = (login: string, url: string, payload?: object) => call(login, { method: 'POST', url, payload: payload ?? {} });
    const get = (login: string, url: string) => call(login, { method: 'GET', url });
    const events = (action: string) =>
      db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute();
    return { db, app, units: { province, xian, yanta, xianyang }, accounts, as, call, post, get, events };
  }

  const loginOf = (app: FastifyInstance, login: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });

  it('keeps the administrators apart: the system administrator reads no members or audit trail, the audit administrator manages no accounts', async () => {
    const { get, post, accounts, units } = await world();
    expect((await get('xian-sys', '/api/members')).statusCode).toBe(403);
    expect((await get('xian-sys', '/api/audit/events')).statusCode).toBe(403);
    expect((await get('xian-sys', '/api/accounts')).statusCode).toBe(200);
    expect((await post('xian-sys', `/api/accounts/${accounts.yantaClerk.id}/unlock`)).statusCode).toBe(403);

    expect((await get('xian-audit', '/api/accounts')).statusCode).toBe(403);
    const byAuditor = await post('xian-audit', '/api/accounts', { login: 'newbie', name: '新人', orgUnitId: units.yanta.id, roles: ['clerk'] });
    expect(byAuditor.statusCode).toBe(403);
    expect((await post('xian-audit', `/api/accounts/${accounts.yantaClerk.id}/disable`)).statusCode).toBe(403);

    // The security administrator sees accounts but neither creates them nor grants roles.
    expect((await get('xian-sec', '/api/accounts')).statusCode).toBe(200);
    const bySecurity = await post('xian-sec', `/api/accounts/${accounts.yantaClerk.id}/roles`, { orgUnitId: units.yanta.id, role: 'reviewer' });
    expect(bySecurity.statusCode).toBe(403);
    // Business staff see no account administration at all.
    expect((await get('yanta-clerk', '/api/accounts')).statusCode).toBe(403);
  });

  it('gives nobody two administrator roles, nor an administrator role and a business role (409, naming the conflict)', async () => {
    const { post, accounts, units, db } = await world();
    const second = await post('root-sys', `/api/accounts/${accounts.xianAudit.id}/roles`, { orgUnitId: units.xian.id, role: 'secadmin' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('该账号已在西安市总工会担任审计管理员，不能再在西安市总工会担任安全管理员');

    const both = await post('root-sys', '/api/accounts', { login: 'two-hats', name: '两顶帽子', orgUnitId: units.province.id, roles: ['sysadmin', 'auditadmin'] });
    expect(both.statusCode).toBe(409);
    expect(both.json().error.message).toContain('不能同时担任系统管理员和审计管理员');

    const mixed = await post('root-sys', `/api/accounts/${accounts.xianAudit.id}/roles`, { orgUnitId: units.yanta.id, role: 'clerk' });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.message).toContain('该账号已担任审计管理员，不能再担任业务角色经办人');

    // The database refuses it too: the unique index is recognised and mapped.
    const direct = await db
      .insertInto('role_assignment')
      .values({ account_id: accounts.xianAudit.id, org_unit_id: units.province.id, role: 'sysadmin' })
      .execute()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isSecondAdminRoleViolation(direct)).toBe(true);
    const held = await db.selectFrom('role_assignment').select('role').where('account_id', '=', accounts.xianAudit.id).execute();
    expect(held.map((row) => row.role)).toEqual(['auditadmin']);
  });

  it('lets only the root system administrator appoint administrators, and nobody change his own account', async () => {
    const { post, accounts, units } = await world();
    const below = await post('xian-sys', '/api/accounts', { login: 'xian-sec2', name: '周安', orgUnitId: units.xian.id, roles: ['secadmin'] });
    expect(below.statusCode).toBe(403);
    expect(below.json().error.message).toBe('授予管理员角色只能由省总工会的系统管理员办理');
    expect((await post('xian-sys', `/api/accounts/${accounts.yantaClerk.id}/roles/revoke`, { orgUnitId: units.yanta.id, role: 'clerk' })).statusCode).toBe(409);
    expect((await post('xian-sys', `/api/accounts/${accounts.xianAudit.id}/disable`)).statusCode).toBe(403);

    const appointed = await post('root-sys', '/api/accounts', { login: 'xian-sec2', name: '周安', orgUnitId: units.xian.id, roles: ['secadmin'] });
    expect(appointed.statusCode).toBe(200);
    expect(appointed.json().account.roles).toEqual([{ orgUnitId: units.xian.id, orgName: '西安市总工会', role: 'secadmin' }]);

    const own = await post('xian-sys', `/api/accounts/${accounts.xianSys.id}/roles`, { orgUnitId: units.yanta.id, role: 'clerk' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('不能修改自己的角色，请由其他管理员办理');
    expect((await post('root-sys', `/api/accounts/${accounts.rootSys.id}/roles`, { orgUnitId: units.province.id, role: 'auditadmin' })).statusCode).toBe(403);
    expect((await post('xian-sys', `/api/accounts/${accounts.xianSys.id}/disable`)).statusCode).toBe(403);
    expect((await post('xian-sec', `/api/accounts/${accounts.xianSec.id}/reset-second-factor`)).statusCode).toBe(403);
  });

  it('shows a city administrator only the accounts with a role in his city, and answers 404 for the sibling city on every route', async () => {
    const { get, post, accounts, units, db } = await world();
    const list = (await get('xian-sys', '/api/accounts')).json();
    const logins = list.items.map((row: TAccountRow) => row.login);
    expect(logins).toEqual(['xian-audit', 'xian-sec', 'xian-sys', 'yanta-clerk']);
    expect((await get('root-sys', '/api/accounts')).json().items).toHaveLength(6);

    const outside = accounts.xianyangClerk.id;
    const body = { orgUnitId: units.xianyang.id, role: 'reviewer' };
    for (const [login, url, payload] of [
      ['xian-sys', `/api/accounts/${outside}/roles`, body],
      ['xian-sys', `/api/accounts/${outside}/roles/revoke`, body],
      ['xian-sys', `/api/accounts/${outside}/disable`, undefined],
      ['xian-sys', `/api/accounts/${outside}/enable`, undefined],
      ['xian-sec', `/api/accounts/${outside}/unlock`, undefined],
      ['xian-sec', `/api/accounts/${outside}/reset-second-factor`, undefined],
    ] as const) {
      const response = await post(login, url, payload);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.message).toBe('账号不存在或无权访问');
    }
    // A unit of the sibling city is just as absent.
    expect((await get('xian-sys', `/api/accounts?orgUnitId=${units.xianyang.id}`)).statusCode).toBe(404);
    const there = await post('xian-sys', '/api/accounts', { login: 'newbie', name: '新人', orgUnitId: units.xianyang.id, roles: ['clerk'] });
    expect(there.statusCode).toBe(404);
    // An account inside the city may not receive a role in the sibling city either.
    expect((await post('xian-sys', `/api/accounts/${accounts.yantaClerk.id}/roles`, body)).statusCode).toBe(404);
    expect(await db.selectFrom('account').select('id').where('login', '=', 'newbie').executeTakeFirst()).toBeUndefined();

    // An account working in both cities: 西安 sees only its 西安 role, and leaves account-wide changes to the province.
    const both = await createStaff(db, { login: 'two-cities', org: units.yanta, roles: ['clerk'] });
    await db.insertInto('role_assignment').values({ account_id: both.id, org_unit_id: units.xianyang.id, role: 'reviewer' }).execute();
    const row = (await get('xian-sys', '/api/accounts?q=two')).json().items[0] as TAccountRow;
    expect(row.roles).toEqual([{ orgUnitId: units.yanta.id, orgName: '雁塔区总工会', role: 'clerk' }]);
    expect(row.managedElsewhere).toBe(true);
    expect((await post('xian-sys', `/api/accounts/${both.id}/disable`)).statusCode).toBe(403);
    expect((await post('root-sys', `/api/accounts/${both.id}/disable`)).statusCode).toBe(200);
  });

  it('creates an account with a one-time initial password that signs in to second-factor enrolment; neither password nor phone reaches the audit trail', async () => {
    const { app, post, get, units, db, events } = await world();
    const created = await post('xian-sys', '/api/accounts', {
      login: ' Wang.Fang ',
      name: '王芳',
      phone: '139 1234 5678',
      orgUnitId: units.yanta.id,
      roles: ['clerk', 'reviewer'],
    });
    expect(created.statusCode).toBe(200);
    const { account, initialPassword } = created.json() as { account: TAccountRow; initialPassword: string };
    expect(account).toMatchObject({
      login: 'wang.fang',
      name: '王芳',
      phoneMasked: '139****5678',
      status: 'active',
      locked: false,
      mustChangePassword: true,
      secondFactor: { required: true, enrolled: false },
      managedElsewhere: false,
    });
    expect(account.roles.map((role) => role.role)).toEqual(['clerk', 'reviewer']);
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    expect(checkPasswordPolicy(initialPassword, { login: 'wang.fang' })).toBeNull();

    const stored = await db.selectFrom('account').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(stored.must_change_password).toBe(true);
    expect(stored.second_factor_required).toBe(true);
    expect(stored.password_hash).not.toContain(initialPassword);
    expect(stored.phone_envelope).not.toContain('13912345678');
    expect(openField(keys.ring, stored.phone_envelope!, ACCOUNT_PHONE_CONTEXT)).toBe('13912345678');
    // Found by the exact phone through the blind index, by name prefix, and by login prefix.
    expect((await get('xian-sys', '/api/accounts?q=13912345678')).json().items.map((row: TAccountRow) => row.id)).toEqual([account.id]);
    expect((await get('xian-sys', `/api/accounts?q=${encodeURIComponent('王')}`)).json().items.map((row: TAccountRow) => row.id)).toEqual([account.id]);
    expect((await get('xian-sys', '/api/accounts?q=wang')).json().items.map((row: TAccountRow) => row.id)).toEqual([account.id]);

    const signIn = await loginOf(app, 'wang.fang', initialPassword);
    expect(signIn.statusCode).toBe(200);
    // Not signed in yet: the second factor must be enrolled (and, where the kernel asks first, the password changed).
    expect(['enrolment', 'password_change']).toContain(signIn.json().stage);
    expect(signIn.json().me).toBeNull();

    const [event] = await events('accounts.create');
    expect(event).toMatchObject({ actor_login: 'xian-sys', category: 'admin', target_type: 'account', target_id: String(account.id) });
    expect(event!.details).toEqual({ login: 'wang.fang', orgUnitId: units.yanta.id, roles: ['clerk', 'reviewer'] });
    const trail = JSON.stringify(await db.selectFrom('audit_event').selectAll().execute());
    expect(trail).not.toContain(initialPassword);
    expect(trail).not.toContain('12345678');

    // A taken login, a bad phone, a phone number as login: refused with the field named.
    const again = await post('xian-sys', '/api/accounts', { login: 'wang.fang', name: '王芳', orgUnitId: units.yanta.id, roles: ['clerk'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('login');
    const badPhone = await post('xian-sys', '/api/accounts', { login: 'li.na', name: '李娜', phone: '12345', orgUnitId: units.yanta.id, roles: ['clerk'] });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.field).toBe('phone');
    const phoneLogin = await post('xian-sys', '/api/accounts', { login: '13912345678', name: '李娜', orgUnitId: units.yanta.id, roles: ['clerk'] });
    expect(phoneLogin.statusCode).toBe(400);
    expect(phoneLogin.json().error.field).toBe('login');
    const noRoles = await post('xian-sys', '/api/accounts', { login: 'li.na', name: '李娜', orgUnitId: units.yanta.id, roles: [] });
    expect(noRoles.statusCode).toBe(400);
  });

  it('grants and revokes roles in scope, audited with role and unit, and keeps an account its last role', async () => {
    const { post, accounts, units, events } = await world();
    const url = `/api/accounts/${accounts.yantaClerk.id}`;
    const granted = await post('xian-sys', `${url}/roles`, { orgUnitId: units.xian.id, role: 'reviewer' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toEqual([
      { orgUnitId: units.xian.id, orgName: '西安市总工会', role: 'reviewer' },
      { orgUnitId: units.yanta.id, orgName: '雁塔区总工会', role: 'clerk' },
    ]);
    // Granting it again changes nothing.
    expect((await post('xian-sys', `${url}/roles`, { orgUnitId: units.xian.id, role: 'reviewer' })).json().roles).toHaveLength(2);

    const revoked = await post('xian-sys', `${url}/roles/revoke`, { orgUnitId: units.yanta.id, role: 'clerk' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles).toEqual([{ orgUnitId: units.xian.id, orgName: '西安市总工会', role: 'reviewer' }]);
    const last = await post('xian-sys', `${url}/roles/revoke`, { orgUnitId: units.xian.id, role: 'reviewer' });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.message).toContain('唯一的角色');

    const grants = await events('accounts.grant_role');
    expect(grants.map((event) => event.details)).toEqual([
      { role: 'reviewer', orgUnitId: units.xian.id, changed: true },
      { role: 'reviewer', orgUnitId: units.xian.id, changed: false },
    ]);
    expect(grants[0]).toMatchObject({ actor_login: 'xian-sys', category: 'admin', target_type: 'account', target_id: String(accounts.yantaClerk.id) });
    const revokes = await events('accounts.revoke_role');
    expect(revokes.map((event) => event.details)).toEqual([{ role: 'clerk', orgUnitId: units.yanta.id, changed: true }]);
  });

  it('unlocks an account locked after repeated failed sign-ins', async () => {
    const { app, get, post, accounts, events } = await world();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await loginOf(app, 'yanta-clerk', 'wrong-password');
    }
    expect((await loginOf(app, 'yanta-clerk', PASSWORD)).json().error.message).toMatch(/已锁定/);
    const listed = (await get('xian-sec', '/api/accounts?q=yanta')).json().items[0] as TAccountRow;
    expect(listed.locked).toBe(true);
    expect(listed.lockedUntil).not.toBeNull();

    const unlocked = await post('xian-sec', `/api/accounts/${accounts.yantaClerk.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ locked: false, lockedUntil: null });
    expect((await loginOf(app, 'yanta-clerk', PASSWORD)).statusCode).toBe(200);
    const [event] = await events('accounts.unlock');
    expect(event).toMatchObject({ actor_login: 'xian-sec', target_id: String(accounts.yantaClerk.id) });
    expect(event!.details).toEqual({ wasLocked: true, failedSignIns: 0 });
  });

  it('resets the second factor: authenticator and recovery codes gone, sessions ended, the next sign-in enrols again', async () => {
    const { app, post, units, db, events } = await world();
    const holder = await createStaff(db, { login: 'totp-user', org: units.yanta, roles: ['clerk'], secondFactorRequired: true });
    const first = await loginOf(app, 'totp-user', PASSWORD);
    expect(first.json().stage).toBe('enrolment');
    const headers = { cookie: `gh_session=${first.cookies.find((c) => c.name === 'gh_session')!.value}`, 'x-csrf-token': first.json().csrfToken };
    const { secret } = (await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/start', headers })).json();
    const done = await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/confirm', headers, payload: { code: totpCode(secret, new Date()) } });
    expect(done.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);

    const reset = await post('xian-sec', `/api/accounts/${holder.id}/reset-second-factor`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().secondFactor).toEqual({ required: true, enrolled: false });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    expect(await db.selectFrom('account_totp').select('account_id').where('account_id', '=', holder.id).execute()).toEqual([]);
    expect(await db.selectFrom('account_recovery_code').select('id').where('account_id', '=', holder.id).execute()).toEqual([]);
    expect((await loginOf(app, 'totp-user', PASSWORD)).json().stage).toBe('enrolment');
    const [event] = await events('accounts.reset_second_factor');
    expect(event!.details).toEqual({ hadAuthenticator: true, recoveryCodesRemoved: 10 });
  });

  it('disables an account and ends its sessions at once; enabling lets it sign in again', async () => {
    const { app, as, post, accounts, events } = await world();
    const clerk = await as('yanta-clerk');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: clerk })).statusCode).toBe(200);

    const disabled = await post('xian-sys', `/api/accounts/${accounts.yantaClerk.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: clerk })).statusCode).toBe(401);
    expect((await loginOf(app, 'yanta-clerk', PASSWORD)).statusCode).toBe(401);

    expect((await post('xian-sys', `/api/accounts/${accounts.yantaClerk.id}/enable`)).json().status).toBe('active');
    expect((await loginOf(app, 'yanta-clerk', PASSWORD)).statusCode).toBe(200);
    expect((await events('accounts.disable')).map((event) => event.details)).toEqual([{ changed: true }]);
    expect((await events('accounts.enable')).map((event) => event.details)).toEqual([{ changed: true }]);

    // Administrator accounts are switched off only from the root.
    expect((await post('root-sys', `/api/accounts/${accounts.xianAudit.id}/disable`)).statusCode).toBe(200);
  });

  it('pages through accounts by login without repeats', async () => {
    const { get, units, db } = await world();
    for (let n = 0; n < 7; n += 1) {
      await createStaff(db, { login: `page-${n}`, org: units.yanta, roles: ['clerk'] });
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const url: string = `/api/accounts?orgUnitId=${units.yanta.id}&limit=3${after ? `&after=${after}` : ''}`;
      const page = (await get('xian-sys', url)).json() as { items: TAccountRow[]; nextCursor: string | null };
      seen.push(...page.items.map((row) => row.login));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6', 'yanta-clerk']);
    expect((await get('xian-sys', '/api/accounts?after=!!')).statusCode).toBe(400);
  });
});
