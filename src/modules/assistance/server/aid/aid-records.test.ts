import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { enterCallerScope } from '../../../../core/access/row-security';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { createOrgUnit } from '../../../../core/testing/factories';
import { buildHouseholdWorld, type HouseholdWorld } from '../testing/household-world';

/**
 * 帮扶记录 through the API on both engines: record → approve → pay → receipt;
 * refusals with reasons; the caps to the fen (at creation and at approval,
 * and under two approvals at once); only filed households; scope and RLS.
 * 王 (甲厂) is filed 深度困难 with 西安's 低保 700: 生活救助 cap 12 × 700 = 8400.
 */
describeEachEngine('assistance records (帮扶记录)', (engine) => {
  const database = useFreshDatabase(engine);
  const world = () => buildHouseholdWorld(database());

  const cash = (w: HouseholdWorld, householdId: number, amount: number, extra: Record<string, unknown> = {}) => ({
    householdId,
    payingOrgUnitId: w.units.factoryA.id,
    category: 'living',
    fundingSource: 'fiscal',
    amount,
    aidDate: '2026-11-24',
    ...extra,
  });
  const record = async (w: HouseholdWorld, body: Record<string, unknown>, login = w.logins.clerkA) => {
    const response = await w.post(login, '/api/assistance/aid/records', body);
    if (response.statusCode !== 200) throw new Error(`record: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const act = async (w: HouseholdWorld, login: string, id: number, transition: string, body: Record<string, unknown> = {}) => {
    const detail = (await w.get(w.logins.countyA, `/api/assistance/aid/records/${id}`)).json();
    return w.post(login, `/api/assistance/aid/records/${id}/actions/${transition}`, { expectedVersion: detail.workflow.version, ...body });
  };

  it('records a payment, approves, pays and confirms receipt with the signed sheet; the household page and the funds summary show it', async () => {
    const w = await world();
    const [wang] = await w.fileHouseholds([{ who: w.members.wang }]);
    const created = await record(w, cash(w, wang!, 1200.5, { note: '春节前生活救助' }));
    expect(created).toMatchObject({ status: 'draft', statusLabel: '待审批', amount: 1200.5, categoryLabel: '生活救助', fundingSourceLabel: '财政专项', payingUnion: { name: '甲厂工会' }, household: { name: '王建国' } });
    // The clerk may cancel, not approve; the factory's reviewer and the county above may approve.
    expect(created.actions.map((action: { transition: string }) => action.transition)).toEqual(['cancel']);
    const reviewerView = (await w.get(w.logins.reviewerA, `/api/assistance/aid/records/${created.id}`)).json();
    expect(reviewerView.actions.map((action: { transition: string }) => action.transition).sort()).toEqual(['approve', 'cancel', 'refuse']);
    expect((await act(w, w.logins.clerkA, created.id, 'approve')).json().error).toMatchObject({ code: 'FORBIDDEN', message: '您没有“批准”的权限' });

    expect((await act(w, w.logins.countyA, created.id, 'approve')).json()).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    expect((await act(w, w.logins.clerkA, created.id, 'deliver')).json().error.message).toBe('现金帮扶请登记发放');
    expect((await act(w, w.logins.clerkA, created.id, 'pay')).json()).toMatchObject({ status: 'paid', statusLabel: '已发放' });
    const noForm = await act(w, w.logins.clerkA, created.id, 'confirm_receipt');
    expect(noForm.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'form.signer' });
    const sheet = (await w.upload(w.logins.clerkA, wang!, 'other', undefined, '签收单.pdf')).json();
    const received = await act(w, w.logins.clerkA, created.id, 'confirm_receipt', { form: { signer: '王建国', receivedOn: '2026-11-24' }, attachments: [{ fileId: sheet.id }] });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', receipt: { signer: '王建国', receivedOn: '2026-11-24', confirmedBy: 'clerk-a', fileId: sheet.id }, actions: [] });
    expect(received.json().history.map((step: { label: string }) => step.label)).toEqual(['发起帮扶审批发放', '批准', '登记发放', '确认签收']);

    const page = (await w.get(w.logins.clerkA, `/api/assistance/aid/households/${wang}/records`)).json();
    expect(page).toMatchObject({ items: [{ id: created.id, status: 'received' }], totals: [{ year: 2026, committed: 1200.5, disbursed: 1200.5 }] });
    const summary = (await w.get(w.logins.cityA, `/api/assistance/aid/summary?year=2026`)).json();
    expect(summary).toMatchObject({ disbursed: 1200.5, records: 1, approvedNotPaid: 0 });
    expect(summary.bySource.find((line: { code: string }) => line.code === 'fiscal')).toEqual({ code: 'fiscal', label: '财政专项', amount: 1200.5, records: 1 });
    expect(summary.byCategory.find((line: { code: string }) => line.code === 'living')).toMatchObject({ label: '生活救助', amount: 1200.5 });
    expect((await w.get(w.logins.cityA, `/api/assistance/aid/summary?year=2025`)).json()).toMatchObject({ disbursed: 0, records: 0 });
  });

  it('refuses with reasons: a file not yet filed, a refusal without reason, in-kind without its item, 助学 without a student, a paying union below the household', async () => {
    const w = await world();
    const [wang] = await w.fileHouseholds([{ who: w.members.wang }]);
    const draft = await w.open(w.members.li);
    const notFiled = await w.post(w.logins.clerkA, '/api/assistance/aid/records', cash(w, draft.id, 100));
    expect(notFiled.json().error).toMatchObject({ code: 'CONFLICT', message: '该家庭档案状态为“待提交”，只有已建档的困难职工家庭才能接受帮扶' });

    const inKind = await w.post(w.logins.clerkA, '/api/assistance/aid/records', cash(w, wang!, 300, { kind: 'in_kind' }));
    expect(inKind.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'itemDescription', message: expect.stringContaining('实物帮扶请填写实物名称及规格') });
    const school = await w.post(w.logins.clerkA, '/api/assistance/aid/records', cash(w, wang!, 300, { category: 'education' }));
    expect(school.json().error).toMatchObject({ field: 'studentMemberId', message: expect.stringContaining('助学请选择受助学生（家庭成员）') });
    const above = await w.post(w.logins.clerkA, '/api/assistance/aid/records', cash(w, wang!, 300, { payingOrgUnitId: w.units.countyA.id }));
    expect(above.json().error).toMatchObject({ code: 'NOT_FOUND', message: '组织不存在或无权访问' });
    const sibling = await createOrgUnit(w.db, { parent: w.units.countyA, name: '甲县另一厂工会' });
    const sideways = await w.post(w.logins.countyClerkA, '/api/assistance/aid/records', cash(w, wang!, 300, { payingOrgUnitId: sibling.id }));
    expect(sideways.json().error).toMatchObject({ field: 'payingOrgUnitId', message: '发放单位应为受助家庭所在工会或其上级工会' });

    const rice = await record(w, cash(w, wang!, 300, { kind: 'in_kind', itemDescription: '大米 25kg、食用油 5L', quantity: 2, category: 'warmth', fundingSource: 'union_funds' }));
    expect(rice).toMatchObject({ kind: 'in_kind', itemDescription: '大米 25kg、食用油 5L', quantity: 2, categoryLabel: '送温暖' });
    expect((await act(w, w.logins.reviewerA, rice.id, 'refuse')).json().error).toMatchObject({ field: 'comment', message: '请填写不予批准的理由' });
    expect((await act(w, w.logins.reviewerA, rice.id, 'refuse', { comment: '本季度已安排送温暖' })).json()).toMatchObject({ status: 'refused', actions: [] });
    expect((await act(w, w.logins.reviewerA, rice.id, 'approve')).json().error).toMatchObject({ code: 'WORKFLOW_ILLEGAL_TRANSITION' });
  });

  it('lets a household reach its 生活救助 cap exactly, refuses one fen more at creation (field amount, with cap, given, room and request as figures) and at approval, naming cap, year, given and room', async () => {
    const w = await world();
    const [wang] = await w.fileHouseholds([{ who: w.members.wang }]);
    const first = await record(w, cash(w, wang!, 8000));
    expect((await act(w, w.logins.reviewerA, first.id, 'approve')).statusCode).toBe(200);
    const over = await w.post(w.logins.clerkA, '/api/assistance/aid/records', cash(w, wang!, 400.01));
    expect(over.statusCode).toBe(409);
    // On the amount, with the figures the form can show without reading the words.
    expect(over.json().error).toEqual({
      code: 'CONFLICT',
      field: 'amount',
      details: { capYuan: 8400, approvedYuan: 8000, remainingYuan: 400, requestedYuan: 400.01 },
      message: '超出帮扶上限“生活救助年度上限（深度困难：12 个月低保标准，每月 700 元）”：2026 年上限 8400 元，已批准 8000 元，剩余 400 元，本次 400.01 元',
      requestId: expect.any(String),
    });
    // Two drafts within the room each; approving both would break it: the second is refused at approval.
    const a = await record(w, cash(w, wang!, 400));
    const b = await record(w, cash(w, wang!, 0.01));
    expect((await act(w, w.logins.reviewerA, a.id, 'approve')).json()).toMatchObject({ status: 'approved' });
    const late = await act(w, w.logins.reviewerA, b.id, 'approve');
    expect(late.json().error.message).toBe('超出帮扶上限“生活救助年度上限（深度困难：12 个月低保标准，每月 700 元）”：2026 年上限 8400 元，已批准 8400 元，剩余 0 元，本次 0.01 元');
    // Another category still has room under the household's annual total (30000, an example value).
    const medical = await record(w, cash(w, wang!, 21600, { category: 'medical' }));
    expect((await act(w, w.logins.reviewerA, medical.id, 'approve')).statusCode).toBe(200);
    const total = await w.post(w.logins.clerkA, '/api/assistance/aid/records', cash(w, wang!, 0.01, { category: 'employment' }));
    expect(total.json().error).toMatchObject({
      field: 'amount',
      details: { capYuan: 30000, approvedYuan: 30000, remainingYuan: 0, requestedYuan: 0.01 },
      message: '超出帮扶上限“每户每年帮扶合计”：2026 年上限 30000 元，已批准 30000 元，剩余 0 元，本次 0.01 元',
    });
    // Next year starts again.
    expect((await w.post(w.logins.clerkA, '/api/assistance/aid/records', cash(w, wang!, 8400, { aidDate: '2027-01-05' }))).statusCode).toBe(200);
  });

  it('serves two approvals at once one after the other: together over the cap, exactly one passes', async () => {
    const w = await world();
    const [wang] = await w.fileHouseholds([{ who: w.members.wang }]);
    const a = await record(w, cash(w, wang!, 5000));
    const b = await record(w, cash(w, wang!, 5000));
    const versionOf = async (id: number) => (await w.get(w.logins.countyA, `/api/assistance/aid/records/${id}`)).json().workflow.version;
    const [va, vb] = [await versionOf(a.id), await versionOf(b.id)];
    const responses = await Promise.all([
      w.post(w.logins.reviewerA, `/api/assistance/aid/records/${a.id}/actions/approve`, { expectedVersion: va }),
      w.post(w.logins.countyA, `/api/assistance/aid/records/${b.id}/actions/approve`, { expectedVersion: vb }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)!.json().error.message).toMatch(/^超出帮扶上限“生活救助年度上限.*已批准 5000 元，剩余 3400 元，本次 5000 元$/);
    const statuses = await w.read((tx) => tx.selectFrom('assistance_aid_record').select('status').orderBy('id').execute());
    expect(statuses.map((row) => row.status).sort()).toEqual(['approved', 'draft']);
  });

  it('keeps records in their subtree: another city neither sees nor records, and row-level security hides the rows', async () => {
    const w = await world();
    const [wang] = await w.fileHouseholds([{ who: w.members.wang }]);
    const created = await record(w, cash(w, wang!, 500));
    for (const url of [`/api/assistance/aid/records/${created.id}`, `/api/assistance/aid/households/${wang}/records`, `/api/assistance/aid/summary?year=2026&orgUnitId=${w.units.cityA.id}`]) {
      expect((await w.get(w.logins.clerkB, url)).statusCode, url).toBe(404);
    }
    const foreign = await w.post(w.logins.clerkB, '/api/assistance/aid/records', { ...cash(w, wang!, 100), payingOrgUnitId: w.units.factoryB.id });
    expect(foreign.statusCode).toBe(404);
    expect((await w.post(w.logins.clerkB, `/api/assistance/aid/records/${created.id}/actions/approve`, { expectedVersion: 1 })).statusCode).toBe(404);
    expect((await w.get(w.logins.cityB, '/api/assistance/aid/summary?year=2026')).json()).toMatchObject({ disbursed: 0, approvedNotPaid: 0 });

    const seen = async (path: string) =>
      w.db.transaction().execute(async (tx) => {
        await enterCallerScope(tx, path);
        return (await sql<{ n: number }>`select count(*)::int as n from assistance_aid_record`.execute(tx)).rows[0]!.n;
      });
    expect(await seen(w.units.cityB.path)).toBe(0);
    expect(await seen(w.units.countyA.path)).toBe(1);
  });
});
