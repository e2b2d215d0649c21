import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database, Engine } from '../../src/core/db/database';
import { createTestDatabase } from '../../src/core/db/testing';
import { seedDemo } from '../../src/core/platform/seed-demo';
import { testPlatformKeys } from '../../src/core/platform/test-keys';
import { buildTestApp, type SessionHeaders, signIn } from '../../src/core/testing/test-app';
import { MODULES } from '../../src/server/modules';

export const DEMO_PASSWORD = 'Gonghui@2026';

/**
 * One seeded demo province and app for a whole suite (read-mostly tests), with
 * sessions of the demo accounts signed in once each.
 */
export function useSeededDemo(engine: Engine) {
  const keys = testPlatformKeys();
  const sessions = new Map<string, SessionHeaders>();
  let database: Database | undefined;
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.kysely, MODULES, { keys, log: () => {} });
    app = await buildTestApp(database, MODULES, { keys });
  }, 300_000); // Seeds the whole demo province (every module's part): about a minute on PGlite, more on a shared CI machine.
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const demo = {
    keys,
    database: () => database!,
    app: () => app!,
    /** The headers of a signed-in session of `login` (demo password unless given). */
    as: async (login: string, password = DEMO_PASSWORD): Promise<SessionHeaders> => {
      if (!sessions.has(login)) sessions.set(login, await signIn(app!, login, password));
      return sessions.get(login)!;
    },
    get: async (login: string, url: string): Promise<LightMyRequestResponse> =>
      app!.inject({ method: 'GET', url, headers: await demo.as(login) }),
  };
  return demo;
}
