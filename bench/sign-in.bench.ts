import { hashPassword, PASSWORD_ITERATIONS } from '../src/core/auth/password';
import { loadConfig } from '../src/core/config/config';
import { buildApp } from '../src/core/http/app';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { childPath } from '../src/core/org/tree';
import { MODULES } from '../src/server/modules';
import { type BenchEngine, openBenchDatabase } from './open-bench-database';
import { describeTimes, timeMany } from './stats';

/**
 * Sign-in as a user meets it: one POST /api/auth/login with the production
 * password hash (PBKDF2-HMAC-SM3, PASSWORD_ITERATIONS), a session row, an audit
 * event, and the answer; and a wrong password (same hash work, plus the lockout
 * counter and an audit event).
 */
export async function benchSignIn(engine: BenchEngine): Promise<string[]> {
  const database = await openBenchDatabase(engine);
  try {
    const db = database.kysely;
    const root = await db.insertInto('org_unit').values({ path: 'x', depth: 0, type: 'province', name: '陕西省总工会', code: 'SX' }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('org_unit').set({ path: childPath(null, root.id) }).execute();
    const accounts = 100;
    for (let index = 0; index < accounts; index += 1) {
      const account = await db
        .insertInto('account')
        .values({ login: `bench${index}`, name: `测试${index}`, password_hash: await hashPassword('Bench-Password-2026'), second_factor_required: false })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('role_assignment').values({ account_id: account.id, org_unit_id: root.id, role: 'clerk' }).execute();
    }
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, modules: MODULES, keys: testPlatformKeys(), logger: false });
    await app.ready();
    const login = (index: number, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.0.${index % 250}.1`, payload: { login: `bench${index % accounts}`, password } });
    const good = await timeMany(accounts, (index) => login(index, 'Bench-Password-2026'));
    const bad = await timeMany(50, (index) => login(index * 2, 'wrong-password'));
    await app.close();
    return [
      `hash: PBKDF2-HMAC-SM3, ${PASSWORD_ITERATIONS.toLocaleString('en-US')} iterations`,
      `sign-in, right password: ${describeTimes(good)}`,
      `sign-in, wrong password: ${describeTimes(bad)}`,
    ];
  } finally {
    await database.close();
  }
}
