import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { buildHouseholdWorld, DEEP_FIGURES, HOME_VISIT, RELATIVE_FIGURES } from './testing/household-world';

/**
 * The filing workflow (一户一档 建档) through the API, on a fake clock: the
 * whole path with a public notice of the rule table's working days, refusals
 * with reasons, the civil-affairs mismatch path, an objection during the
 * notice, the approval route as data, and stale versions.
 */
describeEachEngine('hardship filing workflow', (engine) => {
  const database = useFreshDatabase(engine);
  const world = () => buildHouseholdWorld(database());

  it('walks a file from application to 已建档: five working days of notice, then the system files it at national level', async () => {
    const w = await world();
    const opened = await w.open(w.members.wang);
    expect(opened).toMatchObject({ status: 'draft', classification: { tier: 'deep', perCapitaMonthly: 666.66, dibao: 700 }, workflow: { state: 'draft', version: 1 } });

    await w.toNotice(opened.id);
    const inNotice = (await w.get(w.logins.clerkA, `/api/assistance/households/${opened.id}`)).json();
    // Entered on Monday 2026-11-16: Tue 17 … Mon 23 are the five working days (filing_notice_working_days).
    expect(inNotice).toMatchObject({ status: 'notice', statusLabel: '公示中', workflow: { state: 'notice', noticeEndsOn: '2026-11-23' } });

    const notice = (await w.get(w.logins.clerkA, `/api/assistance/households/${opened.id}/notice`)).json();
    expect(notice).toMatchObject({ title: '困难职工建档公示', startsOn: '2026-11-17', endsOn: '2026-11-23', workingDays: 5 });
    expect(notice.text).toContain('姓名：王**；所在工会：甲厂工会；困难类别：深度困难职工家庭；家庭共同生活人口：3 人。');
    expect(notice.text).toContain('公示期：2026年11月17日至2026年11月23日（5 个工作日）');
    expect(notice.text).not.toContain('王建国');
    expect(notice.source).toMatch(/公示不少于 5 个工作日/);

    w.setClock('2026-11-23T23:59:59+08:00');
    await w.runTimers();
    expect(await w.household(opened.id)).toMatchObject({ status: 'notice', filed_on: null });

    w.setClock('2026-11-24T00:00:00+08:00');
    expect(await w.runTimers()).toMatchObject({ fired: 1, failed: 0 });
    expect(await w.household(opened.id)).toMatchObject({ status: 'filed', filed_tier: 'deep', file_level: 'national', filed_on: '2026-11-24', check_level: 'county' });
    const person = await w.read((tx) => tx.selectFrom('person').select('is_hardship').where('id', '=', w.members.wang.personId).executeTakeFirstOrThrow());
    expect(person.is_hardship).toBe(true);

    const history = (await w.get(w.logins.cityA, `/api/assistance/households/${opened.id}/history`)).json().steps;
    expect(history.map((step: { label: string; actor: { name: string } | null; actorOrg: { name: string } | null }) => [step.label, step.actor?.name ?? '系统', step.actorOrg?.name ?? null])).toEqual([
      ['发起困难职工建档', 'clerk-a', '甲厂工会'],
      ['提交建档申请', 'clerk-a', '甲厂工会'],
      ['初审通过', 'reviewer-a', '甲厂工会'],
      ['登记入户调查并上报', 'clerk-a', '甲厂工会'],
      ['发起民政家庭经济状况核对', 'county-a', '甲县总工会'],
      ['核对通过，进入公示', 'county-a', '甲县总工会'],
      ['公示期满无异议，建档', '系统', null],
    ]);
    expect(history[3].form).toEqual(HOME_VISIT);
    expect(history[3].attachments).toEqual([expect.objectContaining({ kind: 'authorisation', name: 'authorisation-授权书.pdf' })]);
    expect(history[4].form).toEqual({ status: 'clear', findings: [], driver: 'local' });
    // No more buttons on a filed file; the notice text is gone with the notice.
    expect((await w.get(w.logins.clerkA, `/api/assistance/households/${opened.id}/actions`)).json().actions).toEqual([]);
    expect((await w.get(w.logins.clerkA, `/api/assistance/households/${opened.id}/notice`)).statusCode).toBe(409);
  });

  it('refuses each step without its reason, file or qualifying figures, naming what is missing', async () => {
    const w = await world();
    const poor = await w.open(w.members.wang);

    // Above twice the standard: (120000 − 12000) ÷ 12 ÷ 3 = 3000 ≥ 1400.
    const none = await w.open(w.members.li, { annualIncome: 120000, worker: { ...DEEP_FIGURES.worker, annualIncome: 120000 } });
    expect(none).toMatchObject({ classification: { tier: 'none' } });
    const refusedNone = await w.act(w.logins.clerkA, none.id, 'submit');
    expect(refusedNone.statusCode).toBe(409);
    expect(refusedNone.json().error.message).toBe('未达到困难职工家庭认定条件：（年收入 120000 − 刚性支出 12000）÷ 12 ÷ 3 人 = 3000 元/月，不低于 2 倍低保标准 1400 元/月 → 不属于深度困难或相对困难');
    const blocked = (await w.get(w.logins.clerkA, `/api/assistance/households/${none.id}/actions`)).json().actions;
    expect(blocked.find((action: { transition: string }) => action.transition === 'submit').blockedBy).toBe(refusedNone.json().error.message);

    const excluded = await w.open(w.members.zhang, { exclusions: ['vehicle'] });
    const refusedExcluded = await w.act(w.logins.clerkA, excluded.id, 'submit');
    expect(refusedExcluded.json().error).toMatchObject({ code: 'CONFLICT', message: '存在排除性条件，不予建档：家庭拥有机动车辆' });

    expect((await w.act(w.logins.clerkA, poor.id, 'submit')).statusCode).toBe(200);
    // A clerk may not review; the reviewer must give a reason to send it back.
    expect((await w.act(w.logins.clerkA, poor.id, 'approve_first_review')).json().error).toMatchObject({ code: 'FORBIDDEN', message: '您没有“初审通过”的权限' });
    const noReason = await w.act(w.logins.reviewerA, poor.id, 'return_first_review');
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'comment', message: '请填写退回理由' });
    expect((await w.act(w.logins.reviewerA, poor.id, 'return_first_review', { comment: '缺少收入证明' })).json()).toMatchObject({ status: 'draft' });
    expect((await w.act(w.logins.clerkA, poor.id, 'submit')).statusCode).toBe(200);
    expect((await w.act(w.logins.reviewerA, poor.id, 'approve_first_review')).statusCode).toBe(200);

    // The home visit needs its form and the signed 授权委托书; an application alone is not it.
    const noForm = await w.act(w.logins.clerkA, poor.id, 'record_home_visit');
    expect(noForm.json().error).toMatchObject({ field: 'form.visitDate', message: '请填写“入户调查日期”' });
    const application = (await w.upload(w.logins.clerkA, poor.id, 'application')).json();
    const noAuthorisation = await w.act(w.logins.clerkA, poor.id, 'record_home_visit', { form: HOME_VISIT, attachments: [{ fileId: application.id }] });
    expect(noAuthorisation.json().error).toMatchObject({ field: 'attachments', message: '请上传“家庭经济状况核对授权委托书（本人签字）”（至少 1 份）' });
    const future = await w.act(w.logins.clerkA, poor.id, 'record_home_visit', { form: { ...HOME_VISIT, visitDate: '2026-12-01' } });
    expect(future.json().error).toMatchObject({ field: 'form.visitDate', message: '“入户调查日期”不能晚于今天' });
    const elsewhere = (await w.upload(w.logins.clerkA, excluded.id, 'authorisation')).json();
    const foreignFile = await w.act(w.logins.clerkA, poor.id, 'record_home_visit', { form: HOME_VISIT, attachments: [{ fileId: elsewhere.id }] });
    expect(foreignFile.json().error).toMatchObject({ field: 'attachments.0.fileId', message: '第 1 个附件不是此档案的佐证材料，请先上传' });
    const authorisation = (await w.upload(w.logins.clerkA, poor.id, 'authorisation')).json();
    expect((await w.act(w.logins.clerkA, poor.id, 'record_home_visit', { form: HOME_VISIT, attachments: [{ fileId: authorisation.id }, { fileId: application.id }] })).statusCode).toBe(200);

    // The financial check passes only on a civil-affairs check of the current figures.
    expect((await w.act(w.logins.countyA, poor.id, 'approve_financial_check')).json().error.message).toBe('请先发起民政家庭经济状况核对（档案信息修改后须重新核对）');
    expect((await w.act(w.logins.countyA, poor.id, 'civil_check', { form: { status: 'clear' } })).json().error).toMatchObject({ field: 'form', message: '核对结果由民政核对接口返回，不能填写' });
    expect((await w.act(w.logins.countyA, poor.id, 'civil_check')).statusCode).toBe(200);
    w.clock.advance(60_000);
    const detail = (await w.get(w.logins.clerkA, `/api/assistance/households/${poor.id}`)).json();
    const edited = await w.put(w.logins.clerkA, `/api/assistance/households/${poor.id}`, { expectedVersion: detail.version, ...DEEP_FIGURES, annualIncome: 35000, bank: { bankName: DEEP_FIGURES.bank.bankName }, members: detail.members.slice(1).map((member: { id: number; relation: string; name: string; employment: string }) => ({ id: member.id, relation: member.relation, name: member.name, employment: member.employment })) });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await w.act(w.logins.countyA, poor.id, 'approve_financial_check')).json().error.message).toBe('请先发起民政家庭经济状况核对（档案信息修改后须重新核对）');
    expect((await w.act(w.logins.countyA, poor.id, 'refuse_financial_check')).json().error).toMatchObject({ field: 'comment', message: '请填写不予建档的理由' });
    w.clock.advance(60_000);
    expect((await w.act(w.logins.countyA, poor.id, 'civil_check')).statusCode).toBe(200);
    expect((await w.act(w.logins.countyA, poor.id, 'approve_financial_check')).json()).toMatchObject({ status: 'notice' });
    // Frozen while the public looks at it.
    const frozen = await w.put(w.logins.clerkA, `/api/assistance/households/${poor.id}`, { expectedVersion: edited.json().version, ...DEEP_FIGURES });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toMatchObject({ code: 'RECORD_FROZEN', message: '公示期间不能修改档案，如有异议请登记公示异议' });
    // Steps the state does not allow, or the system's own, are refused by name.
    expect((await w.act(w.logins.clerkA, poor.id, 'submit')).json().error).toMatchObject({ code: 'WORKFLOW_ILLEGAL_TRANSITION', message: '当前状态“公示中”不能执行“提交建档申请”' });
    expect((await w.act(w.logins.countyA, poor.id, 'finish_notice')).json().error.message).toBe('“公示期满无异议，建档”由系统在期限届满时自动执行，不能手动操作');
    expect((await w.act(w.logins.countyA, poor.id, 'teleport')).json().error.message).toBe('“困难职工建档”流程中没有“teleport”这一步');
  });

  it('keeps a civil-affairs mismatch on the file and in the history; the check cannot pass, the refusal closes the file', async () => {
    const w = await world();
    const file = await w.open(w.members.wang, { declaredProperty: { vehicles: 1, houses: 2 } });
    expect(file.classification.tier).toBe('deep');
    await expect(w.toNotice(file.id)).rejects.toThrow(/approve_financial_check: 409/);

    const mismatch = '民政核对发现不符：家庭名下登记有机动车辆 1 辆（排除性条件）；家庭名下登记有住房 2 套（排除性条件）。请退回补正或不予建档';
    expect((await w.act(w.logins.countyA, file.id, 'approve_financial_check')).json().error).toMatchObject({ code: 'CONFLICT', message: mismatch });
    const actions = (await w.get(w.logins.countyA, `/api/assistance/households/${file.id}/actions`)).json().actions;
    expect(actions.map((action: { transition: string; blockedBy: string | null }) => [action.transition, action.blockedBy])).toEqual([
      ['civil_check', null],
      ['approve_financial_check', mismatch],
      ['return_financial_check', null],
      ['refuse_financial_check', null],
    ]);
    // The check's form is the system's: the button asks for nothing.
    expect(actions[0].requires).toEqual({ comment: { required: false, label: '办理意见' }, fields: [], attachments: [] });
    const detail = (await w.get(w.logins.countyA, `/api/assistance/households/${file.id}`)).json();
    expect(detail.civilCheck).toMatchObject({ status: 'mismatch', driver: 'local', findings: [{ code: 'vehicle' }, { code: 'multiple_houses' }] });

    const refused = await w.act(w.logins.countyA, file.id, 'refuse_financial_check', { comment: '民政核对：家庭有机动车辆、两套住房' });
    expect(refused.json()).toMatchObject({ status: 'refused', workflow: { isFinished: true } });
    const history = (await w.get(w.logins.countyA, `/api/assistance/households/${file.id}/history`)).json().steps;
    expect(history.at(-2)).toMatchObject({ label: '发起民政家庭经济状况核对', form: { status: 'mismatch' } });
    expect(history.at(-1)).toMatchObject({ label: '核对不予建档', toLabel: '不予建档', comment: '民政核对：家庭有机动车辆、两套住房' });
    // A refused file is closed: the worker may apply again later (一户一档 counts open files).
    expect((await w.open(w.members.wang)).status).toBe('draft');
  });

  it('sends the case back to the first review on an objection during the notice; the notice then never files it', async () => {
    const w = await world();
    const file = await w.open(w.members.wang);
    await w.toNotice(file.id);
    expect((await w.act(w.logins.countyA, file.id, 'object')).json().error).toMatchObject({ field: 'comment', message: '请填写异议内容' });
    // A union beside the file's chain may not register one.
    expect((await w.act(w.logins.countyB, file.id, 'object', { comment: '匿名' })).statusCode).toBe(404);
    const objected = await w.act(w.logins.countyA, file.id, 'object', { comment: '群众反映其配偶有经营收入' });
    expect(objected.json()).toMatchObject({ status: 'first_review', workflow: { state: 'first_review', noticeEndsOn: null } });

    w.setClock('2026-12-01T09:00:00+08:00');
    await w.runTimers();
    expect(await w.household(file.id)).toMatchObject({ status: 'first_review', filed_on: null });
    // Back through review: the earlier civil-affairs check does not count for the new round.
    expect((await w.act(w.logins.reviewerA, file.id, 'approve_first_review')).statusCode).toBe(200);
    const authorisation = (await w.upload(w.logins.clerkA, file.id, 'authorisation')).json();
    expect((await w.act(w.logins.clerkA, file.id, 'record_home_visit', { form: { ...HOME_VISIT, visitDate: '2026-12-01' }, attachments: [{ fileId: authorisation.id }] })).statusCode).toBe(200);
    expect((await w.act(w.logins.countyA, file.id, 'approve_financial_check')).json().error.message).toBe('请先发起民政家庭经济状况核对（档案信息修改后须重新核对）');
  });

  it('routes the financial check as data: the county by default, the city where its row says so, the city for a 市直 union', async () => {
    const w = await world();
    const byCounty = await w.open(w.members.wang);
    await w.toNotice(byCounty.id);

    // From 2026-11-01 甲市 checks its subtree's files itself (a row at 甲市 overrides the province-wide default).
    await w.db.insertInto('assistance_filing_route').values({ org_unit_id: w.units.cityA.id, step: 'financial_check', level: 'city', effective_from: '2026-11-01', source: '甲市总工会关于困难职工建档核对工作的通知（测试）' }).execute();
    const byCity = await w.open(w.members.li, RELATIVE_FIGURES);
    for (const [login, transition] of [[w.logins.clerkA, 'submit'], [w.logins.reviewerA, 'approve_first_review']] as const) {
      expect((await w.act(login, byCity.id, transition)).statusCode).toBe(200);
    }
    const authorisation = (await w.upload(w.logins.clerkA, byCity.id, 'authorisation')).json();
    expect((await w.act(w.logins.clerkA, byCity.id, 'record_home_visit', { form: HOME_VISIT, attachments: [{ fileId: authorisation.id }] })).statusCode).toBe(200);
    expect((await w.act(w.logins.countyA, byCity.id, 'civil_check')).json().error).toMatchObject({ code: 'FORBIDDEN', message: '“发起民政家庭经济状况核对”须由“甲市总工会”办理' });
    expect((await w.get(w.logins.countyA, `/api/assistance/households/${byCity.id}/actions`)).json().actions).toEqual([]);
    expect((await w.act(w.logins.cityA, byCity.id, 'civil_check')).statusCode).toBe(200);
    expect((await w.act(w.logins.cityA, byCity.id, 'approve_financial_check')).json()).toMatchObject({ status: 'notice' });

    // 乙市 has no row of its own: the province-wide default, its county, checks.
    const otherCity = await w.open(w.members.zheng, {}, w.logins.clerkB);
    for (const transition of ['submit', 'approve_first_review'] as const) expect((await w.act(w.logins.clerkB, otherCity.id, transition)).statusCode).toBe(200);
    const signed = (await w.upload(w.logins.clerkB, otherCity.id, 'authorisation')).json();
    expect((await w.act(w.logins.clerkB, otherCity.id, 'record_home_visit', { form: HOME_VISIT, attachments: [{ fileId: signed.id }] })).statusCode).toBe(200);
    expect((await w.act(w.logins.cityB, otherCity.id, 'civil_check')).json().error.message).toBe('“发起民政家庭经济状况核对”须由“乙县总工会”办理');
    expect((await w.act(w.logins.countyB, otherCity.id, 'civil_check')).statusCode).toBe(200);

    // A 市直 union has no county above it: under the county route its city checks.
    const direct = await w.open(w.members.wu, {}, w.logins.clerkDirect);
    await w.db.deleteFrom('assistance_filing_route').where('org_unit_id', '=', w.units.cityA.id).execute();
    await w.toNotice(direct.id, w.logins.cityA, w.logins.clerkDirect, w.logins.clerkDirect);

    w.setClock('2026-11-24T00:00:00+08:00');
    await w.runTimers();
    // 相对困难 at 1166.66 > 1.5 × 700 with an illness: not 全国级, so the level of the union that checked.
    expect(await w.household(byCity.id)).toMatchObject({ status: 'filed', filed_tier: 'relative', check_level: 'city', file_level: 'city' });
    expect(await w.household(byCounty.id)).toMatchObject({ status: 'filed', check_level: 'county', file_level: 'national' });
    expect(await w.household(direct.id)).toMatchObject({ status: 'filed', check_level: 'county' });
  });

  it('refuses a step taken from a stale version, and an edit from a stale version', async () => {
    const w = await world();
    const file = await w.open(w.members.wang);
    expect((await w.act(w.logins.clerkA, file.id, 'submit')).statusCode).toBe(200);
    const seen = await w.version(file.id);
    const first = await w.post(w.logins.reviewerA, `/api/assistance/households/${file.id}/actions/approve_first_review`, { expectedVersion: seen });
    expect(first.statusCode).toBe(200);
    const second = await w.post(w.logins.reviewerA, `/api/assistance/households/${file.id}/actions/return_first_review`, { expectedVersion: seen, comment: '重复' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'WORKFLOW_VERSION_CONFLICT', message: '该记录已被他人处理，请刷新后重试' });

    const detail = (await w.get(w.logins.clerkA, `/api/assistance/households/${file.id}`)).json();
    const keep = { ...DEEP_FIGURES, bank: { bankName: DEEP_FIGURES.bank.bankName }, members: [] };
    expect((await w.put(w.logins.clerkA, `/api/assistance/households/${file.id}`, { expectedVersion: detail.version, ...keep })).statusCode).toBe(200);
    const stale = await w.put(w.logins.clerkA, `/api/assistance/households/${file.id}`, { expectedVersion: detail.version, ...keep });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', message: '该档案已被他人修改，请刷新后重试' });
  });
});
