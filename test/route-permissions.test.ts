import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/server/modules';

/**
 * The route -> permission table. A route added, removed or given another
 * access or audit category changes this table, and the test fails until the
 * table file is updated in the same change (`npx vitest run test/route-permissions.test.ts -u`),
 * so every change to who may do what shows up in review.
 */
export function routePermissionTable(): string {
  const rows = MODULES.flatMap((module) =>
    module.routes.map((route) => `${route.method.padEnd(6)} /api${route.url.padEnd(42)} ${route.access.padEnd(18)} ${route.audit.padEnd(14)} ${module.id}`),
  );
  return [`${'METHOD'.padEnd(6)} ${'PATH'.padEnd(46)} ${'ACCESS'.padEnd(18)} ${'AUDIT'.padEnd(14)} MODULE`, ...rows.sort()].join('\n') + '\n';
}

describe('route -> permission table', () => {
  it('matches the reviewed table in test/route-permissions.txt', async () => {
    const table = routePermissionTable();
    console.log(table);
    await expect(table).toMatchFileSnapshot('./route-permissions.txt');
  });

  it('has every permission a route needs declared by some module', () => {
    const declared = new Set(MODULES.flatMap((module) => module.permissions.map((permission) => permission.code)));
    const needed = MODULES.flatMap((module) => module.routes.map((route) => route.access)).filter(
      (access) => !['public', 'password-passed', 'signed-in'].includes(access),
    );
    expect(needed.filter((permission) => !declared.has(permission))).toEqual([]);
  });
});
