import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../core/config/config';
import { buildApp } from '../core/http/app';
import { loadPlatformKeys } from '../core/platform/load-platform-keys';
import { openPlatformDatabase } from '../core/platform/open-platform';
import { seedDemo } from '../core/platform/seed-demo';
import { printBanner } from './banner';
import { MODULES } from './modules';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const { database, migrations } = await openPlatformDatabase(config, MODULES);
  const keys = loadPlatformKeys(config);
  const seed = config.GONGHUI_DEMO
    ? await seedDemo(database.kysely, MODULES, { keys, log: (line) => console.log(`  演示数据 ${line}`) })
    : { seeded: false, milliseconds: 0 };
  const app = await buildApp({ config, database, modules: MODULES, keys, webRoot: WEB_ROOT });

  // The handlers are in place before the port opens: a Ctrl-C (or a supervisor's SIGTERM) that
  // arrives as soon as the server answers must still close the database cleanly, not kill it.
  // Shutdown waits for the banner, which still reads the database.
  let closing = false;
  let serving: Promise<void> = Promise.resolve();
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    await serving.catch(() => undefined);
    console.log(`\n收到 ${signal}，正在安全关闭… / shutting down`);
    await app.close();
    await database.close();
    console.log('已关闭，数据已保存。/ closed cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  serving = app
    .listen({ port: config.PORT, host: config.HOST })
    .then(() => printBanner({ config, database, migrations, seed, startupMs: Date.now() - started }));
  await serving;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('启动失败 / failed to start:', error);
  }
  process.exit(1);
});
