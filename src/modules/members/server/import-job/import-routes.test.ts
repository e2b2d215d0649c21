import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../core/cn/id-number';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { createOrgUnit, createStaff, type TestOrg } from '../../../../core/testing/factories';
import { buildTestApp, type SessionHeaders, signIn } from '../../../../core/testing/test-app';
import { MODULES } from '../../../../server/modules';

/** The console's import: upload, background job with progress, error report, template. */
describeEachEngine('member import API', (engine) => {
  const database = useFreshDatabase(engine);
  let app: FastifyInstance;
  let dataDir: string;
  let union: TestOrg;
  let outside: TestOrg;
  let headers: SessionHeaders;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gonghui-import-api-'));
    const db = database().kysely;
    const province = await createOrgUnit(db, { name: '省总工会' });
    const city = await createOrgUnit(db, { parent: province, type: 'city', name: '西安市总工会' });
    union = await createOrgUnit(db, { parent: city, name: '西安电子厂工会' });
    outside = await createOrgUnit(db, { parent: province, type: 'city', name: '宝鸡市总工会' });
    await createStaff(db, { login: 'clerk', org: city, roles: ['clerk'] });
    app = await buildTestApp(database(), MODULES, { env: { DATA_DIR: dataDir } });
    headers = await signIn(app, 'clerk', 'Correct-Horse-42');
  });
  afterEach(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (body: Buffer, orgUnitId: number, fileName = '会员名册.csv', dryRun = false) =>
    app.inject({
      method: 'POST',
      url: `/api/members/imports?orgUnitId=${orgUnitId}&dryRun=${dryRun}`,
      headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
      payload: body,
    });
  async function finished(jobId: number) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const job = (await app.inject({ method: 'GET', url: `/api/members/imports/${jobId}`, headers })).json();
      if (job.status === 'completed' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('import did not finish');
  }
  const id = (sequence: number) => makeIdNumber('610104', '1992-07-15', sequence);

  it('imports an upload in the background, then serves the error report with the original rows and reasons', async () => {
    const csv = ['姓名,公民身份号码,手机', `刘一,${id(1)},13800138001`, `陈二,${id(2).slice(0, 17)}0,13800138002`, `=HYPERLINK("http://x"),${id(3)},13800138003`].join('\n');
    const started = await upload(Buffer.from(csv), union.id);
    expect(started.statusCode, started.body).toBe(200);
    const job = await finished(started.json().jobId);
    expect(job).toMatchObject({ status: 'completed', fileName: '会员名册.csv', orgName: '西安电子厂工会', committedRows: 3, imported: 1, rejected: 2 });
    expect(job.errors.map((error: { row: number }) => error.row)).toEqual([2, 3]);

    const report = await app.inject({ method: 'GET', url: `/api/members/imports/${job.id}/errors`, headers });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['行号', '错误原因', '姓名', '公民身份号码']));
    const cells = [2, 3].map((row) => (sheet.getRow(row).values as unknown[]).map(String).join('|'));
    expect(cells[0]).toContain('陈二');
    // The hostile name comes back as text, never as a live formula.
    expect(sheet.getRow(3).values).not.toEqual(expect.arrayContaining([expect.objectContaining({ formula: expect.anything() })]));
    const audit = await database().kysely.selectFrom('audit_event').select('action').execute();
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['members.import', 'members.import.error-report']));
  });

  it('refuses a file that is not a table before it costs anything, and a union outside the subtree', async () => {
    const xls = await upload(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), union.id, 'old.xls');
    expect(xls.statusCode).toBe(400);
    expect(xls.json().error.message).toContain('.xls');
    expect((await upload(Buffer.from('姓名,身份证号\n'), outside.id)).statusCode).toBe(404);
    expect((await upload(Buffer.alloc(0), union.id)).statusCode).toBe(400);
  });

  it('serves the template, which imports cleanly', async () => {
    const template = await app.inject({ method: 'GET', url: '/api/members/import-template', headers });
    expect(template.statusCode).toBe(200);
    const started = await upload(template.rawPayload, union.id, '会员导入模板.xlsx', true);
    expect(started.statusCode, started.body).toBe(200);
    const job = await finished(started.json().jobId);
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'completed', dryRun: true, rejected: 0 });
    expect(job.imported).toBeGreaterThanOrEqual(1);
  });
});
