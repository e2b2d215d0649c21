import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../../../core/cn/id-number';
import { enterCallerScope } from '../../../core/access/row-security';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { createStaff } from '../../../core/testing/factories';
import { evidencePath } from './evidence/evidence-store';
import { buildHouseholdWorld, DEEP_FIGURES, PDF, RELATIVE_FIGURES } from './testing/household-world';

/**
 * Hardship files (一户一档) through the API: opening one on a current member,
 * one open file per household province-wide, scope and row-level security,
 * masked lists with filters, name search and keyset pages, sealed fields and
 * audited reveals, edits and their conflict codes, evidence uploads and their
 * one-time download tokens.
 */
/** The first bytes of a PNG (the type is judged from them). */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR…')]);

describeEachEngine('hardship files', (engine) => {
  const database = useFreshDatabase(engine);
  const world = () => buildHouseholdWorld(database());
  const auditEvents = (w: Awaited<ReturnType<typeof world>>, action: string) =>
    w.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('opens a file on a current member of the caller subtree, at the member union, classified with its explanation', async () => {
    const w = await world();
    const file = await w.open(w.members.wang);
    expect(file).toMatchObject({
      status: 'draft',
      statusLabel: '待提交',
      union: { id: w.units.factoryA.id, name: '甲厂工会' },
      regionCode: '610113',
      householdSize: 3,
      worker: { name: '王建国', age: 46 },
      bank: { bankName: '中国工商银行西安雁塔支行', accountMasked: '6222***********3445' },
      classification: { tier: 'deep', tierLabel: '深度困难', perCapitaMonthly: 666.66, dibao: 700, rulesDay: '2026-11-16' },
      workflow: { state: 'draft', stateLabel: '待提交', version: 1 },
    });
    expect(file.members.map((member: { relationLabel: string; name: string; age: number; healthLabel: string }) => [member.relationLabel, member.name, member.age, member.healthLabel])).toEqual([
      ['本人', '王建国', 46, '恶性肿瘤'],
      ['配偶', '刘桂兰', 44, '肢体残疾二级（重度）'],
      ['子女', '王小明', 14, '良好'],
    ]);
    expect(file.members[0]!.idNumberMasked).toBe(`${w.members.wang.idNumber.slice(0, 3)}***********${w.members.wang.idNumber.slice(-4)}`);
    expect(file.classification.reasons[0]).toBe('（年收入 36000 − 刚性支出 12000）÷ 12 ÷ 3 人 = 666.66 元/月，低于当地低保标准 700 元/月 → 深度困难');
    expect(file.classification.reasons).toContainEqual(expect.stringContaining('地区 610113 未单独设定，采用西安市的标准'));
    expect(await auditEvents(w, 'assistance.household.create')).toHaveLength(1);

    // Only current members of the caller's subtree; a member elsewhere does not exist for this clerk.
    await w.db.updateTable('members_membership').set({ status: 'exited' }).where('id', '=', w.members.li.membershipId).execute();
    const exited = await w.post(w.logins.clerkA, '/api/assistance/households', { membershipId: w.members.li.membershipId, ...DEEP_FIGURES, members: [] });
    expect(exited.json().error).toMatchObject({ code: 'CONFLICT', field: 'membershipId', message: '只能为在册会员建档：该会员已退会' });
    await w.db.updateTable('members_membership').set({ status: 'retained' }).where('id', '=', w.members.li.membershipId).execute();
    expect((await w.post(w.logins.clerkA, '/api/assistance/households', { membershipId: w.members.li.membershipId, ...DEEP_FIGURES, members: [] })).statusCode).toBe(200);
    const outside = await w.post(w.logins.clerkA, '/api/assistance/households', { membershipId: w.members.zheng.membershipId, ...DEEP_FIGURES, members: [] });
    expect(outside.json().error).toMatchObject({ code: 'NOT_FOUND', message: '会员不存在或无权访问' });
  });

  // Schema refusals read 请求内容字段「…」有误：… (the kernel's wording), checks of the use case the message alone.
  it('names the field of every refusal of the figures and members', async () => {
    const w = await world();
    const refuse = async (figures: Record<string, unknown>) =>
      (await w.post(w.logins.clerkA, '/api/assistance/households', { membershipId: w.members.wang.membershipId, ...DEEP_FIGURES, members: [], ...figures })).json().error;
    const spouse = DEEP_FIGURES.members[0]!;
    expect(await refuse({ members: [{ ...spouse, idNumber: '610113198203091234' }] })).toMatchObject({ field: 'members.0.idNumber', message: expect.stringContaining('校验') });
    expect(await refuse({ members: [{ ...spouse, idNumber: undefined }] })).toMatchObject({ field: 'members.0.idNumber', message: expect.stringContaining('请填写家庭成员的公民身份号码') });
    expect(await refuse({ members: [spouse, { ...spouse, relation: 'child', name: '重复' }] })).toMatchObject({ field: 'members.1.idNumber', message: '第 2 位家庭成员的公民身份号码与第 1 位家庭成员相同' });
    expect(await refuse({ members: [{ ...spouse, idNumber: w.members.wang.idNumber }] })).toMatchObject({ field: 'members.0.idNumber', message: '第 1 位家庭成员的公民身份号码与本人相同' });
    expect(await refuse({ members: [{ ...spouse, disability: { type: 'physical', grade: 5 } }] })).toMatchObject({ field: 'members.0.disability.grade', message: expect.stringContaining('残疾等级应为一级至四级（1–4）') });
    expect(await refuse({ members: [{ ...spouse, illnesses: ['cold'] }] })).toMatchObject({ field: 'members.0.illnesses.0', message: expect.stringContaining('重大疾病不在健康状况目录中') });
    expect(await refuse({ workerType: 'migrant_worker' })).toMatchObject({ field: 'laborRelationMonths', message: expect.stringContaining('农民工请填写与用人单位建立劳动关系的月数') });
    expect(await refuse({ mainCause: 'illness', secondaryCauses: ['illness'] })).toMatchObject({ field: 'secondaryCauses', message: expect.stringContaining('次要致困原因不应与主要致困原因相同') });
    expect(await refuse({ bank: { bankName: '工商银行', accountNumber: '6222-0202' } })).toMatchObject({ field: 'bank.accountNumber', message: expect.stringContaining('银行账号应为 12–30 位数字') });
    expect(await refuse({ bank: { bankName: '工商银行' } })).toMatchObject({ field: 'bank.accountNumber', message: '请填写银行账号' });
    expect(await refuse({ annualIncome: 100.001 })).toMatchObject({ field: 'annualIncome', message: expect.stringContaining('家庭年度可支配收入最多保留两位小数（精确到分）') });
    expect(await refuse({ regionCode: '990000' })).toMatchObject({ field: 'regionCode' });
    // A region without any 低保 standard on file cannot be classified.
    expect(await refuse({ regionCode: '620100' })).toMatchObject({ field: 'regionCode', message: '未找到地区 620100 在 2026-11-16 执行的城市低保标准，请联系管理员维护低保标准' });
  });

  it('keeps one open file per household province-wide, naming the union that holds it even outside the caller subtree', async () => {
    const w = await world();
    const first = await w.open(w.members.wang);
    const again = await w.post(w.logins.clerkA, '/api/assistance/households', { membershipId: w.members.wang.membershipId, ...DEEP_FIGURES, members: [] });
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', message: '该职工已在“甲厂工会”的困难职工档案中（一户一档，不能重复建档）' });

    // 乙厂's clerk cannot see 甲厂, but learns which union holds the spouse, or the worker as a member.
    const spouse = first.members[1]!;
    const spouseId = await w.read(async (tx) => (await tx.selectFrom('assistance_household_member').select('id_number_envelope').where('id', '=', spouse.id).executeTakeFirstOrThrow()).id_number_envelope);
    const spouseNumber = (await import('./household/household-fields')).openMemberIdNumber(w.keys.ring, spouseId);
    const bySpouse = await w.post(w.logins.clerkB, '/api/assistance/households', {
      membershipId: w.members.zheng.membershipId,
      ...DEEP_FIGURES,
      members: [{ relation: 'spouse', name: '刘桂兰', idNumber: spouseNumber, employment: 'unemployed' }],
    });
    expect(bySpouse.json().error).toMatchObject({ code: 'CONFLICT', field: 'members.0.idNumber', message: '家庭成员“刘桂兰”已在“甲厂工会”的困难职工档案中（一户一档，不能重复建档）' });
    const byWorker = await w.post(w.logins.clerkB, '/api/assistance/households', {
      membershipId: w.members.zheng.membershipId,
      ...DEEP_FIGURES,
      members: [{ relation: 'sibling', name: '王建国', idNumber: w.members.wang.idNumber, employment: 'employed' }],
    });
    expect(byWorker.json().error.message).toBe('家庭成员“王建国”已在“甲厂工会”的困难职工档案中（一户一档，不能重复建档）');

    // Withdrawn, the file is closed: the worker may be filed again.
    expect((await w.act(w.logins.clerkA, first.id, 'withdraw')).json().error).toMatchObject({ field: 'comment', message: '请填写撤回原因' });
    expect((await w.act(w.logins.clerkA, first.id, 'withdraw', { comment: '职工本人放弃申请' })).json()).toMatchObject({ status: 'withdrawn' });
    expect((await w.open(w.members.wang)).status).toBe('draft');
  });

  it('shows a county its own files only; row-level security hides the rest from a query without any filter', async () => {
    const w = await world();
    const a = await w.open(w.members.wang);
    const b = await w.open(w.members.zheng, {}, w.logins.clerkB);
    const ids = async (login: string) => (await w.get(login, '/api/assistance/households')).json().items.map((item: { id: number }) => item.id);
    expect(await ids(w.logins.countyB)).toEqual([b.id]);
    expect(await ids(w.logins.countyA)).toEqual([a.id]);
    expect((await ids(w.logins.province)).sort()).toEqual([a.id, b.id].sort());
    for (const url of [`/api/assistance/households/${a.id}`, `/api/assistance/households/${a.id}/actions`, `/api/assistance/households/${a.id}/history`]) {
      expect((await w.get(w.logins.countyB, url)).statusCode, url).toBe(404);
    }
    expect((await w.post(w.logins.countyB, `/api/assistance/households/${a.id}/reveal`, { field: 'bankAccount', reason: '核对发放账户' })).statusCode).toBe(404);
    expect((await w.upload(w.logins.clerkB, a.id, 'photo')).statusCode).toBe(404);
    expect((await w.get(w.logins.countyB, `/api/assistance/households?orgUnitId=${w.units.countyA.id}`)).statusCode).toBe(404);

    const visible = await w.db.transaction().execute(async (tx) => {
      await enterCallerScope(tx, w.units.countyB.path);
      const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx)).rows[0]!.n;
      return {
        households: await tx.selectFrom('assistance_household').select('id').execute(),
        members: await count('assistance_household_member'),
        people: (await tx.selectFrom('person').select('id').execute()).map((row) => row.id),
      };
    });
    expect(visible.households).toEqual([{ id: b.id }]);
    expect(visible.members).toBe(3);
    expect(visible.people).toEqual([w.members.zheng.personId]);

    // The worker stays visible with the file after transferring to another union outside the subtree.
    await w.db.updateTable('members_membership').set({ org_unit_id: w.units.factoryA.id, org_path: w.units.factoryA.path }).where('id', '=', w.members.zheng.membershipId).execute();
    expect((await w.get(w.logins.countyB, `/api/assistance/households/${b.id}`)).json().worker.name).toBe('郑国庆');
  });

  it('lists files masked, filtered by tier, status and cause, a keyset page at a time, and audits the list', async () => {
    const w = await world();
    const deep = await w.open(w.members.wang);
    const relative = await w.open(w.members.li, RELATIVE_FIGURES);
    await w.open(w.members.zhang, { mainCause: 'unemployment', secondaryCauses: [] });
    const disabled = await w.open(w.members.zhao, { ...RELATIVE_FIGURES, mainCause: 'disability', secondaryCauses: ['illness'] });
    await w.open(w.members.sun, { mainCause: 'low_income', secondaryCauses: [] });
    expect((await w.act(w.logins.clerkA, deep.id, 'submit')).statusCode).toBe(200);

    const pages: number[][] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `&after=${after}` : '';
      const page = (await w.get(w.logins.countyA, `/api/assistance/households?limit=2${query}`)).json();
      pages.push(page.items.map((item: { id: number }) => item.id));
      after = page.nextCursor;
    } while (after);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flat()).size).toBe(5);

    const first = (await w.get(w.logins.countyA, `/api/assistance/households?limit=1`)).json().items[0];
    expect(Object.keys(first).sort()).toEqual(['fileLevel', 'filedOn', 'householdSize', 'id', 'idNumberMasked', 'mainCause', 'mainCauseLabel', 'name', 'perCapitaMonthly', 'status', 'statusLabel', 'tier', 'tierLabel', 'union'].sort());
    expect(first.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);

    const filtered = async (query: string) => (await w.get(w.logins.countyA, `/api/assistance/households?${query}`)).json().items.map((item: { id: number }) => item.id);
    expect((await filtered('tier=relative')).length).toBe(2);
    // Main or secondary cause: 李 has illness as the main cause, 赵 as a secondary one.
    expect(await filtered('tier=relative&cause=illness')).toEqual([relative.id, disabled.id]);
    expect(await filtered('status=first_review')).toEqual([deep.id]);
    expect((await filtered('cause=education')).sort()).toEqual([deep.id, relative.id].sort());
    expect((await w.get(w.logins.countyA, '/api/assistance/households?after=bm9wZQ')).json().error).toMatchObject({ field: 'after' });

    const listed = await auditEvents(w, 'assistance.household.list');
    expect(listed.length).toBeGreaterThanOrEqual(4);
    expect(listed.at(-2)).toMatchObject({ category: 'sensitive-read', actor_login: 'county-a' });
  });

  it('finds files by the start of the worker name (q), inside the caller subtree only, with the other filters and pages', async () => {
    const w = await world();
    const wang = await w.open(w.members.wang);
    const wangMin = await w.open(await w.member(w.units.factoryA, '王建民'));
    await w.open(await w.member(w.units.factoryA, '李王明'));
    await w.open(w.members.zhang);
    const wangJun = await w.open(await w.member(w.units.factoryB, '王建军'), {}, w.logins.clerkB);
    expect((await w.act(w.logins.clerkA, wang.id, 'submit')).statusCode).toBe(200);

    const found = async (login: string, query: string) => {
      const response = await w.get(login, `/api/assistance/households?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((item: { id: number }) => item.id).sort((a: number, b: number) => a - b);
    };
    const q = (text: string) => `q=${encodeURIComponent(text)}`;
    // A prefix of the name, not a part of it; 乙厂's 王建军 is outside 甲县's subtree.
    expect(await found(w.logins.countyA, q('王'))).toEqual([wang.id, wangMin.id]);
    expect(await found(w.logins.countyA, q('王建国'))).toEqual([wang.id]);
    expect(await found(w.logins.countyA, q('建国'))).toEqual([]);
    expect(await found(w.logins.countyB, q('王'))).toEqual([wangJun.id]);
    expect(await found(w.logins.province, q('王建'))).toEqual([wang.id, wangMin.id, wangJun.id]);
    // orgUnitId narrows the subtree; a union outside the caller's is not found.
    expect(await found(w.logins.province, `${q('王建')}&orgUnitId=${w.units.countyB.id}`)).toEqual([wangJun.id]);
    expect((await w.get(w.logins.countyA, `/api/assistance/households?${q('王')}&orgUnitId=${w.units.countyB.id}`)).statusCode).toBe(404);
    // With the other filters, and a page at a time.
    expect(await found(w.logins.countyA, `${q('王')}&status=first_review`)).toEqual([wang.id]);
    const first = (await w.get(w.logins.countyA, `/api/assistance/households?${q('王')}&limit=1`)).json();
    const second = (await w.get(w.logins.countyA, `/api/assistance/households?${q('王')}&limit=1&after=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((item: { id: number }) => item.id).sort((a, b) => a - b)).toEqual([wang.id, wangMin.id]);
    expect(second.nextCursor).toBeNull();
    // No wildcards; blank is no filter; too long is refused by name.
    expect(await found(w.logins.countyA, q('%'))).toEqual([]);
    expect(await found(w.logins.countyA, q('_'))).toEqual([]);
    expect(await found(w.logins.countyA, q('  '))).toHaveLength(4);
    expect((await w.get(w.logins.countyA, `/api/assistance/households?${q('王'.repeat(51))}`)).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'q' });
    // The audit says a name was searched, never which.
    const listed = await auditEvents(w, 'assistance.household.list');
    expect(listed[0]!.details).toMatchObject({ searched: true, rows: 2 });
    expect(JSON.stringify(listed)).not.toContain('王');
    expect(listed.filter((event) => (event.details as { searched: boolean }).searched === false)).toHaveLength(1);
  });

  it('answers an edit from a stale version STALE_VERSION and an edit of a frozen file RECORD_FROZEN, both 409', async () => {
    const w = await world();
    const draft = await w.open(w.members.wang);
    const keep = { ...DEEP_FIGURES, bank: { bankName: DEEP_FIGURES.bank.bankName }, members: [] };
    const url = (id: number) => `/api/assistance/households/${id}`;
    expect((await w.put(w.logins.clerkA, url(draft.id), { expectedVersion: draft.version, ...keep })).statusCode).toBe(200);
    const stale = await w.put(w.logins.clerkA, url(draft.id), { expectedVersion: draft.version, ...keep });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', message: '该档案已被他人修改，请刷新后重试' });

    const noticed = await w.open(w.members.zhang);
    await w.toNotice(noticed.id);
    const frozen = await w.put(w.logins.clerkA, url(noticed.id), { expectedVersion: noticed.version, ...keep });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toMatchObject({ code: 'RECORD_FROZEN', message: '公示期间不能修改档案，如有异议请登记公示异议' });
    // Frozen wins over stale: a newer version would not make it editable.
    expect((await w.put(w.logins.clerkA, url(noticed.id), { expectedVersion: noticed.version + 5, ...keep })).json().error.code).toBe('RECORD_FROZEN');
    expect((await w.household(noticed.id)).version).toBe(noticed.version);
  });

  it('seals ID numbers and the bank account at rest; reveals them only with a reason, audited without the value', async () => {
    const w = await world();
    const spouseNumber = makeIdNumber('610113', '1982-03-09', 884);
    const file = await w.open(w.members.wang, { members: [{ ...DEEP_FIGURES.members[0], idNumber: spouseNumber }] });
    const rows = await w.read(async (tx) => ({
      household: await tx.selectFrom('assistance_household').selectAll().execute(),
      members: await tx.selectFrom('assistance_household_member').selectAll().execute(),
    }));
    const stored = JSON.stringify(rows);
    for (const secret of [DEEP_FIGURES.bank.accountNumber, w.members.wang.idNumber, spouseNumber]) expect(stored).not.toContain(secret);
    expect(stored).toContain('6222***********3445');
    expect(rows.household[0]!.bank_account_envelope).toMatch(/^g1\./);
    expect(rows.members.every((member) => member.id_number_envelope.startsWith('g1.'))).toBe(true);

    const noReason = await w.post(w.logins.clerkA, `/api/assistance/households/${file.id}/reveal`, { field: 'bankAccount' });
    expect(noReason.json().error).toMatchObject({ field: 'reason' });
    const noMember = await w.post(w.logins.clerkA, `/api/assistance/households/${file.id}/reveal`, { field: 'memberIdNumber', reason: '核对家庭成员身份' });
    expect(noMember.json().error).toMatchObject({ field: 'memberId', message: expect.stringContaining('请选择要查看身份证号的家庭成员') });

    const bank = await w.post(w.logins.clerkA, `/api/assistance/households/${file.id}/reveal`, { field: 'bankAccount', reason: '核对帮扶资金发放账户' });
    expect(bank.json()).toEqual({ field: 'bankAccount', value: '6222020200112233445' });
    expect(bank.headers['cache-control']).toBe('no-store');
    const spouse = await w.post(w.logins.clerkA, `/api/assistance/households/${file.id}/reveal`, { field: 'memberIdNumber', memberId: file.members[1]!.id, reason: '民政核对需要' });
    expect(spouse.json().value).toBe(spouseNumber);

    const reveals = await auditEvents(w, 'assistance.household.reveal');
    expect(reveals.map((event) => [event.reason, event.category, event.actor_login])).toEqual([
      ['核对帮扶资金发放账户', 'sensitive-read', 'clerk-a'],
      ['民政核对需要', 'sensitive-read', 'clerk-a'],
    ]);
    expect(JSON.stringify(reveals)).not.toContain('6222020200112233445');
    expect(JSON.stringify(reveals)).not.toContain(spouse.json().value);
    // Viewing the file is itself recorded (health and income are sensitive).
    await w.get(w.logins.countyA, `/api/assistance/households/${file.id}`);
    expect((await auditEvents(w, 'assistance.household.view')).at(-1)).toMatchObject({ actor_login: 'county-a', category: 'sensitive-read', target_id: String(file.id) });
  });

  it('edits keep the sealed numbers the console saw masked, recompute the tier, and follow the members as sent', async () => {
    const w = await world();
    const file = await w.open(w.members.wang);
    const spouse = file.members[1]!;
    const child = file.members[2]!;
    const grandmother = { relation: 'grandparent', name: '陈秀珍', idNumber: makeIdNumber('610113', '1950-01-20', 402), employment: 'incapable', illnesses: ['diabetes'] };
    const edited = await w.put(w.logins.clerkA, `/api/assistance/households/${file.id}`, {
      expectedVersion: file.version,
      ...DEEP_FIGURES,
      annualIncome: 60000,
      bank: { bankName: '中国建设银行' },
      members: [{ id: child.id, relation: 'child', name: '王小明', employment: 'student' }, grandmother],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json();
    // (60000 − 12000) ÷ 12 ÷ 3 = 1333.33: under 1400, 相对困难.
    expect(after).toMatchObject({ version: 2, householdSize: 3, classification: { tier: 'relative', perCapitaMonthly: 1333.33 }, bank: { bankName: '中国建设银行', accountMasked: '6222***********3445' } });
    expect(after.members.map((member: { name: string; idNumberMasked: string; healthLabel: string }) => [member.name, member.idNumberMasked, member.healthLabel])).toEqual([
      ['王建国', file.members[0]!.idNumberMasked, '恶性肿瘤'],
      ['王小明', child.idNumberMasked, '良好'],
      ['陈秀珍', expect.stringMatching(/^610\*{11}\d{3}[\dX]$/), '糖尿病'],
    ]);
    expect(after.members.map((member: { name: string }) => member.name)).not.toContain(spouse.name);
    const foreign = await w.put(w.logins.clerkA, `/api/assistance/households/${file.id}`, { expectedVersion: 2, ...DEEP_FIGURES, members: [{ id: file.members[0]!.id, relation: 'child', name: '冒用', employment: 'student' }] });
    expect(foreign.json().error).toMatchObject({ field: 'members.0.id', message: '第 1 位家庭成员不在此档案中，请刷新后重试' });
    const cleared = await w.put(w.logins.clerkA, `/api/assistance/households/${file.id}`, { expectedVersion: 2, ...DEEP_FIGURES, bank: null, members: [] });
    expect(cleared.json()).toMatchObject({ version: 3, bank: null, householdSize: 1 });
    expect((await auditEvents(w, 'assistance.household.update')).map((event) => event.details)).toEqual([
      { version: 2, householdSize: 3, tierChanged: true },
      { version: 3, householdSize: 1, tierChanged: true },
    ]);
  });

  it('takes evidence as PDF, JPEG or PNG by content, at most 10 MB, under DATA_DIR, and audits the upload', async () => {
    const w = await world();
    const file = await w.open(w.members.wang);
    const exe = await w.upload(w.logins.clerkA, file.id, 'authorisation', Buffer.from('MZ\x90\x00 this is a program'), '授权书.pdf');
    expect(exe.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file', message: '只接受 PDF、JPG、PNG 格式的材料（按文件内容判断）' });
    const huge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await w.upload(w.logins.clerkA, file.id, 'photo', huge)).statusCode).toBe(413);
    expect((await w.upload(w.logins.clerkA, file.id, 'selfie')).json().error).toMatchObject({ field: 'kind' });

    const uploaded = await w.upload(w.logins.clerkA, file.id, 'photo', PNG, '入户照片.png');
    expect(uploaded.json()).toMatchObject({ kind: 'photo', kindLabel: '入户调查照片', name: '入户照片.png', contentType: 'image/png', size: PNG.length });
    expect(readFileSync(evidencePath(w.dataDir, uploaded.json().id))).toEqual(PNG);
    expect((await w.get(w.logins.countyA, `/api/assistance/households/${file.id}`)).json().files).toHaveLength(1);
    expect((await auditEvents(w, 'assistance.household.file.upload')).map((event) => event.details)).toEqual([{ fileId: uploaded.json().id, kind: 'photo', size: PNG.length, sha256: uploaded.json().sha256 }]);
  });

  it('opens evidence for a reason sent in the body (audited), answering a one-time token bound to its account and file for a minute; the reason is in no URL', async () => {
    const w = await world();
    const file = await w.open(w.members.wang);
    const photo = (await w.upload(w.logins.clerkA, file.id, 'photo', PNG, '入户照片.png')).json();
    const other = (await w.upload(w.logins.clerkA, file.id, 'authorisation', PDF, '授权书.pdf')).json();
    const reason = '核对入户调查情况';
    const openUrl = (fileId: number) => `/api/assistance/households/${file.id}/files/${fileId}/open`;
    const fileUrl = (fileId: number, token: string) => `/api/assistance/households/${file.id}/files/${fileId}?token=${token}`;
    const issue = async (login: string, fileId = photo.id) => {
      const response = await w.post(login, openUrl(fileId), { reason });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { token: string; expiresAt: string };
    };

    // The old way is gone: a reason in the query string opens nothing.
    const old = await w.get(w.logins.countyA, `/api/assistance/households/${file.id}/files/${photo.id}?reason=${encodeURIComponent(reason)}`);
    expect(old.statusCode).toBe(400);
    expect(old.json().error).toMatchObject({ field: 'token' });
    expect((await w.post(w.logins.countyA, openUrl(photo.id), {})).json().error).toMatchObject({ field: 'reason' });

    // Opening: the reason is in the audit row, the answer a token (32 random bytes, base64url) valid 60 s.
    const opened = await issue(w.logins.countyA);
    expect(opened.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(opened.expiresAt) - w.clock.now().getTime()).toBe(60_000);
    expect(JSON.stringify(opened)).not.toContain(reason);
    const reads = await auditEvents(w, 'assistance.household.file.read');
    expect(reads.at(-1)).toMatchObject({ category: 'sensitive-read', actor_login: 'county-a', reason, target_id: String(file.id), details: { fileId: photo.id, kind: 'photo', sha256: photo.sha256 } });

    // Redeemed once: the bytes; the download is audited without the reason; the same token again is refused.
    const download = fileUrl(photo.id, opened.token);
    expect(download).not.toContain(encodeURIComponent(reason));
    const read = await w.get(w.logins.countyA, download);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.headers['content-disposition']).toContain('attachment');
    expect(read.rawPayload).toEqual(PNG);
    expect((await auditEvents(w, 'assistance.household.file.download')).at(-1)).toMatchObject({ category: 'sensitive-read', actor_login: 'county-a', reason: null, details: { fileId: photo.id, sha256: photo.sha256 } });
    const again = await w.get(w.logins.countyA, download);
    expect(again.statusCode).toBe(403);
    expect(again.json().error).toMatchObject({ code: 'FORBIDDEN', field: 'token' });

    // Bound to its account: another user of the subtree (who may read the file) is refused, and spends it.
    const stolen = await issue(w.logins.countyA);
    expect((await w.get(w.logins.clerkA, fileUrl(photo.id, stolen.token))).statusCode).toBe(403);
    expect((await w.get(w.logins.countyA, fileUrl(photo.id, stolen.token))).statusCode).toBe(403);
    // Bound to its file: the household's other file is refused.
    const forPhoto = await issue(w.logins.countyA);
    expect((await w.get(w.logins.countyA, fileUrl(other.id, forPhoto.token))).statusCode).toBe(403);

    // Valid 60 s: at 59.999 s it works, a token 60 s old does not.
    const early = await issue(w.logins.countyA);
    const late = await issue(w.logins.countyA);
    w.clock.advance(59_999);
    expect((await w.get(w.logins.countyA, fileUrl(photo.id, early.token))).statusCode).toBe(200);
    w.clock.advance(1);
    expect((await w.get(w.logins.countyA, fileUrl(photo.id, late.token))).statusCode).toBe(403);

    // Outside the subtree the file does not exist, token or not.
    expect((await w.post(w.logins.countyB, openUrl(photo.id), { reason })).statusCode).toBe(404);
    const countyToken = await issue(w.logins.countyA);
    expect((await w.get(w.logins.countyB, fileUrl(photo.id, countyToken.token))).statusCode).toBe(404);
    // Failed presentations leave no download event behind: one per delivered file (the two 200s).
    expect(await auditEvents(w, 'assistance.household.file.download')).toHaveLength(2);
  });

  it('follows its union when the org tree changes: a move rewrites the paths, and the new county sees the file', async () => {
    const w = await world();
    const file = await w.open(w.members.wang);
    await createStaff(w.db, { login: 'province-clerk', org: w.units.province, roles: ['clerk'] });
    const moved = await w.post('province-clerk', `/api/orgs/${w.units.factoryA.id}/move`, { parentId: w.units.countyB.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const row = await w.household(file.id);
    expect(row.org_path).toBe(`${w.units.countyB.path}${w.units.factoryA.id}.`);
    expect((await w.get(w.logins.countyB, `/api/assistance/households/${file.id}`)).statusCode).toBe(200);
    expect((await w.get(w.logins.countyA, `/api/assistance/households/${file.id}`)).statusCode).toBe(404);
    const members = await w.read((tx) => tx.selectFrom('assistance_household_member').select('org_path').where('household_id', '=', file.id).execute());
    expect(new Set(members.map((member) => member.org_path))).toEqual(new Set([row.org_path]));
  });
});
