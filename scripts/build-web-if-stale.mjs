// Builds the web console when dist/web is missing or older than its sources,
// so `npm start` works on a fresh clone and stays quick on every later start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'server' && entry.name !== 'migrations') newest = Math.max(newest, newestSource(path));
    } else if (/\.(tsx?|css|html|svg|png)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

const sourcesChanged = () =>
  Math.max(newestSource(join(root, 'src')), statSync(join(root, 'vite.config.ts')).mtimeMs) > statSync(built).mtimeMs;

if (!existsSync(built) || sourcesChanged()) {
  console.log('正在构建网页控制台… / building the web console');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
