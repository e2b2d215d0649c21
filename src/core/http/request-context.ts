import type { Kysely } from 'kysely';
import type { AuditEventInput } from '../audit/record-audit-event';
import type { Config } from '../config/config';
import type { Engine } from '../db/database';
import type { DB, SessionStage } from '../db/schema';
import type { AnyMetric } from '../metrics/define-metric';
import type { NavEntry } from '../module';
import type { OrgChangeListener } from '../org/org-changes';
import type { PlatformKeys } from '../platform/platform-keys';
import type { RateLimiter } from './rate-limiter';

export type SignedInUser = {
  sessionTokenHash: string;
  /** Only `full` sessions reach ordinary routes; the others may only finish the second factor. */
  stage: SessionStage;
  account: { id: number; login: string; name: string };
  /** The org unit the user is acting for now: their data scope is its subtree. */
  org: { id: number; path: string; name: string; type: string; code: string };
  roles: string[];
  permissions: ReadonlySet<string>;
};

/** What every handler and use case receives about the call it serves. */
export type RequestContext = {
  requestId: string;
  ip: string;
  userAgent: string | null;
  db: Kysely<DB>;
  config: Config;
  now: () => Date;
  user: SignedInUser | null;
  /** Field-encryption keys and the audit key (never in the database). */
  keys: PlatformKeys;
  platform: {
    engine: Engine;
    nav: readonly NavEntry[];
    permissions: readonly string[];
    startedAt: Date;
    /** Sign-in attempts per client address (one per app instance). */
    signInLimiter: RateLimiter;
    /** The modules' listeners for org tree changes, in manifest order. */
    orgListeners: readonly OrgChangeListener[];
    /** The modules' metrics by id (ModuleManifest.metrics): evaluateMetric reads them. */
    metrics: ReadonlyMap<string, AnyMetric>;
    /** Background services by module id (ModuleManifest.background). */
    services: Readonly<Record<string, unknown>>;
  };
  /**
   * Appends an event to the audit trail in the request's transaction, as the
   * signed-in user (or anonymously). Routes of an audited category run in a
   * transaction and must record at least one event.
   */
  audit: (event: AuditEventInput) => Promise<void>;
  /** How many events this request recorded (the kernel checks it). */
  auditCount: number;
};

/** The signed-in user, for routes that declared an access other than `public`. */
export function requireUser(ctx: RequestContext): SignedInUser {
  if (!ctx.user) {
    throw new Error('requireUser called on a public route');
  }
  return ctx.user;
}
