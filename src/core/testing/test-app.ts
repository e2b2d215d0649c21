import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config/config';
import type { Database } from '../db/database';
import { buildApp } from '../http/app';
import type { ModuleManifest } from '../module';
import type { PlatformKeys } from '../platform/platform-keys';
import { testPlatformKeys } from '../platform/test-keys';

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
  options: { now?: () => Date; env?: NodeJS.ProcessEnv; keys?: PlatformKeys } = {},
): Promise<FastifyInstance> {
  const config = loadConfig({ DATA_DIR: '.tmp/unused', LOG_LEVEL: 'error', ...options.env });
  const app = await buildApp({
    config,
    database,
    modules,
    keys: options.keys ?? testPlatformKeys(),
    // GONGHUI_TEST_LOG=1 shows the server's errors while debugging a test.
    logger: process.env.GONGHUI_TEST_LOG === '1',
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();
  return app;
}

export type SessionHeaders = { cookie: string; 'x-csrf-token': string };

/**
 * Signs in through the API (password, and the TOTP code when a secret is
 * given) and returns the headers a browser would send: the session cookie and
 * the CSRF token.
 */
export async function signIn(
  app: FastifyInstance,
  login: string,
  password: string,
  options: { totpCode?: () => string } = {},
): Promise<SessionHeaders> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in as ${login} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((item) => item.name === 'gh_session');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  const headers = { cookie: `gh_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken as string };
  if (response.json().stage === 'second_factor' && options.totpCode) {
    const verified = await app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      headers,
      payload: { code: options.totpCode() },
    });
    if (verified.statusCode !== 200) {
      throw new Error(`second factor for ${login} failed: ${verified.body}`);
    }
  }
  return headers;
}
