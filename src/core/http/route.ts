import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodType } from 'zod';
import type { RequestContext } from './request-context';

/**
 * Who may call a route: anyone (`public`); a session that has passed the
 * password but maybe not yet the second factor (`password-passed`); any fully
 * signed-in user (`signed-in`); or a holder of a named permission such as
 * `members.read`.
 */
export type RouteAccess = 'public' | 'password-passed' | 'signed-in' | (string & {});

/**
 * What the audit trail records about a call:
 * - `none`, `read`: nothing (ordinary reads);
 * - `auth`: the handler records sign-in events itself (failures must outlive the rollback);
 * - `write`, `sensitive-read`, `export`, `admin`: the kernel runs the handler in a
 *   transaction and refuses to commit unless it recorded at least one event.
 */
export type AuditCategory = 'none' | 'read' | 'auth' | 'write' | 'sensitive-read' | 'export' | 'admin';

export const AUDITED_CATEGORIES: ReadonlySet<AuditCategory> = new Set(['write', 'sensitive-read', 'export', 'admin']);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteInput<P extends ZodType, Q extends ZodType, B extends ZodType> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  ctx: RequestContext;
  request: FastifyRequest;
  reply: FastifyReply;
};

export type RouteDefinition<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  R extends ZodType = ZodType,
> = {
  method: HttpMethod;
  /** Path under `/api`, e.g. `/orgs/:id`. */
  url: string;
  /** One line in Chinese: shown in the OpenAPI document. */
  summary: string;
  access: RouteAccess;
  audit: AuditCategory;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  handler: (input: RouteInput<P, Q, B>) => Promise<z.output<R>>;
};

/** The erased form a manifest holds in its list of routes. */
export type AnyRoute = RouteDefinition<ZodType, ZodType, ZodType, ZodType>;

/**
 * Declares a route: its method, path, zod schemas for request and response,
 * required access and audit category. The handler's input and output are
 * typed from the schemas.
 *
 * @example
 * export const getOrgUnitRoute = defineRoute({
 *   method: 'GET', url: '/orgs/:id', summary: '查看组织', access: 'orgs.read', audit: 'read',
 *   params: z.object({ id: z.coerce.number().int() }),
 *   response: ZOrgUnit,
 *   handler: ({ params, ctx }) => getOrgUnit(ctx, params.id),
 * });
 */
export function defineRoute<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  R extends ZodType = ZodType,
>(route: RouteDefinition<P, Q, B, R>): AnyRoute {
  return route as unknown as AnyRoute;
}
