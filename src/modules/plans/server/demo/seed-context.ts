import type { Kysely } from 'kysely';
import { loadConfig } from '../../../../core/config/config';
import type { DB } from '../../../../core/db/schema';
import { createRateLimiter } from '../../../../core/http/rate-limiter';
import type { RequestContext } from '../../../../core/http/request-context';
import type { PlatformKeys } from '../../../../core/platform/platform-keys';
import { PLANS_ISSUE, PLANS_READ, PLANS_REVIEW, PLANS_SUPERVISE, PLANS_WRITE } from '../../contract';

export type DemoActor = { accountId: number; login: string; name: string; org: { id: number; path: string; name: string; type: string; code: string } };

/**
 * The demo builds its plan through the same use cases the screens call, as
 * the demo staff of each union, so its rows are exactly what a user would
 * have made (versions, the report workflow's steps, allocations). This is the
 * context they run in: the seed's transaction (platform scope), a clock the
 * seed moves (fixed dates: the demo is deterministic), every plans
 * permission, and no audit events — the demo is not anyone's action.
 */
export function seedContext(db: Kysely<DB>, keys: PlatformKeys, actor: DemoActor, now: () => Date): RequestContext {
  const permissions = [PLANS_READ, PLANS_WRITE, PLANS_ISSUE, PLANS_REVIEW, PLANS_SUPERVISE];
  const ctx: RequestContext = {
    requestId: `demo-seed-${actor.login}`,
    ip: '127.0.0.1',
    userAgent: null,
    db,
    config: loadConfig({ DATA_DIR: '.', LOG_LEVEL: 'error' }),
    now,
    user: {
      sessionTokenHash: 'demo-seed',
      stage: 'full',
      account: { id: actor.accountId, login: actor.login, name: actor.name },
      org: actor.org,
      roles: [],
      permissions: new Set(permissions),
    },
    keys,
    platform: {
      engine: 'pglite',
      nav: [],
      permissions,
      startedAt: now(),
      signInLimiter: createRateLimiter({ limit: 1, windowMs: 1 }),
      orgListeners: [],
      metrics: new Map(),
      services: {},
    },
    auditCount: 0,
    audit: async () => {
      ctx.auditCount += 1;
    },
  };
  return ctx;
}
