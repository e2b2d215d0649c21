import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { buildHouseholdWorld, RELATIVE_FIGURES } from '../testing/household-world';

/**
 * 批量帮扶 (送温暖) through the API on both engines: create, select by tier,
 * edit the list, approve it with one household over its cap left out and
 * named, distribute in one transaction (a stale step writes nothing),
 * confirm receipts one by one and in bulk, and the signature sheet as .xlsx.
 */
describeEachEngine('assistance campaigns (批量帮扶)', (engine) => {
  const database = useFreshDatabase(engine);

  it('selects, approves (leaving out a household over its cap), distributes, confirms receipts and exports the signature sheet', async () => {
    const w = await buildHouseholdWorld(database());
    const [wang, li, zhao] = await w.fileHouseholds([
      { who: w.members.wang },
      { who: w.members.li },
      { who: w.members.zhao, figures: RELATIVE_FIGURES },
    ]);
    // 李 already holds 29800 of the household's 30000 a year (an approved medical record).
    const medical = await w.post(w.logins.clerkA, '/api/assistance/aid/records', {
      householdId: li, payingOrgUnitId: w.units.factoryA.id, category: 'medical', fundingSource: 'social', amount: 29800, aidDate: '2026-11-24',
    });
    const version = (await w.get(w.logins.reviewerA, `/api/assistance/aid/records/${medical.json().id}`)).json().workflow.version;
    expect((await w.post(w.logins.reviewerA, `/api/assistance/aid/records/${medical.json().id}/actions/approve`, { expectedVersion: version })).statusCode).toBe(200);

    const created = await w.post(w.logins.countyClerkA, '/api/assistance/campaigns', {
      name: '2027 年元旦春节送温暖', payingOrgUnitId: w.units.countyA.id, category: 'warmth', fundingSource: 'union_funds',
      standardAmount: 300, tierAmounts: { deep: 500 }, budget: 1500, aidDate: '2026-12-28',
    });
    expect(created.statusCode, created.body).toBe(200);
    const campaign = created.json();
    expect(campaign).toMatchObject({ status: 'draft', categoryLabel: '送温暖', fundingSourceLabel: '工会经费', payingUnion: { name: '甲县总工会' }, households: 0 });

    const selected = await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/select`, { tiers: ['deep', 'relative'] });
    expect(selected.json()).toEqual({ added: 3, skipped: [] });
    // Edit the list: take 赵 off, put him back at 350.
    expect((await w.del(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/households/${zhao}`)).statusCode).toBe(200);
    expect((await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/households`, { householdId: zhao, amount: 350 })).json()).toEqual({ added: 1, skipped: [] });
    const listed = (await w.get(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}`)).json();
    expect(listed.rows.map((row: { name: string; amount: number; tierLabel: string }) => [row.name, row.amount, row.tierLabel]).sort()).toEqual([
      ['李卫东', 500, '深度困难'], ['王建国', 500, '深度困难'], ['赵志强', 350, '相对困难'],
    ]);
    // A clerk may not approve; the county's reviewer may.
    expect((await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/approve`, { expectedVersion: listed.workflow.version })).statusCode).toBe(403);
    const approved = await w.post(w.logins.countyA, `/api/assistance/campaigns/${campaign.id}/approve`, { expectedVersion: listed.workflow.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      households: 2,
      amount: 850,
      excluded: [{ householdId: li, name: '李卫东', reason: '超出帮扶上限“每户每年帮扶合计”：2026 年上限 30000 元，已批准 29800 元，剩余 200 元，本次 500 元' }],
    });
    // The list is frozen once approved.
    expect((await w.del(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/households/${wang}`)).json().error.message).toBe('名单已审批或活动已结束，不能再修改名单');

    // A stale step writes nothing: the records of the distribution roll back with it.
    const stale = await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/distribute`, { expectedVersion: listed.workflow.version });
    expect(stale.json().error.code).toBe('WORKFLOW_VERSION_CONFLICT');
    const countRecords = async () => (await w.read((tx) => tx.selectFrom('assistance_aid_record').select('id').where('campaign_id', '=', campaign.id).execute())).length;
    expect(await countRecords()).toBe(0);

    const distributed = await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/distribute`, { expectedVersion: approved.json().workflow.version });
    expect(distributed.json()).toMatchObject({ status: 'distributed', households: 2, amount: 850, excluded: [] });
    expect(await countRecords()).toBe(2);
    const wangRecords = (await w.get(w.logins.clerkA, `/api/assistance/aid/households/${wang}/records`)).json().items;
    expect(wangRecords).toEqual([expect.objectContaining({ campaignId: campaign.id, status: 'paid', amount: 500, categoryLabel: '送温暖', payingUnion: { id: w.units.countyA.id, name: '甲县总工会' } })]);

    // Receipts: 王 signs himself; then everyone left, in bulk (赵's wife signs).
    expect((await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/receipts`, { householdIds: [wang], receivedOn: '2026-12-29' })).json()).toEqual({ confirmed: 1 });
    expect((await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/receipts`, { householdIds: [li], receivedOn: '2026-12-29' })).json().error.message).toBe('第 1 户不在本活动的发放名单中');
    expect((await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/receipts`, { receivedOn: '2026-12-30', signer: '赵妻代签' })).json()).toEqual({ confirmed: 1 });
    const done = (await w.get(w.logins.cityA, `/api/assistance/campaigns/${campaign.id}`)).json();
    expect(done.rows.map((row: { name: string; statusLabel: string; receivedOn: string | null; receiptSigner: string | null }) => [row.name, row.statusLabel, row.receivedOn, row.receiptSigner]).sort()).toEqual([
      ['李卫东', '未通过', null, null], ['王建国', '已发放', '2026-12-29', '王建国'], ['赵志强', '已发放', '2026-12-30', '赵妻代签'],
    ]);
    const summary = (await w.get(w.logins.countyA, '/api/assistance/aid/summary?year=2026')).json();
    expect(summary.bySource.find((line: { code: string }) => line.code === 'union_funds')).toEqual({ code: 'union_funds', label: '工会经费', amount: 850, records: 2 });

    // The signature sheet: excluded households are not on it; the 签收 column is there for the pen.
    const exported = await w.get(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/export?purpose=${encodeURIComponent('打印签收')}`);
    expect(exported.statusCode, exported.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('2027 年元旦春节送温暖 发放签收表');
    expect(values(3)).toEqual(['序号', '姓名', '身份证号（脱敏）', '所在工会', '困难类别', '金额（元）', '状态', '签收（本人签字）', '签收日期']);
    const rows = [values(4), values(5)].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(rows.map((row) => [row[1], row[3], row[4], row[5], row[7], row[8]])).toEqual([
      ['王建国', '甲厂工会', '深度困难', '500.00', '王建国', '2026-12-29'],
      ['赵志强', '甲厂工会', '相对困难', '350.00', '赵妻代签', '2026-12-30'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    // Masked, never the full number.
    expect(String(rows[0]![2])).toContain('*');
    expect(String(rows[0]![2])).not.toBe(w.members.wang.idNumber);
    expect(sheet.rowCount).toBe(5);
    // Not for another city's staff.
    expect((await w.get(w.logins.clerkB, `/api/assistance/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await w.get(w.logins.clerkB, '/api/assistance/campaigns')).json().items).toEqual([]);
  });

  it('refuses a list over the budget and keeps it editable', async () => {
    const w = await buildHouseholdWorld(database());
    await w.fileHouseholds([{ who: w.members.wang }, { who: w.members.li }]);
    const campaign = (
      await w.post(w.logins.countyClerkA, '/api/assistance/campaigns', {
        name: '金秋助学', payingOrgUnitId: w.units.countyA.id, category: 'education', isGoldenAutumn: true, educationStage: 'compulsory', fundingSource: 'social',
        standardAmount: 3000, budget: 5000, aidDate: '2026-12-01',
      })
    ).json();
    expect(campaign).toMatchObject({ categoryLabel: '金秋助学', educationStage: 'compulsory' });
    expect((await w.post(w.logins.countyClerkA, `/api/assistance/campaigns/${campaign.id}/select`, {})).json()).toEqual({ added: 2, skipped: [] });
    const over = await w.post(w.logins.countyA, `/api/assistance/campaigns/${campaign.id}/approve`, { expectedVersion: campaign.workflow.version });
    expect(over.json().error).toMatchObject({ code: 'CONFLICT', message: '名单合计 6000 元，超过活动预算 5000 元，请调整名单或标准' });
    const detail = (await w.get(w.logins.countyA, `/api/assistance/campaigns/${campaign.id}`)).json();
    expect(detail.rows.map((row: { status: string }) => row.status)).toEqual(['listed', 'listed']);
    expect(detail.actions.find((action: { transition: string }) => action.transition === 'approve').blockedBy).toBe('名单合计 6000 元，超过活动预算 5000 元，请调整名单或标准');
  });
});
