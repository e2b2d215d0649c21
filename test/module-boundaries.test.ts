import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { moduleBoundaries } from '../tools/eslint/module-boundaries.js';

const linter = new Linter({ configType: 'flat', cwd: '/repo' });

/** Lints one import line as if it stood in `file`; returns the boundary messages. */
function lintImport(file: string, source: string): string[] {
  return linter
    .verify(
      `import { x } from '${source}';\nexport const y = x;\n`,
      [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
          plugins: { gonghui: { rules: { 'module-boundaries': moduleBoundaries } } },
          rules: { 'gonghui/module-boundaries': 'error' },
        },
      ],
      { filename: `/repo/${file}` },
    )
    .map((message) => message.message);
}

describe('module boundary lint rule', () => {
  it('lets a module use the kernel, its own files and another module index', () => {
    expect(lintImport('src/modules/members/server/routes.ts', '../../../core/http/route')).toEqual([]);
    expect(lintImport('src/modules/members/server/routes.ts', './queries/find-members')).toEqual([]);
    expect(lintImport('src/modules/members/server/routes.ts', '../../orgs')).toEqual([]);
    expect(lintImport('src/modules/members/server/routes.ts', '../../orgs/index')).toEqual([]);
    expect(lintImport('src/modules/members/web/MemberPage.tsx', '../../orgs/contract')).toEqual([]);
  });

  it('refuses a reach into another module internals', () => {
    expect(lintImport('src/modules/members/server/routes.ts', '../../orgs/server/queries/org-node')).toEqual([
      '模块 members 只可通过 index.ts 引用模块 orgs：../../orgs/server/queries/org-node',
    ]);
  });

  it('keeps web code away from server code', () => {
    expect(lintImport('src/web/pages/HomePage.tsx', '../../modules/orgs/server/routes')).toHaveLength(1);
    expect(lintImport('src/modules/orgs/web/OrgTree.tsx', '../server/routes')).toEqual([
      'web 代码不得引用 server 代码：../server/routes',
    ]);
    expect(lintImport('src/web/main.tsx', '../core/db/database')).toEqual([
      'web 代码只可引用 src/core 中的 contract.ts：../core/db/database',
    ]);
    expect(lintImport('src/web/main.tsx', '../core/auth/contract')).toEqual([]);
    // The shell's page registry mounts module pages; one module's web code still may not reach another's.
    expect(lintImport('src/web/modules.ts', '../modules/orgs/web/OrgTreePage')).toEqual([]);
    expect(lintImport('src/modules/members/web/MembersPage.tsx', '../../orgs/web/OrgTree')).toHaveLength(1);
  });

  it('keeps server code away from web code, and the kernel away from modules', () => {
    expect(lintImport('src/modules/orgs/server/routes.ts', '../web/OrgTree')).toEqual([
      'server 代码不得引用 web 代码：../web/OrgTree',
    ]);
    expect(lintImport('src/core/http/app.ts', '../../modules/orgs')).toHaveLength(1);
    expect(lintImport('src/core/http/app.ts', '../../server/modules')).toHaveLength(1);
  });
});
