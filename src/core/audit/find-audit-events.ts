import { type Expression, type SqlBool, sql } from 'kysely';
import { inCallerScope, orgPathInScope } from '../access/scope';
import { type RequestContext, requireUser } from '../http/request-context';
import { idsOnPath, subtreeOf } from '../org/tree';
import type { TAuditEvent, TAuditEventFilter, TAuditEventPage, TAuditEventsQuery } from './contract';

/**
 * The audit trail as the viewer sees it: always limited to events whose actor
 * acted inside the caller's org subtree. An audit administrator at the root of
 * the tree (the province) sees everything, including events without an actor
 * (failed sign-ins), which belong to no unit.
 */
async function selectEvents(ctx: RequestContext, filter: TAuditEventFilter) {
  const user = requireUser(ctx);
  // The requested unit must be in scope (404 otherwise, as everywhere).
  const unitPath = filter.orgUnitId === undefined ? undefined : await orgPathInScope(ctx, filter.orgUnitId);
  const atRoot = idsOnPath(user.org.path).length === 1;

  let query = ctx.db
    .selectFrom('audit_event')
    .leftJoin('account', 'account.id', 'audit_event.actor_account_id')
    .leftJoin('org_unit', 'org_unit.id', 'audit_event.actor_org_unit_id')
    .select([
      'audit_event.seq',
      'audit_event.occurred_at',
      'audit_event.actor_login',
      'account.name as actor_name',
      'audit_event.actor_org_unit_id',
      'org_unit.name as actor_org_name',
      'audit_event.action',
      'audit_event.category',
      'audit_event.target_type',
      'audit_event.target_id',
      'audit_event.result',
      'audit_event.ip',
      'audit_event.request_id',
      'audit_event.reason',
      'audit_event.details',
    ])
    .where((eb) =>
      atRoot && unitPath === undefined
        ? eb.or([inCallerScope(ctx, 'audit_event.actor_org_path'), eb('audit_event.actor_org_path', 'is', null)])
        : inCallerScope(ctx, 'audit_event.actor_org_path'),
    );

  if (unitPath !== undefined) {
    query = query.where(subtreeOf('audit_event.actor_org_path', unitPath));
  }
  const { actor } = filter;
  if (actor !== undefined) {
    // A failed sign-in has no actor; the login that was typed is in its details.
    const typedLogin = sql<string>`${sql.ref('audit_event.details')} ->> 'login'`;
    query = query.where((eb) =>
      eb.or([
        eb('audit_event.actor_login', '=', actor),
        eb.and([eb('audit_event.actor_account_id', 'is', null), eb(typedLogin, '=', actor)]),
      ]),
    );
  }
  if (filter.action !== undefined) {
    const { action } = filter;
    query = action.endsWith('.')
      ? query.where(sql<SqlBool>`starts_with(${sql.ref('audit_event.action')}, ${action})` as Expression<SqlBool>)
      : query.where('audit_event.action', '=', action);
  }
  if (filter.result !== undefined) {
    query = query.where('audit_event.result', '=', filter.result);
  }
  if (filter.from !== undefined) {
    query = query.where('audit_event.occurred_at', '>=', new Date(filter.from));
  }
  if (filter.to !== undefined) {
    query = query.where('audit_event.occurred_at', '<', new Date(filter.to));
  }
  return query;
}

type EventQuery = Awaited<ReturnType<typeof selectEvents>>;
type EventRow = Awaited<ReturnType<EventQuery['execute']>>[number];

const toEvent = (row: EventRow): TAuditEvent => ({
  seq: Number(row.seq),
  occurredAt: row.occurred_at.toISOString(),
  actorLogin: row.actor_login,
  actorName: row.actor_name,
  actorOrgUnitId: row.actor_org_unit_id,
  actorOrgName: row.actor_org_name,
  action: row.action,
  category: row.category,
  targetType: row.target_type,
  targetId: row.target_id,
  result: row.result,
  ip: row.ip,
  requestId: row.request_id,
  reason: row.reason,
  details: row.details,
});

async function page(query: EventQuery, before: number | undefined, limit: number): Promise<TAuditEvent[]> {
  const bounded = before === undefined ? query : query.where('audit_event.seq', '<', before);
  const rows = await bounded.orderBy('audit_event.seq', 'desc').limit(limit).execute();
  return rows.map(toEvent);
}

/** One page of events, newest first; `nextCursor` continues with older ones (keyset on seq). */
export async function findAuditEvents(ctx: RequestContext, query: TAuditEventsQuery): Promise<TAuditEventPage> {
  const events = await page(await selectEvents(ctx, query), query.before, query.limit + 1);
  const items = events.slice(0, query.limit);
  const hasMore = events.length > query.limit;
  return { items, nextCursor: hasMore ? (items.at(-1)?.seq ?? null) : null };
}

const EXPORT_PAGE = 2_000;

/**
 * Every matching event, newest first, up to `maxRows`, read page by page.
 * `outcome.truncated` tells, once the rows are consumed, whether more matched.
 */
export async function auditEventsForExport(
  ctx: RequestContext,
  filter: TAuditEventFilter,
  maxRows: number,
): Promise<{ rows: AsyncGenerator<TAuditEvent>; outcome: { truncated: boolean } }> {
  const query = await selectEvents(ctx, filter);
  const outcome = { truncated: false };
  async function* rows(): AsyncGenerator<TAuditEvent> {
    let before: number | undefined;
    let count = 0;
    for (;;) {
      const wanted = Math.min(EXPORT_PAGE, maxRows - count);
      const events = await page(query, before, wanted);
      for (const event of events) yield event;
      count += events.length;
      before = events.at(-1)?.seq;
      if (before === undefined || events.length < wanted) return;
      if (count >= maxRows) {
        outcome.truncated = (await page(query, before, 1)).length > 0;
        return;
      }
    }
  }
  return { rows: rows(), outcome };
}
