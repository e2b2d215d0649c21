import type { Kysely } from 'kysely';
import type { Config } from '../config/config';
import type { Engine } from '../db/database';
import type { DB } from '../db/schema';
import type { NavEntry } from '../module';

export type SignedInUser = {
  sessionTokenHash: string;
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
  platform: { engine: Engine; nav: readonly NavEntry[]; permissions: readonly string[]; startedAt: Date };
};

/** The signed-in user, for routes that declared an access other than `public`. */
export function requireUser(ctx: RequestContext): SignedInUser {
  if (!ctx.user) {
    throw new Error('requireUser called on a public route');
  }
  return ctx.user;
}
