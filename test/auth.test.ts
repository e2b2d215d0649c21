import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../src/core/db/testing';
import { coreModule } from '../src/core/manifest';
import { createOrgUnit, createStaff } from '../src/core/testing/factories';
import { buildTestApp, fakeClock, signIn } from '../src/core/testing/test-app';

describeEachEngine('sign-in and sessions', (engine) => {
  const database = useFreshDatabase(engine);

  async function world() {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
    const city = await createOrgUnit(db, { parent: province, type: 'city', name: '西安市总工会' });
    const staff = await createStaff(db, { login: 'wang', name: '王芳', org: city, roles: ['reviewer'] });
    await db.insertInto('role_assignment').values({ account_id: staff.id, org_unit_id: province.id, role: 'clerk' }).execute();
    const clock = fakeClock();
    const app = await buildTestApp(database(), [coreModule], { now: clock.now });
    return { province, city, staff, clock, app };
  }

  it('signs in with the right password and sets an HttpOnly session cookie', async () => {
    const { app, staff, province, city } = await world();
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: ' WANG ', password: staff.password } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === 'gh_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.json().stage).toBe('full');
    const { me } = response.json();
    expect(me.account.name).toBe('王芳');
    // The first unit by tree order is the province.
    expect(me.org.id).toBe(province.id);
    expect(me.orgs.map((org: { id: number }) => org.id)).toEqual([province.id, city.id]);
  });

  it('refuses a wrong password and an unknown login with the same message', async () => {
    const { app } = await world();
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'wang', password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nobody', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('账号或密码错误');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.cookies).toEqual([]);
  });

  it('stores only a hash of the session token', async () => {
    const { app, staff } = await world();
    const session = await signIn(app, staff.login, staff.password);
    const token = session.cookie.split('=')[1]!;
    const rows = await database().kysely.selectFrom('auth_session').select('token_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ends a session after 30 idle minutes but keeps an active one alive', async () => {
    const { app, staff, clock } = await world();
    const session = await signIn(app, staff.login, staff.password);
    const me = () => app.inject({ method: 'GET', url: '/api/auth/me', headers: session });
    clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    clock.advance(30 * 60_000);
    expect((await me()).statusCode).toBe(401);
  });

  it('ends every session after 12 hours however active', async () => {
    const { app, staff, clock } = await world();
    const session = await signIn(app, staff.login, staff.password);
    // A request every 29 minutes: never idle, so only the 12-hour limit can end it.
    for (let step = 1; step <= 40; step += 1) {
      clock.advance(29 * 60_000);
      const response = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session });
      if (response.statusCode === 401) {
        expect(step * 29).toBeGreaterThanOrEqual(12 * 60);
        expect(step * 29).toBeLessThan(12 * 60 + 29);
        return;
      }
    }
    throw new Error('session outlived 12 hours');
  });

  it('revokes the session on logout, server-side', async () => {
    const { app, staff } = await world();
    const session = await signIn(app, staff.login, staff.password);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session })).statusCode).toBe(200);
    // The same cookie replayed after logout opens nothing.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).statusCode).toBe(401);
  });

  it('switches the acting org only to units where the user holds a role', async () => {
    const { app, staff, city, province } = await world();
    const sibling = await createOrgUnit(database().kysely, { parent: province, type: 'city', name: '咸阳市总工会' });
    const session = await signIn(app, staff.login, staff.password);
    const switched = await app.inject({ method: 'POST', url: '/api/auth/switch-org', headers: session, payload: { orgUnitId: city.id } });
    expect(switched.statusCode).toBe(200);
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).json();
    expect(me.org.name).toBe('西安市总工会');
    expect(me.roles).toEqual(['reviewer']);
    const refused = await app.inject({ method: 'POST', url: '/api/auth/switch-org', headers: session, payload: { orgUnitId: sibling.id } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.field).toBe('orgUnitId');
  });
});
