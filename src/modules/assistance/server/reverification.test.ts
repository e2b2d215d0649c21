import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { buildHouseholdWorld, DEEP_FIGURES, RELATIVE_FIGURES } from './testing/household-world';

/**
 * 年度复核 ("应建则建、应帮尽帮、应退则退"): every filed household of a subtree
 * measured again against the rule tables in force on the day of the run.
 */
describeEachEngine('annual re-verification of hardship files', (engine) => {
  const database = useFreshDatabase(engine);

  it('proposes keep, change of tier and exit with reasons when the 低保 standard rises and a family earns more; records the run', async () => {
    const w = await buildHouseholdWorld(database());
    const deep = await w.open(w.members.wang); // 666.66 a month
    const relative = await w.open(w.members.li, RELATIVE_FIGURES); // 1166.66
    // (58800 − 12000) ÷ 12 ÷ 3 = 1300: 相对困难 under 700 and under 1200 alike.
    const steady = await w.open(w.members.zhang, { ...RELATIVE_FIGURES, annualIncome: 58800, worker: { ...RELATIVE_FIGURES.worker, annualIncome: 50000 } });
    const richer = await w.open(w.members.zhao, RELATIVE_FIGURES);
    const inNotice = await w.open(w.members.sun);
    const elsewhere = await w.open(w.members.zheng, {}, w.logins.clerkB);
    for (const file of [deep, relative, steady, richer]) await w.toNotice(file.id);
    await w.toNotice(elsewhere.id, w.logins.countyB, w.logins.clerkB, w.logins.clerkB);
    w.setClock('2026-11-24T09:00:00+08:00');
    await w.runTimers();
    w.setClock('2026-11-25T09:00:00+08:00');
    await w.toNotice(inNotice.id);
    expect((await w.household(relative.id)).status).toBe('filed');
    expect((await w.household(elsewhere.id)).status).toBe('filed');

    // The family found work: the file's figures are updated (a filed file may be; its filed tier stays until the review decides).
    const detail = (await w.get(w.logins.clerkA, `/api/assistance/households/${richer.id}`)).json();
    const edited = await w.put(w.logins.clerkA, `/api/assistance/households/${richer.id}`, {
      expectedVersion: detail.version,
      ...RELATIVE_FIGURES,
      annualIncome: 120000,
      worker: { ...RELATIVE_FIGURES.worker, annualIncome: 90000 },
      bank: { bankName: DEEP_FIGURES.bank.bankName },
      members: detail.members.slice(1).map((member: { id: number; relation: string; name: string; employment: string }) => ({ id: member.id, relation: member.relation, name: member.name, employment: member.employment })),
    });
    expect(edited.json()).toMatchObject({ status: 'filed', filedTier: 'relative', classification: { tier: 'none' } });

    // Before the standard rises: only the family that earns more leaves.
    const december = await w.post(w.logins.cityA, '/api/assistance/reverifications', { orgUnitId: w.units.cityA.id, on: '2026-12-01' });
    expect(december.json()).toMatchObject({ households: 4, keep: 3, changeTier: 0, exit: 1 });

    // 西安's urban 低保 rises from 700 to 1200 a month from 2027-01-01.
    await w.db
      .insertInto('assistance_dibao_standard')
      .values({ region_code: '610100', region_name: '西安市', area: 'urban', monthly_yuan: '1200', effective_from: '2027-01-01', effective_to: null, source: '西安市民政局关于提高城乡低保标准的通知（测试）' })
      .execute();
    w.setClock('2027-01-11T09:00:00+08:00');
    const run = await w.post(w.logins.cityA, '/api/assistance/reverifications', { orgUnitId: w.units.cityA.id });
    expect(run.statusCode, run.body).toBe(200);
    const result = run.json();
    expect(result).toMatchObject({ on: '2027-01-11', households: 4, keep: 2, changeTier: 1, exit: 1 });
    expect(result.proposals.map((proposal: { householdId: number; previousTier: string; proposedTier: string; outcome: string }) => [proposal.householdId, proposal.previousTier, proposal.proposedTier, proposal.outcome])).toEqual([
      [relative.id, 'relative', 'deep', 'change_tier'],
      [richer.id, 'relative', 'none', 'exit'],
    ]);
    const raised = result.proposals[0];
    expect(raised).toMatchObject({ name: '李卫东', outcomeLabel: '调整困难类别' });
    expect(raised.reasons[0]).toBe('（年收入 54000 − 刚性支出 12000）÷ 12 ÷ 3 人 = 1166.66 元/月，低于当地低保标准 1200 元/月 → 深度困难');
    expect(raised.reasons).toContainEqual(expect.stringContaining('依据：西安市民政局关于提高城乡低保标准的通知（测试）'));
    expect(result.proposals[1].outcomeLabel).toBe('建议退出（不再符合困难认定条件）');

    // Recorded per household, kept households included; the files remember the review.
    const items = await w.read((tx) => tx.selectFrom('assistance_reverification_item').selectAll().where('run_id', '=', result.runId).orderBy('household_id').execute());
    expect(items.map((item) => [item.household_id, item.previous_tier, item.proposed_tier, item.outcome, item.dibao_monthly])).toEqual([
      [deep.id, 'deep', 'deep', 'keep', '1200.00'],
      [relative.id, 'relative', 'deep', 'change_tier', '1200.00'],
      [steady.id, 'relative', 'relative', 'keep', '1200.00'],
      [richer.id, 'relative', 'none', 'exit', '1200.00'],
    ]);
    expect(await w.household(steady.id)).toMatchObject({ last_verified_on: '2027-01-11', filed_tier: 'relative' });
    expect(await w.household(inNotice.id)).toMatchObject({ status: 'notice', last_verified_on: null });
    const runRow = await w.read((tx) => tx.selectFrom('assistance_reverification_run').selectAll().where('id', '=', result.runId).executeTakeFirstOrThrow());
    expect(runRow).toMatchObject({ org_unit_id: w.units.cityA.id, rules_day: '2027-01-11', households: 4, keep_count: 2, change_count: 1, exit_count: 1 });
    const event = await w.db.selectFrom('audit_event').selectAll().where('action', '=', 'assistance.reverification.run').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_login: 'city-a', category: 'write', details: { households: 4, keep: 2, changeTier: 1, exit: 1 } });

    // Scope: another city's union cannot run it here; a clerk may not run it at all.
    expect((await w.post(w.logins.cityB, '/api/assistance/reverifications', { orgUnitId: w.units.cityA.id })).statusCode).toBe(404);
    expect((await w.post(w.logins.clerkA, '/api/assistance/reverifications', { orgUnitId: w.units.factoryA.id })).statusCode).toBe(403);
    expect((await w.post(w.logins.cityA, '/api/assistance/reverifications', { orgUnitId: w.units.cityA.id, on: '2027-02-30' })).json().error).toMatchObject({ field: 'on' });
  });
});
