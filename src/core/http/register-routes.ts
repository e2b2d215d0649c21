import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { AppError } from './errors';
import { enterCallerScope } from '../access/row-security';
import { type RequestContext, requireUser } from './request-context';
import { AUDITED_CATEGORIES, type AnyRoute } from './route';

export const API_PREFIX = '/api';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    access?: string;
    audit?: string;
  }
}

function checkAccess(route: AnyRoute, request: FastifyRequest): void {
  if (route.access === 'public') {
    return;
  }
  const { user } = request.ctx;
  if (!user) {
    throw new AppError('UNAUTHENTICATED', '请先登录');
  }
  if (route.access === 'password-passed') {
    return;
  }
  if (user.stage !== 'full') {
    throw new AppError('UNAUTHENTICATED', '请先完成二次验证');
  }
  if (route.access !== 'signed-in' && !user.permissions.has(route.access)) {
    throw new AppError('FORBIDDEN', '您没有执行此操作的权限');
  }
}

/** Registers module routes under `/api`, each guarded by its declared access. */
export function registerRoutes(app: FastifyInstance, routes: readonly AnyRoute[], tag: string): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const route of routes) {
    const schema: Record<string, unknown> = {
      summary: route.summary,
      tags: [tag],
      response: { 200: route.response },
    };
    if (route.params) schema.params = route.params;
    if (route.query) schema.querystring = route.query;
    if (route.body) schema.body = route.body;
    typed.route({
      method: route.method,
      url: `${API_PREFIX}${route.url}`,
      schema: schema as { response: Record<number, ZodType> },
      config: { access: route.access, audit: route.audit },
      preHandler: async (request) => checkAccess(route, request),
      handler: async (request, reply) => {
        const { ctx } = request;
        const run = () => route.handler({ params: request.params, query: request.query, body: request.body, ctx, request, reply });
        // Sign-in routes run statement by statement: a failed attempt's audit
        // event must survive the error the request ends with.
        if (route.access === 'public' || route.audit === 'auth') {
          return run();
        }
        // Everything else runs in one transaction as the non-owner role with the
        // caller's scope set, so row-level security filters every query; the
        // change and its audit events commit together, or neither does.
        const db = ctx.db;
        return db.transaction().execute(async (tx) => {
          await enterCallerScope(tx, requireUser(ctx).org.path, requireUser(ctx).account.id);
          ctx.db = tx;
          try {
            const result = await run();
            if (AUDITED_CATEGORIES.has(route.audit) && ctx.auditCount === 0) {
              throw new Error(`route ${route.method} ${route.url} declared audit '${route.audit}' but recorded no audit event`);
            }
            return result;
          } finally {
            ctx.db = db;
          }
        });
      },
    });
  }
}

/**
 * Start-up guard: every API route must state its access and audit category.
 * A route added straight to Fastify without them stops the server.
 */
export function refuseUndeclaredRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (options) => {
    if (!options.url.startsWith(`${API_PREFIX}/`) || options.url.startsWith(`${API_PREFIX}/docs`)) {
      return;
    }
    if (!options.config?.access || !options.config.audit) {
      throw new Error(`路由 ${String(options.method)} ${options.url} 未声明权限（access）或审计类别（audit）`);
    }
  });
}
