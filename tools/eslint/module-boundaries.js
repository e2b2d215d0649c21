// ESLint rule: the architecture's import boundaries (docs/ARCHITECTURE.md).
// - src/core never imports src/modules or src/server (the kernel knows no business area);
// - a module imports src/core, its own files, and other modules only through their index.ts;
// - web code (src/web, src/modules/*/web) never imports server code (src/server, */server/, src/cli),
//   and of src/core only contract.ts files;
// - server code never imports web code.
import path from 'node:path';

const SRC = `${path.sep}src${path.sep}`;

function area(file) {
  const index = file.lastIndexOf(SRC);
  if (index < 0) return null;
  const parts = file.slice(index + SRC.length).split(path.sep);
  const [top, second, third] = parts;
  if (top === 'core') return { kind: 'core', parts };
  if (top === 'server' || top === 'cli') return { kind: 'server', parts };
  if (top === 'web') return { kind: 'web', parts };
  if (top === 'modules') {
    const side = third === 'web' ? 'web' : third === 'server' ? 'server' : 'shared';
    return { kind: 'module', module: second, side, parts };
  }
  return null;
}

// Paths are compared without their extension: `../../orgs`, `../../orgs/index` and
// `../../orgs/index.ts` all name the module's index.
const stem = (name) => (name ?? '').replace(/\.[cm]?[jt]sx?$/, '');
const isModuleIndex = (target) =>
  target.kind === 'module' && (target.parts.length === 2 || (target.parts.length === 3 && stem(target.parts[2]) === 'index'));
const isContract = (target) => stem(target.parts.at(-1)) === 'contract';
const isWebSide = (where) => where.kind === 'web' || (where.kind === 'module' && where.side === 'web');
const isServerSide = (where) => where.kind === 'server' || (where.kind === 'module' && where.side === 'server');

function violation(from, to) {
  if (from.kind === 'core' && (to.kind === 'module' || to.kind === 'server' || to.kind === 'web')) {
    return 'src/core 不得依赖业务模块、server 或 web（内核不认识业务）';
  }
  if (isWebSide(from)) {
    if (isServerSide(to) || to.kind === 'server') return 'web 代码不得引用 server 代码';
    if (to.kind === 'core' && !isContract(to)) return 'web 代码只可引用 src/core 中的 contract.ts';
    // The shell (src/web) mounts module pages: it may reach any module's web side.
    const isShellMountingPage = from.kind === 'web' && to.kind === 'module' && to.side === 'web';
    if (to.kind === 'module' && to.module !== from.module && !isContract(to) && !isShellMountingPage) {
      return '只可引用其他模块的 contract.ts（web）';
    }
    return null;
  }
  if (isServerSide(from) && isWebSide(to)) return 'server 代码不得引用 web 代码';
  if (from.kind === 'module' && to.kind === 'module' && to.module !== from.module && !isModuleIndex(to) && !isContract(to)) {
    return `模块 ${from.module} 只可通过 index.ts 引用模块 ${to.module}`;
  }
  return null;
}

export const moduleBoundaries = {
  meta: { type: 'problem', schema: [], messages: { boundary: '{{reason}}：{{source}}' } },
  create(context) {
    const from = area(context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = area(path.resolve(path.dirname(context.filename), source));
      if (!to) return;
      const reason = violation(from, to);
      if (reason) context.report({ node, messageId: 'boundary', data: { reason, source } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
