import { expect, it } from 'vitest';
import { totpCode } from '../src/core/auth/totp';
import { describeEachEngine, useFreshDatabase } from '../src/core/db/testing';
import { coreModule } from '../src/core/manifest';
import { createOrgUnit, createStaff } from '../src/core/testing/factories';
import { buildTestApp, fakeClock } from '../src/core/testing/test-app';

describeEachEngine('sign-in hardening', (engine) => {
  const database = useFreshDatabase(engine);

  async function world(options: { secondFactorRequired?: boolean; env?: NodeJS.ProcessEnv } = {}) {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
    const staff = await createStaff(db, {
      login: 'lihua',
      org: province,
      roles: ['clerk'],
      ...(options.secondFactorRequired === undefined ? {} : { secondFactorRequired: options.secondFactorRequired }),
    });
    // Starts now: the account's created_at is the database's now(), and the rotation check measures
    // from it (a fixed start made the 90-day test fail once the real date passed that start + 1 day).
    const clock = fakeClock(new Date());
    const app = await buildTestApp(database(), [coreModule], { now: clock.now, ...(options.env ? { env: options.env } : {}) });
    const login = (password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'lihua', password } });
    return { staff, clock, app, login };
  }

  it('locks the account for 30 minutes after 5 wrong passwords, refusing even the right one', async () => {
    const { staff, clock, login } = await world();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await login('wrong')).json().error.message).toBe('账号或密码错误');
    }
    expect((await login('wrong')).json().error.message).toMatch(/已锁定 30 分钟/);
    const whileLocked = await login(staff.password);
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json().error.message).toMatch(/已锁定/);
    clock.advance(29 * 60_000);
    expect((await login(staff.password)).statusCode).toBe(401);
    clock.advance(2 * 60_000);
    expect((await login(staff.password)).statusCode).toBe(200);
  });

  it('resets the failure count after a successful sign-in', async () => {
    const { staff, login } = await world();
    for (let attempt = 1; attempt <= 4; attempt += 1) await login('wrong');
    expect((await login(staff.password)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt += 1) await login('wrong');
    expect((await login(staff.password)).statusCode).toBe(200);
  });

  it('audits every sign-in attempt, failures included, without the password', async () => {
    const { staff, login } = await world();
    await login('wrong-secret-value');
    await login(staff.password);
    const events = await database().kysely.selectFrom('audit_event').selectAll().orderBy('seq').execute();
    expect(events.map((event) => [event.action, event.result])).toEqual([
      ['auth.login', 'failure'],
      ['auth.login', 'success'],
    ]);
    expect(events[0]!.details).toEqual({ login: 'lihua', reason: 'wrong_password' });
    expect(JSON.stringify(events)).not.toContain('wrong-secret-value');
    expect(events[1]!.actor_login).toBe('lihua');
  });

  it('records a failed sign-in whose login looks like a phone or ID number without the number', async () => {
    const { app } = await world();
    for (const typed of ['13800138000', '61011319850312123x']) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: typed, password: 'whatever-it-is' } });
      expect(response.statusCode).toBe(401);
    }
    const events = await database().kysely.selectFrom('audit_event').select('details').where('action', '=', 'auth.login').execute();
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toMatch(/13800138000|61011319850312123/i);
  });

  it('enrols a TOTP authenticator at first sign-in, then requires a fresh code every time', async () => {
    const { staff, clock, app, login } = await world({ secondFactorRequired: true });
    const first = await login(staff.password);
    expect(first.json()).toMatchObject({ stage: 'enrolment', me: null });
    const headers = {
      cookie: `gh_session=${first.cookies.find((cookie) => cookie.name === 'gh_session')!.value}`,
      'x-csrf-token': first.json().csrfToken,
    };
    // Until the second factor is done, the session reaches nothing else.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);

    const enrolment = (await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/start', headers })).json();
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    const stored = await database().kysely.selectFrom('account_totp').select('secret_envelope').executeTakeFirstOrThrow();
    expect(stored.secret_envelope).not.toContain(enrolment.secret);

    const wrong = await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/confirm', headers, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(400);
    const done = await app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/enrolment/confirm',
      headers,
      payload: { code: totpCode(enrolment.secret, clock.now()) },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().stage).toBe('full');
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);

    // Next sign-in: the password leads to the second-factor stage.
    clock.advance(60_000);
    const next = await login(staff.password);
    expect(next.json().stage).toBe('second_factor');
    const nextHeaders = {
      cookie: `gh_session=${next.cookies.find((cookie) => cookie.name === 'gh_session')!.value}`,
      'x-csrf-token': next.json().csrfToken,
    };
    const code = totpCode(enrolment.secret, clock.now());
    const verified = await app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', headers: nextHeaders, payload: { code } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().me.account.login).toBe('lihua');

    // The same code cannot be used twice (RFC 6238 §5.2).
    const again = await login(staff.password);
    const againHeaders = {
      cookie: `gh_session=${again.cookies.find((cookie) => cookie.name === 'gh_session')!.value}`,
      'x-csrf-token': again.json().csrfToken,
    };
    const replay = await app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', headers: againHeaders, payload: { code } });
    expect(replay.statusCode).toBe(401);

    // A recovery code works once.
    const recovery = done.json().recoveryCodes[0] as string;
    const byRecovery = await app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      headers: againHeaders,
      payload: { code: recovery.toLowerCase() },
    });
    expect(byRecovery.statusCode).toBe(200);
    const third = await login(staff.password);
    const thirdHeaders = {
      cookie: `gh_session=${third.cookies.find((cookie) => cookie.name === 'gh_session')!.value}`,
      'x-csrf-token': third.json().csrfToken,
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', headers: thirdHeaders, payload: { code: recovery } })).statusCode,
    ).toBe(401);
  });

  it('counts wrong second-factor codes toward the lockout', async () => {
    const { staff, clock, app, login } = await world({ secondFactorRequired: true });
    const first = await login(staff.password);
    const headers = {
      cookie: `gh_session=${first.cookies.find((cookie) => cookie.name === 'gh_session')!.value}`,
      'x-csrf-token': first.json().csrfToken,
    };
    const { secret } = (await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/start', headers })).json();
    await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/confirm', headers, payload: { code: totpCode(secret, clock.now()) } });
    clock.advance(60_000);
    const next = await login(staff.password);
    const nextHeaders = {
      cookie: `gh_session=${next.cookies.find((cookie) => cookie.name === 'gh_session')!.value}`,
      'x-csrf-token': next.json().csrfToken,
    };
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', headers: nextHeaders, payload: { code: '123456' } });
    }
    const good = await app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      headers: nextHeaders,
      payload: { code: totpCode(secret, clock.now()) },
    });
    expect(good.statusCode).toBe(401);
    expect(good.json().error.message).toMatch(/已锁定/);
  });

  const sessionOf = (response: { cookies: { name: string; value: string }[]; json: () => { csrfToken: string } }) => ({
    cookie: `gh_session=${response.cookies.find((cookie) => cookie.name === 'gh_session')!.value}`,
    'x-csrf-token': response.json().csrfToken,
  });

  it('makes a user with an assigned password change it before anything else, and ends the other sessions', async () => {
    const { staff, app, login } = await world();
    const earlier = sessionOf(await login(staff.password));
    await database().kysely.updateTable('account').set({ must_change_password: true }).where('id', '=', staff.id).execute();

    const first = await login(staff.password);
    expect(first.json()).toMatchObject({ stage: 'password_change', me: null });
    const headers = sessionOf(first);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);

    const change = (currentPassword: string, newPassword: string) =>
      app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword, newPassword } });
    const weak = await change(staff.password, 'Password2026!');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ field: 'newPassword' });
    expect((await change('not-my-password', 'Zhigong-Jia-2026')).json().error.field).toBe('currentPassword');

    const done = await change(staff.password, 'Zhigong-Jia-2026');
    expect(done.statusCode).toBe(200);
    expect(done.json().stage).toBe('full');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    // The session opened before the change is gone; the new password works, the old does not.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: earlier })).statusCode).toBe(401);
    expect((await login('Zhigong-Jia-2026')).json().stage).toBe('full');
    expect((await login(staff.password)).statusCode).toBe(401);
  });

  it('asks for a new password once the rotation period has passed', async () => {
    const { staff, clock, login } = await world({ env: { PASSWORD_MAX_AGE_DAYS: '90' } });
    expect((await login(staff.password)).json().stage).toBe('full');
    clock.advance(91 * 86_400_000);
    expect((await login(staff.password)).json().stage).toBe('password_change');
  });

  it('does not let a password alone change the password before the second factor', async () => {
    const { staff, app, login } = await world({ secondFactorRequired: true });
    const headers = sessionOf(await login(staff.password));
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: staff.password, newPassword: 'Zhigong-Jia-2026' },
    });
    expect(response.statusCode).toBe(401);
  });
});
