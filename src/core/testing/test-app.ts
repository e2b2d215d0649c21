import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config/config';
import type { Database } from '../db/database';
import { buildApp } from '../http/app';
import type { ModuleManifest } from '../module';

/** A clock tests can move: `clock.advance(31 * 60_000)`. */
export function fakeClock(start = new Date('2026-11-21T09:00:00+08:00')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds: number) => {
      current += milliseconds;
    },
  };
}

export async function buildTestApp(
  database: Database,
  modules: readonly ModuleManifest[],
  options: { now?: () => Date; env?: NodeJS.ProcessEnv } = {},
): Promise<FastifyInstance> {
  const config = loadConfig({ DATA_DIR: '.tmp/unused', ...options.env });
  const app = await buildApp({ config, database, modules, logger: false, ...(options.now ? { now: options.now } : {}) });
  await app.ready();
  return app;
}

/** Signs in through the API and returns the cookie header for later requests. */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in as ${login} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((item) => item.name === 'gh_session');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return `gh_session=${cookie.value}`;
}
