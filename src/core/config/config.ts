import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting comes from the environment, with a default that works on a
 * fresh machine. README.md has the same table for people; a test keeps the
 * two in step.
 */
const flag = (defaultValue: boolean) =>
  z
    .enum(['0', '1', 'true', 'false'], { message: '应为 0 或 1' })
    .default(defaultValue ? '1' : '0')
    .transform((value) => value === '1' || value === 'true');

export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '应以 postgres:// 开头')
    .optional(),
  GONGHUI_DEMO: flag(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  /** Secure cookies: on by default when behind TLS is declared. */
  COOKIE_SECURE: flag(false),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  GONGHUI_KEY_FILE: z.string().min(1).optional(),
  GONGHUI_KEYS: z.string().min(1).optional(),
});

export type Config = z.infer<typeof ZConfig> & { dataDir: string };

/** Documentation of every variable, shown by `gonghui config` and checked against README. */
export const CONFIG_DOCS: Record<keyof z.infer<typeof ZConfig>, string> = {
  PORT: 'HTTP 端口 / HTTP port',
  HOST: '监听地址（局域网访问设为 0.0.0.0）/ listen address',
  DATA_DIR: '嵌入式数据库（PGlite）数据目录 / embedded database directory',
  DATABASE_URL: 'PostgreSQL 连接串；设置后不使用嵌入式数据库 / PostgreSQL URL',
  GONGHUI_DEMO: '首次启动时写入演示省份数据（0 关闭）/ seed the demo province on first start',
  LOG_LEVEL: '日志级别 / log level',
  SESSION_IDLE_MINUTES: '会话空闲超时（分钟）/ idle session timeout',
  SESSION_MAX_HOURS: '会话最长时间（小时）/ absolute session lifetime',
  COOKIE_SECURE: '仅经 HTTPS 发送会话 Cookie（部署在 TLS 之后时设为 1）/ Secure cookies',
  PASSWORD_MAX_AGE_DAYS: '工作人员密码有效期（天），到期须在登录时更换；0 为不强制定期更换 / password rotation',
  GONGHUI_KEY_FILE: '字段加密与审计密钥文件（默认 DATA_DIR/keys.json，首次启动自动生成）/ key file',
  GONGHUI_KEYS: '密钥文件内容（JSON），优先于密钥文件，适合容器密钥注入 / key file content',
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ZConfig.shape)
      .map((key) => [key, env[key] === '' ? undefined : env[key]])
      .filter(([, value]) => value !== undefined),
  );
  const parsed = ZConfig.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}
