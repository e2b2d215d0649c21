import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { CSRF_HEADER, isValidCsrfToken } from '../auth/csrf';
import { loadSignedInUser } from '../auth/current-user';
import { SESSION_COOKIE } from '../auth/session';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { startPeriodicRunner } from '../jobs/periodic-runner';
import { collectMetrics } from '../metrics/metric-registry';
import type { ModuleManifest } from '../module';
import { deliverOutbox } from '../notifications/deliver-outbox';
import { localMessageSender } from '../notifications/local-message-sender';
import type { MessageSender } from '../notifications/message-sender';
import type { PlatformKeys } from '../platform/platform-keys';
import { startWorkflowTimerRunner } from '../workflow/timer-runner';
import { installErrorHandler } from './error-handler';
import { AppError } from './errors';
import { createRateLimiter } from './rate-limiter';
import { API_PREFIX, refuseUndeclaredRoutes, registerRoutes } from './register-routes';
import type { RequestContext } from './request-context';
import { installSecurityHeaders } from './security-headers';

// Validation messages in Chinese for every schema that does not set its own.
z.config(z.locales.zhCN());

export type AppOptions = {
  config: Config;
  database: Database;
  modules: readonly ModuleManifest[];
  /** The clock every request sees; tests pass a fake one. */
  now?: () => Date;
  /** Folder of the built web console (index.html); not served when absent. */
  webRoot?: string;
  logger?: boolean;
  /** Field-encryption key ring and audit key (from the key file, never the database). */
  keys: PlatformKeys;
  /** Where the outbox's SMS and e-mail go (default: the local driver, a file under DATA_DIR). */
  messageSender?: MessageSender;
};

/** How often the kernel sends the message outbox and runs scheduled jobs' clocks. */
const OUTBOX_POLL_MS = 60_000;

const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database, modules } = options;
  const now = options.now ?? (() => new Date());
  const declaredPermissions = modules.flatMap((module) => module.permissions.map((permission) => permission.code));
  const platform = {
    engine: database.engine,
    nav: modules.flatMap((module) => module.nav).sort((a, b) => a.order - b.order),
    permissions: declaredPermissions,
    startedAt: now(),
    // Brute force from one address is slowed before the per-account lockout bites
    // (OWASP ASVS V2.2.1). 20 attempts a minute is more than any person types.
    signInLimiter: createRateLimiter({ limit: 20, windowMs: 60_000 }),
    orgListeners: modules.flatMap((module) => (module.orgListeners ? [module.orgListeners] : [])),
    // Refuses duplicate ids and parameters a binding form cannot render: the app does not start.
    metrics: collectMetrics(modules),
    services: {} as Record<string, unknown>,
  };

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] },
    genReqId: () => randomUUID(),
    // One line per request at debug level (below), not Fastify's two at info.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain POST is what a cross-site form can send (CSRF).
  app.removeContentTypeParser('text/plain');

  installErrorHandler(app);
  installSecurityHeaders(app);
  refuseUndeclaredRoutes(app);
  await app.register(cookie);

  app.decorateRequest('ctx');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    const ctx: RequestContext = {
      requestId: request.id,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      db: database.kysely,
      config,
      now,
      user: null,
      keys: options.keys,
      platform,
      auditCount: 0,
      audit: async (event) => {
        const { user } = ctx;
        await recordAuditEvent(ctx.db, {
          key: options.keys.auditKey,
          actor: {
            accountId: user?.account.id ?? null,
            login: user?.account.login ?? null,
            orgUnitId: user?.org.id ?? null,
            orgPath: user?.org.path ?? null,
          },
          origin: { ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId },
          occurredAt: now(),
          event,
        });
        ctx.auditCount += 1;
      },
    };
    request.ctx = ctx;
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith(`${API_PREFIX}/`)) {
      ctx.user = await loadSignedInUser(database.kysely, { token, now: now(), config, declaredPermissions });
      const isStateChanging = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
      if (ctx.user && isStateChanging && !isValidCsrfToken(token, request.headers[CSRF_HEADER] as string | undefined)) {
        throw new AppError('FORBIDDEN', '请求校验失败（CSRF），请刷新页面后重试');
      }
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  await app.register(swagger, {
    openapi: {
      info: { title: '工会工作平台 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  for (const module of modules) {
    registerRoutes(app, module.routes, module.label);
  }
  // Uploads arrive as a raw stream; the route that takes them writes it to disk with its own size cap.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  for (const module of modules) {
    if (!module.background) continue;
    const started = module.background({
      db: database.kysely,
      keys: options.keys,
      dataDir: config.dataDir,
      now,
      log: { info: (message) => app.log.info(message), error: (error, message) => app.log.error(error, message) },
    });
    platform.services[module.id] = started.service;
    app.addHook('onClose', () => started.stop());
  }
  // The kernel's own background work: the timers of every module's workflows (notice periods, deadlines).
  const workflows = modules.flatMap((module) => module.workflows ?? []);
  if (workflows.length > 0) {
    const timers = startWorkflowTimerRunner({
      db: database.kysely,
      machines: workflows,
      auditKey: options.keys.auditKey,
      now,
      log: { info: (message) => app.log.info(message), error: (error, message) => app.log.error(error, message) },
    });
    app.addHook('onClose', () => timers.stop());
  }
  // Outbound SMS and e-mail, after the transactions that queued them committed (src/core/notifications).
  const log = { info: (message: string) => app.log.info(message), error: (error: unknown, message: string) => app.log.error(error, message) };
  const sender = options.messageSender ?? localMessageSender(config.dataDir, now);
  const outbox = startPeriodicRunner({
    name: '短信与邮件发送',
    intervalMs: OUTBOX_POLL_MS,
    log,
    run: () => deliverOutbox(database.kysely, { sender, ring: options.keys.ring, now, onError: (error, id) => log.error(error, `消息 ${id} 发送失败 / outbox message failed`) }),
  });
  app.addHook('onClose', () => outbox.stop());
  // The modules' scheduled jobs (automatic reminders…).
  for (const job of modules.flatMap((module) => module.scheduledJobs ?? [])) {
    const runner = startPeriodicRunner({
      name: job.label,
      intervalMs: job.intervalMs,
      log,
      run: async () => {
        const done = await job.run({ db: database.kysely, keys: options.keys, now, log });
        if (done > 0) log.info(`${job.label}：已处理 ${done} 项 / ${job.id}`);
        return done;
      },
    });
    app.addHook('onClose', () => runner.stop());
  }

  if (options.webRoot && existsSync(`${options.webRoot}/index.html`)) {
    // wildcard: files are looked up per request, so a rebuilt console is served without a restart.
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // Page navigations get the console (it routes in the browser); a missing
    // asset or API path gets a real 404, so a stale browser tab fails cleanly.
    const wantsPage = request.method === 'GET' && !request.url.startsWith(`${API_PREFIX}/`) && !request.url.startsWith('/assets/');
    if (wantsPage && options.webRoot && existsSync(`${options.webRoot}/index.html`)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url}`, requestId: request.id },
    });
  });

  return app;
}
