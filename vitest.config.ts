import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_PATH } from './e2e/support/chromium-path.ts';

// Browser tests need Debian's Chromium. Without it they are left out with one
// clear line — except in CI, where a missing browser must fail the run.
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  const line = `浏览器测试未运行：找不到 ${CHROMIUM_PATH}。安装：apt-get install chromium fonts-noto-cjk / browser tests need: apt-get install chromium`;
  if (process.env.CI) {
    throw new Error(`CI: ${line}`);
  }
  console.warn(line);
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', ...(hasChromium ? ['e2e/**/*.test.ts'] : [])],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/plain-summary-reporter.ts'],
    // Generous: some tests start the real server or the CLI, and two workers share two cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // A browser step that waits for the server (a save, a workflow action) may take seconds on a busy
    // CI machine; vitest's own 1 s default for expect.poll made such waits flaky. An assertion that
    // must hold at once is written without poll.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // Two cores: more workers only add PGlite start-ups.
    maxWorkers: 2,
  },
});
