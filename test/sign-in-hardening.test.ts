import { expect, it } from 'vitest';
import { totpCode } from '../src/core/auth/totp';
import { describeEachEngine, useFreshDatabase } from '../src/core/db/testing';
import { coreModule } from '../src/core/manifest';
import { createOrgUnit, createStaff } from '../src/core/testing/factories';
import { buildTestApp, fakeClock } from '../src/core/testing/test-app';

describeEachEngine('sign-in hardening', (engine) => {
  const database = useFreshDatabase(engine);

  async function world(options: { secondFactorRequired?: boolean } = {}) {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
    const staff = await createStaff(db, { login: 'lihua', org: province, roles: ['clerk'], ...options });
    const clock = fakeClock();
    const app = await buildTestApp(database(), [coreModule], { now: clock.now });
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
});
