import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/core/config/config';
import { createTestDatabase, describeEachEngine, useFreshDatabase } from '../src/core/db/testing';
import { buildApp } from '../src/core/http/app';
import { AppError } from '../src/core/http/errors';
import { defineRoute } from '../src/core/http/route';
import { coreModule } from '../src/core/manifest';
import { defineModule } from '../src/core/module';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { createOrgUnit, createStaff } from '../src/core/testing/factories';
import { buildTestApp, signIn } from '../src/core/testing/test-app';

const toyModule = defineModule({
  id: 'toy',
  label: '示例',
  permissions: [{ code: 'toy.read', label: '读' }, { code: 'toy.approve', label: '批' }],
  nav: [{ path: '/toy', label: '示例', icon: 'SmileOutlined', permission: 'toy.read', order: 5 }],
  migrations: [],
  routes: [
    defineRoute({
      method: 'POST',
      url: '/toy/echo',
      summary: '回显',
      access: 'public',
      audit: 'none',
      body: z.object({ name: z.string().min(2, '名称至少 2 个字'), count: z.number().int() }),
      response: z.object({ name: z.string() }),
      // Returns an extra field: the response schema must strip it.
      handler: async ({ body }) => ({ name: body.name, secret: 'leak' }) as { name: string },
    }),
    defineRoute({
      method: 'GET',
      url: '/toy/conflict',
      summary: '冲突',
      access: 'public',
      audit: 'none',
      response: z.object({}),
      handler: async () => {
        throw new AppError('CONFLICT', '该会员已在其他工会', { field: 'idNumber' });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/toy/crash',
      summary: '崩溃',
      access: 'public',
      audit: 'none',
      response: z.object({}),
      handler: async () => {
        throw new Error('database password is hunter2');
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/toy/approve',
      summary: '需要审批权限',
      access: 'toy.approve',
      audit: 'write',
      response: z.object({ ok: z.boolean() }),
      handler: async ({ ctx }) => {
        await ctx.audit({ action: 'toy.approve', category: 'write' });
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/toy/forgetful-write',
      summary: '改了数据却忘记审计',
      access: 'signed-in',
      audit: 'write',
      response: z.object({ ok: z.boolean() }),
      handler: async ({ ctx }) => {
        await ctx.db.updateTable('org_unit').set({ name: '被改掉的名字' }).execute();
        return { ok: true };
      },
    }),
  ],
});

describe('route declaration guard', () => {
  it('refuses to start with an API route that declares no access', async () => {
    const database = await createTestDatabase('pglite');
    try {
      const app = await buildApp({ config: loadConfig({}), database, modules: [coreModule], keys: testPlatformKeys(), logger: false });
      expect(() => app.get('/api/sneaky', async () => ({}))).toThrow(/未声明权限/);
      await app.close();
    } finally {
      await database.close();
    }
  });
});

describeEachEngine('HTTP kernel', (engine) => {
  const database = useFreshDatabase(engine);

  it('reports health with the engine and migration version', async () => {
    const app = await buildTestApp(database(), [coreModule]);
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'ok', engine });
    expect(body.migration).toMatch(/^\d{4}-\d\d-\d\dT\d{4}_/);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('names the offending field in Chinese when validation fails', async () => {
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const response = await app.inject({ method: 'POST', url: '/api/toy/echo', payload: { name: 'x', count: 1 } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('name');
    expect(error.message).toBe('请求内容字段「name」有误：名称至少 2 个字');
    expect(error.requestId).toBe(response.headers['x-request-id']);

    const missing = await app.inject({ method: 'POST', url: '/api/toy/echo', payload: { name: '张三' } });
    expect(missing.json().error.field).toBe('count');
    expect(missing.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('sends only the fields the response schema declares', async () => {
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const response = await app.inject({ method: 'POST', url: '/api/toy/echo', payload: { name: '张三', count: 1 } });
    expect(response.json()).toEqual({ name: '张三' });
  });

  it('renders an AppError with its code, status, message and field', async () => {
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const response = await app.inject({ method: 'GET', url: '/api/toy/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', message: '该会员已在其他工会', field: 'idNumber' });
  });

  it('hides the details of an unexpected failure', async () => {
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const response = await app.inject({ method: 'GET', url: '/api/toy/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.json().error.code).toBe('INTERNAL');
  });

  it('answers unknown API paths with a JSON 404 and refuses text/plain bodies', async () => {
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const plain = await app.inject({
      method: 'POST',
      url: '/api/toy/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(plain.statusCode).toBe(415);
  });

  it('requires sign-in, then the declared permission, and filters navigation by permission', async () => {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
    const clerk = await createStaff(db, { login: 'clerk1', org: province, roles: ['clerk'] });
    const head = await createStaff(db, { login: 'head1', org: province, roles: ['head'] });
    const app = await buildTestApp(database(), [coreModule, toyModule]);

    expect((await app.inject({ method: 'GET', url: '/api/toy/approve' })).statusCode).toBe(401);
    const clerkSession = await signIn(app, clerk.login, clerk.password);
    const refused = await app.inject({ method: 'GET', url: '/api/toy/approve', headers: clerkSession });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('您没有执行此操作的权限');
    const headSession = await signIn(app, head.login, head.password);
    expect((await app.inject({ method: 'GET', url: '/api/toy/approve', headers: headSession })).statusCode).toBe(200);

    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: clerkSession })).json();
    expect(me.nav.map((entry: { path: string }) => entry.path)).toEqual(['/', '/toy']);
    expect(me.permissions).toEqual(['toy.read']);
  });

  it('refuses to commit a write that recorded no audit event, and rolls the change back', async () => {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
    const clerk = await createStaff(db, { login: 'clerk1', org: province, roles: ['clerk'] });
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const session = await signIn(app, clerk.login, clerk.password);
    const response = await app.inject({ method: 'POST', url: '/api/toy/forgetful-write', headers: session });
    expect(response.statusCode).toBe(500);
    const unit = await db.selectFrom('org_unit').select('name').where('id', '=', province.id).executeTakeFirstOrThrow();
    expect(unit.name).toBe('陕西省总工会');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province' });
    const head = await createStaff(db, { login: 'head1', org: province, roles: ['head'] });
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const session = await signIn(app, head.login, head.password);
    const forged = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.message).toMatch(/CSRF/);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...session, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    // The session survived both attempts, and the real token works.
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session })).statusCode).toBe(200);
  });

  it('publishes an OpenAPI document built from the route schemas', async () => {
    const app = await buildTestApp(database(), [coreModule, toyModule]);
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.paths['/api/toy/echo'].post.summary).toBe('回显');
    expect(document.paths['/api/toy/echo'].post.requestBody.content['application/json'].schema.required).toEqual(['name', 'count']);
  });
});

describeEachEngine('API documentation page', (engine) => {
  const database = useFreshDatabase(engine);

  it('serves the browsable OpenAPI page at /api/docs', async () => {
    const app = await buildTestApp(database(), [coreModule]);
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger-ui');
  });
});

describe('serving the console', () => {
  it('serves pages from the web build and answers a missing asset with 404', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const webRoot = mkdtempSync(`${tmpdir()}/gonghui-web-`);
    mkdirSync(`${webRoot}/assets`);
    writeFileSync(`${webRoot}/index.html`, '<!doctype html><title>工会工作平台</title>');
    const database = await createTestDatabase('pglite');
    try {
      const app = await buildApp({ config: loadConfig({}), database, modules: [coreModule], keys: testPlatformKeys(), logger: false, webRoot });
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('工会工作平台');
      const page = await app.inject({ method: 'GET', url: '/members?q=1' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('工会工作平台');
      expect((await app.inject({ method: 'GET', url: '/assets/index-old.js' })).statusCode).toBe(404);
      // A file built after start-up is served without a restart.
      writeFileSync(`${webRoot}/assets/index-new.js`, 'console.log(1)');
      const fresh = await app.inject({ method: 'GET', url: '/assets/index-new.js' });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers['content-type']).toMatch(/javascript/);
      await app.close();
    } finally {
      await database.close();
    }
  });
});
