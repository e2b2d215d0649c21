import { requireUser, type RequestContext } from '../../../../core/http/request-context';
import { isWithin } from '../../../../core/org/tree';
import type { TAccountRole, TAccountRow } from '../../contract';

/**
 * Accounts in the shape of ZAccountRow, in the order of `ids`: the masked
 * phone only, the lock and second-factor state, and the roles held at units
 * inside the caller's scope (roles elsewhere are only flagged, not named).
 */
export async function loadAccountRows(ctx: RequestContext, ids: readonly number[]): Promise<TAccountRow[]> {
  if (ids.length === 0) return [];
  const scope = requireUser(ctx).org.path;
  const [accounts, roles] = await Promise.all([
    ctx.db
      .selectFrom('account as a')
      .leftJoin('account_totp as t', 't.account_id', 'a.id')
      .select([
        'a.id',
        'a.login',
        'a.name',
        'a.phone_masked',
        'a.status',
        'a.locked_until',
        'a.must_change_password',
        'a.second_factor_required',
        'a.created_at',
        't.confirmed_at as totp_confirmed_at',
      ])
      .where('a.id', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('role_assignment as r')
      .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
      .select(['r.account_id', 'r.org_unit_id', 'r.role', 'o.name as org_name', 'o.path'])
      .where('r.account_id', 'in', ids)
      .orderBy('o.path')
      .orderBy('r.role')
      .execute(),
  ]);
  const now = ctx.now().getTime();
  const inScope = new Map<number, TAccountRole[]>();
  const elsewhere = new Set<number>();
  for (const role of roles) {
    if (isWithin(scope, role.path)) {
      const list = inScope.get(role.account_id) ?? [];
      list.push({ orgUnitId: role.org_unit_id, orgName: role.org_name, role: role.role });
      inScope.set(role.account_id, list);
    } else {
      elsewhere.add(role.account_id);
    }
  }
  const byId = new Map(accounts.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const locked = row.locked_until !== null && row.locked_until.getTime() > now;
    return [
      {
        id: row.id,
        login: row.login,
        name: row.name,
        phoneMasked: row.phone_masked,
        status: row.status === 'disabled' ? 'disabled' : 'active',
        locked,
        lockedUntil: locked && row.locked_until ? row.locked_until.toISOString() : null,
        mustChangePassword: row.must_change_password,
        secondFactor: { required: row.second_factor_required, enrolled: row.totp_confirmed_at !== null },
        roles: inScope.get(id) ?? [],
        managedElsewhere: elsewhere.has(id),
        createdAt: row.created_at.toISOString(),
      },
    ];
  });
}

/** One account as a row (after a change the caller just made to it). */
export async function loadAccountRow(ctx: RequestContext, accountId: number): Promise<TAccountRow> {
  const [row] = await loadAccountRows(ctx, [accountId]);
  if (!row) {
    throw new Error(`account ${accountId} vanished`);
  }
  return row;
}
