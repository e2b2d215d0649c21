import { ZHealth } from '../auth/contract';
import { currentMigrationVersion } from '../db/migrations';
import { defineRoute } from '../http/route';
import { PLATFORM_VERSION } from './version';

export const healthRoute = defineRoute({
  method: 'GET',
  url: '/health',
  summary: '健康检查：数据库引擎与迁移版本',
  access: 'public',
  audit: 'none',
  response: ZHealth,
  handler: async ({ ctx }) => ({
    status: 'ok' as const,
    engine: ctx.platform.engine,
    migration: await currentMigrationVersion(ctx.db),
    version: PLATFORM_VERSION,
    uptimeSeconds: Math.round((ctx.now().getTime() - ctx.platform.startedAt.getTime()) / 1000),
  }),
});
