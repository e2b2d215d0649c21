import type { Kysely } from 'kysely';
import { permissionsFor } from '../access/roles';
import { enterCallerScope } from '../access/row-security';
import { recordAuditEvent } from '../audit/record-audit-event';
import { loadConfig } from '../config/config';
import type { Engine } from '../db/database';
import type { DB } from '../db/schema';
import { createRateLimiter } from '../http/rate-limiter';
import type { RequestContext, SignedInUser } from '../http/request-context';
import type { AnyMetric } from '../metrics/define-metric';
import { collectMetrics } from '../metrics/metric-registry';
import type { PlatformKeys } from '../platform/platform-keys';
import { testPlatformKeys } from '../platform/test-keys';

export type ActAsOptions = {
  engine: Engine;
  /** The permissions the platform declares (roles map onto these). */
  permissions: readonly string[];
  now?: () => Date;
  keys?: PlatformKeys;
  /** The metrics evaluateMetric may find (default: none). */
  metrics?: readonly AnyMetric[];
};

/**
 * Runs `work` as a use case runs inside a route: as `who` (an account acting
 * for one of its unions, with the roles it holds there), in one transaction
 * under the application role with the caller's scope set (row-level security
 * applies), with `ctx.audit` writing to the trail. For tests that call use
 * cases and kernel services directly instead of through HTTP.
 */
export async function actAs<T>(
  db: Kysely<DB>,
  who: { accountId: number; orgUnitId: number },
  options: ActAsOptions,
  work: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const now = options.now ?? (() => new Date());
  const keys = options.keys ?? testPlatformKeys();
  const [account, org, roles] = await Promise.all([
    db.selectFrom('account').select(['id', 'login', 'name']).where('id', '=', who.accountId).executeTakeFirstOrThrow(),
    db.selectFrom('org_unit').select(['id', 'path', 'name', 'type', 'code']).where('id', '=', who.orgUnitId).executeTakeFirstOrThrow(),
    db.selectFrom('role_assignment').select('role').where('account_id', '=', who.accountId).where('org_unit_id', '=', who.orgUnitId).execute(),
  ]);
  const roleNames = roles.map((row) => row.role);
  const user: SignedInUser = {
    sessionTokenHash: 'test',
    stage: 'full',
    account,
    org,
    roles: roleNames,
    permissions: permissionsFor(roleNames, options.permissions),
  };
  return db.transaction().execute(async (tx) => {
    await enterCallerScope(tx, org.path, account.id);
    const ctx: RequestContext = {
      requestId: `test-${account.login}`,
      ip: '127.0.0.1',
      userAgent: 'test',
      db: tx,
      config: loadConfig({ DATA_DIR: '.tmp/unused', LOG_LEVEL: 'error' }),
      now,
      user,
      keys,
      platform: {
        engine: options.engine,
        nav: [],
        permissions: options.permissions,
        startedAt: now(),
        signInLimiter: createRateLimiter({ limit: 20, windowMs: 60_000 }),
        orgListeners: [],
        metrics: collectMetrics([{ id: 'test', metrics: options.metrics ?? [] }]),
        services: {},
      },
      auditCount: 0,
      audit: async (event) => {
        await recordAuditEvent(tx, {
          key: keys.auditKey,
          actor: { accountId: account.id, login: account.login, orgUnitId: org.id, orgPath: org.path },
          origin: { ip: '127.0.0.1', userAgent: 'test', requestId: ctx.requestId },
          occurredAt: now(),
          event,
        });
        ctx.auditCount += 1;
      },
    };
    return work(ctx);
  });
}
