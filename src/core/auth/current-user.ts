import type { Kysely } from 'kysely';
import { permissionsFor } from '../access/roles';
import type { DB } from '../db/schema';
import type { SignedInUser } from '../http/request-context';
import type { Config } from '../config/config';
import { resumeSession } from './session';

/** The signed-in user behind a session cookie, with roles and permissions at the acting org. */
export async function loadSignedInUser(
  db: Kysely<DB>,
  options: { token: string; now: Date; config: Config; declaredPermissions: readonly string[] },
): Promise<SignedInUser | null> {
  const session = await resumeSession(db, options.token, options.now, {
    idleMinutes: options.config.SESSION_IDLE_MINUTES,
    maxHours: options.config.SESSION_MAX_HOURS,
  });
  if (!session) {
    return null;
  }
  const [account, org, roles] = await Promise.all([
    db.selectFrom('account').select(['id', 'login', 'name']).where('id', '=', session.accountId).executeTakeFirstOrThrow(),
    db
      .selectFrom('org_unit')
      .select(['id', 'path', 'name', 'type', 'code'])
      .where('id', '=', session.orgUnitId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('role_assignment')
      .select('role')
      .where('account_id', '=', session.accountId)
      .where('org_unit_id', '=', session.orgUnitId)
      .execute(),
  ]);
  const roleNames = roles.map((row) => row.role);
  return {
    sessionTokenHash: session.tokenHash,
    stage: session.stage,
    account,
    org,
    roles: roleNames,
    // Permissions only once the second factor is done.
    permissions: session.stage === 'full' ? permissionsFor(roleNames, options.declaredPermissions) : new Set<string>(),
  };
}
