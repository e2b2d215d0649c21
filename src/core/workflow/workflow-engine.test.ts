import { expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { describeEachEngine, useFreshDatabase } from '../db/testing';
import { AppError } from '../http/errors';
import { availableActions } from './available-actions';
import { withRoute } from './define-workflow';
import { loadWorkflowInstance } from './load-instance';
import { workflowOrgListener } from './org-listener';
import { startWorkflow } from './start-workflow';
import { attachment, buildLeaveWorld, LEGAL_PATH, readAsPlatform } from './testing/leave-world';
import { type LeaveState, type LeaveTransition, leaveWorkflow } from './testing/leave-workflow';
import { workflowHistory } from './workflow-history';

/**
 * The engine alone, with a toy machine (a leave request: grassroots clerk
 * submits, grassroots first review, county review, city approval, 3 working
 * days' notice). Timers: workflow-timers.test.ts.
 */
describeEachEngine('workflow engine', (engine) => {
  const database = useFreshDatabase(engine);
  const world = () => buildLeaveWorld(database().kysely, engine);
  const label = (state: LeaveState) => leaveWorkflow.states[state].label;
  const steps = (instanceId: number) =>
    readAsPlatform(database().kysely, (tx) => tx.selectFrom('workflow_step').selectAll().where('instance_id', '=', instanceId).orderBy('seq').execute());
  const instanceRow = (instanceId: number) =>
    readAsPlatform(database().kysely, (tx) => tx.selectFrom('workflow_instance').selectAll().where('id', '=', instanceId).executeTakeFirstOrThrow());

  it('walks the legal path: every step recorded with actor, comment, form and files, audited, and the notice ends by itself', async () => {
    const w = await world();
    let instance = await w.start();
    // Started Monday 2026-11-16: a draft must be submitted within 10 working days (by Monday 11-30).
    expect(instance).toMatchObject({ state: 'draft', version: 1, deadlineOn: '2026-11-30', noticeEndsOn: null, finishedAt: null });
    const states: LeaveState[] = [];
    for (const step of LEGAL_PATH) {
      instance = await w.take(w.people[step.who], instance, step.transition, step.input);
      states.push(instance.state);
    }
    expect(states).toEqual(['submitted', 'county_review', 'city_approval', 'notice']);
    // The draft's deadline stopped when it was submitted; the notice runs Tue–Thu and ends as Friday begins.
    expect(instance).toMatchObject({ state: 'notice', version: 5, deadlineOn: null, noticeEndsOn: '2026-11-19' });

    w.clock.advance(4 * 86_400_000 - 9 * 3_600_000); // 2026-11-20 00:00 Beijing
    expect(await w.runTimers()).toMatchObject({ fired: 1, failed: 0 });

    const history = await w.as(w.people.provinceHead, async (ctx) =>
      workflowHistory(ctx, leaveWorkflow, await loadWorkflowInstance(ctx, leaveWorkflow, instance.id)),
    );
    expect(history.map((step) => [step.seq, step.label, step.toLabel, step.actor?.name ?? '系统', step.actorOrg?.name ?? null])).toEqual([
      [1, '发起请假申请', '草稿', 'clerk-a', '甲厂工会'],
      [2, '提交', '待初审', 'clerk-a', '甲厂工会'],
      [3, '初审通过', '县级审核中', 'reviewer-a', '甲厂工会'],
      [4, '县级审核通过', '市级审批中', 'county-a', '甲县总工会'],
      [5, '市级审批通过', '公示中', 'city-head-a', '甲市总工会'],
      [6, '公示期满', '已批准', '系统', null],
    ]);
    expect(history[2]).toMatchObject({ fromLabel: '待初审', comment: '已电话核实 13912345678' });
    expect(history[3]!.form).toEqual({ days: 3 });
    expect(history[4]!.attachments).toEqual([attachment('signed_form')]);
    expect(history[5]!.actorOrg).toBeNull();

    const finished = await instanceRow(instance.id);
    expect(finished).toMatchObject({ state: 'approved', version: 6, notice_ends_on: null });
    expect(finished.finished_at?.toISOString()).toBe('2026-11-19T16:00:00.000Z');

    const db = database().kysely;
    const events = await db
      .selectFrom('audit_event')
      .select(['action', 'actor_login', 'actor_org_unit_id', 'details'])
      .where('target_type', '=', 'workflow_instance')
      .where('target_id', '=', String(instance.id))
      .orderBy('seq')
      .execute();
    expect(events.map((event) => [event.action, event.actor_login, event.details.transition ?? null])).toEqual([
      ['workflow.start', 'clerk-a', null],
      ['workflow.step', 'clerk-a', 'submit'],
      ['workflow.step', 'reviewer-a', 'first_review'],
      ['workflow.step', 'county-a', 'county_approve'],
      ['workflow.step', 'city-head-a', 'city_approve'],
      ['workflow.step', 'system', 'finish_notice'],
    ]);
    // The system acted for the record's union; the comment's text (with its phone number) never reached the trail.
    expect(events[5]!.actor_org_unit_id).toBe(w.units.factoryA.id);
    expect(events[2]!.details).toMatchObject({ hasComment: true, recordType: 'leave_request', from: 'submitted', to: 'county_review' });
    expect(JSON.stringify(events)).not.toContain('13912345678');
    expect(events[4]!.details.attachments).toEqual([{ kind: 'signed_form', sha256: 'a'.repeat(64) }]);
    expect(await verifyAuditChain(db, w.keys.auditKey)).toMatchObject({ broken: 0 });
  });

  it('refuses every transition the current state does not allow, naming the state and the step, and changes nothing', async () => {
    const w = await world();
    let instance = await w.start();
    const transitions = Object.entries(leaveWorkflow.transitions) as [LeaveTransition, (typeof leaveWorkflow.transitions)[LeaveTransition]][];
    let refusals = 0;
    for (let index = 0; index <= LEGAL_PATH.length; index += 1) {
      const before = instance;
      for (const [name, spec] of transitions) {
        if ((spec.from as readonly string[]).includes(before.state)) continue;
        await expect(w.take(w.people.provinceHead, before, name)).rejects.toMatchObject({
          code: 'WORKFLOW_ILLEGAL_TRANSITION',
          message: `当前状态“${label(before.state)}”不能执行“${spec.label}”`,
        });
        refusals += 1;
      }
      expect(await instanceRow(before.id)).toMatchObject({ state: before.state, version: before.version });
      const step = LEGAL_PATH[index];
      if (step) instance = await w.take(w.people[step.who], instance, step.transition, step.input);
    }
    // Five states on the way, ten transitions, two allowed from each.
    expect(refusals).toBe(5 * 8);
    // The automatic step belongs to the system, even in its own state.
    await expect(w.take(w.people.provinceHead, instance, 'finish_notice')).rejects.toMatchObject({
      code: 'WORKFLOW_ILLEGAL_TRANSITION',
      message: '“公示期满”由系统在期限届满时自动执行，不能手动操作',
    });
    // A finished run allows nothing at all.
    w.clock.advance(7 * 86_400_000);
    await w.runTimers();
    const approved = { id: instance.id, version: instance.version + 1 };
    for (const [name, spec] of transitions) {
      await expect(w.take(w.people.provinceHead, approved, name)).rejects.toMatchObject({ message: `当前状态“已批准”不能执行“${spec.label}”` });
    }
    const illegal = await w.take(w.people.provinceHead, approved, 'submit').catch((error: unknown) => error);
    expect(illegal).toBeInstanceOf(AppError);
    expect((illegal as AppError).status).toBe(409);
  });

  it('applies the actor rules at each level: the grassroots union submits and reviews first, its county reviews, its city approves', async () => {
    const w = await world();
    const { people } = w;
    const draft = await w.start();
    await expect(w.take(people.reviewerA, draft, 'submit')).rejects.toMatchObject({ code: 'FORBIDDEN', message: '您没有“提交”的权限' });
    await expect(w.take(people.cityClerkA, draft, 'submit')).rejects.toMatchObject({ code: 'FORBIDDEN', message: '“提交”须由“甲厂工会”办理' });
    const submitted = await w.take(people.clerkA, draft, 'submit');

    await expect(w.take(people.clerkA, submitted, 'first_review')).rejects.toMatchObject({ code: 'FORBIDDEN', message: '您没有“初审通过”的权限' });
    await expect(w.take(people.countyReviewerA, submitted, 'first_review')).rejects.toMatchObject({ message: '“初审通过”须由“甲厂工会”办理' });
    const atCounty = await w.take(people.reviewerA, submitted, 'first_review');

    // A county outside the record's chain does not even see it.
    await expect(w.take(people.countyReviewerB, atCounty, 'county_approve', { form: { days: 3 } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '流程记录不存在或无权访问',
    });
    for (const who of [people.reviewerA, people.cityHeadA]) {
      await expect(w.take(who, atCounty, 'county_approve', { form: { days: 3 } })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: '“县级审核通过”须由“甲县总工会”办理',
      });
    }
    const atCity = await w.take(people.countyReviewerA, atCounty, 'county_approve', { form: { days: 3 } });

    const files = { attachments: [attachment('signed_form')] };
    await expect(w.take(people.countyReviewerA, atCity, 'city_approve', files)).rejects.toMatchObject({ message: '您没有“市级审批通过”的权限' });
    await expect(w.take(people.cityClerkA, atCity, 'city_approve', files)).rejects.toMatchObject({ message: '您没有“市级审批通过”的权限' });
    await expect(w.take(people.provinceHead, atCity, 'city_approve', files)).rejects.toMatchObject({ message: '“市级审批通过”须由“甲市总工会”办理' });
    expect((await w.take(people.cityHeadA, atCity, 'city_approve', files)).state).toBe('notice');

  });

  it('takes the route as configuration: the same machine with another route table changes who may act', async () => {
    const w = await world();
    const { people } = w;
    // As a deployment would read it from its settings: plain data.
    const route = JSON.parse(
      JSON.stringify({
        county_approve: { permission: 'leave.review', level: { ancestorType: ['county', 'city'] } },
        city_approve: { permission: 'leave.approve', level: { ancestorType: 'province' } },
      }),
    );
    const provinceRoute = withRoute(leaveWorkflow, route);
    const files = { attachments: [attachment('signed_form')] };

    const first = await w.advance(await w.start(), 'city_approval');
    await expect(w.take(people.provinceHead, first, 'city_approve', files)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await w.take(people.cityHeadA, first, 'city_approve', files)).state).toBe('notice');

    const second = await w.advance(await w.start(), 'city_approval');
    await expect(w.take(people.cityHeadA, second, 'city_approve', files, provinceRoute)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '“市级审批通过”须由“省总工会”办理',
    });
    expect((await w.take(people.provinceHead, second, 'city_approve', files, provinceRoute)).state).toBe('notice');

    // The county-or-city rule reaches the city for a union with no county above it (and, here, no reviewer of its own).
    const routed = withRoute(provinceRoute, { first_review: { permission: 'leave.review', level: 'parent' } });
    const direct = await w.take(people.clerkDirect, await w.start(w.units.cityDirect, people.clerkDirect), 'submit');
    await expect(w.take(people.cityHeadA, direct, 'first_review')).rejects.toMatchObject({ message: '“初审通过”须由“市直厂工会”办理' });
    const atCounty = await w.take(people.cityHeadA, direct, 'first_review', {}, routed);
    await expect(w.take(people.cityHeadA, atCounty, 'county_approve', { form: { days: 2 } })).rejects.toMatchObject({
      message: expect.stringContaining('“县级审核通过”须由指定的上级工会'),
    });
    expect((await w.take(people.cityHeadA, atCounty, 'county_approve', { form: { days: 2 } }, routed)).state).toBe('city_approval');

    expect(() => withRoute(leaveWorkflow, { finish_notice: { permission: 'x', level: 'own' } })).toThrow(/not a manual transition/);
    expect(() => withRoute(leaveWorkflow, JSON.parse('{"aprove": {"permission": "x", "level": "own"}}'))).toThrow(/aprove/);
    // The original machine is unchanged.
    expect(leaveWorkflow.transitions.city_approve).toMatchObject({ actor: { permission: 'leave.approve', level: { ancestorType: 'city' } } });
  });

  it('requires what each step declares: the comment, the form fields by their Chinese names, the attachments by kind; the guard decides last', async () => {
    const w = await world();
    const { people } = w;
    const draft = await w.start();
    await expect(w.take(people.clerkA, draft, 'submit', { record: { days: 40 } })).rejects.toMatchObject({ code: 'CONFLICT', message: '请假超过 30 天须另行报批' });
    await expect(w.take(people.clerkA, draft, 'submit', { form: { days: 3 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'form' });

    const submitted = await w.advance(draft, 'submitted');
    for (const comment of [undefined, '   ']) {
      await expect(w.take(people.reviewerA, submitted, 'return_first', { comment })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'comment',
        message: '请填写退回理由',
      });
    }
    await expect(w.take(people.reviewerA, submitted, 'return_first', { comment: '字'.repeat(2001) })).rejects.toMatchObject({
      field: 'comment',
      message: '退回理由过长（至多 2000 字）',
    });

    const atCounty = await w.advance(submitted, 'county_review');
    await expect(w.take(people.countyReviewerA, atCounty, 'county_approve')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'form.days',
      message: '请填写“核定天数”',
    });
    await expect(w.take(people.countyReviewerA, atCounty, 'county_approve', { form: { days: 0 } })).rejects.toMatchObject({
      field: 'form.days',
      message: '“核定天数”须为正整数',
    });
    await expect(w.take(people.countyReviewerA, atCounty, 'county_approve', { form: { days: '三' } })).rejects.toMatchObject({
      field: 'form.days',
      message: expect.stringMatching(/^“核定天数”/),
    });

    const atCity = await w.advance(atCounty, 'city_approval');
    await expect(w.take(people.cityHeadA, atCity, 'city_approve')).rejects.toMatchObject({
      field: 'attachments',
      message: '请上传“签字审批表”（至少 1 份）',
    });
    await expect(w.take(people.cityHeadA, atCity, 'city_approve', { attachments: [attachment('signed_form'), attachment('photo')] })).rejects.toMatchObject({
      field: 'attachments',
      message: '此步骤不接受“photo”类附件（可上传：签字审批表、其他材料）',
    });
    await expect(w.take(people.cityHeadA, atCity, 'city_approve', { attachments: [{ ...attachment('signed_form'), sha256: 'x' }] })).rejects.toMatchObject({
      field: 'attachments.0.sha256',
    });
    // Nothing was written by the refusals.
    expect(await instanceRow(atCity.id)).toMatchObject({ state: 'city_approval', version: atCity.version });
    expect(await steps(atCity.id)).toHaveLength(atCity.version);

    const optional = await w.take(people.cityHeadA, atCity, 'city_approve', { attachments: [attachment('signed_form'), attachment('other')] });
    expect(optional.state).toBe('notice');
    const returned = await w.take(people.countyReviewerA, optional, 'object', { comment: '职工反映天数有误' });
    expect(returned.state).toBe('county_review');
  });

  it('detects concurrent steps on one record: of two takes from the same version the second is refused and nothing is overwritten', async () => {
    const w = await world();
    const atCounty = await w.advance(await w.start(), 'county_review');
    const outcomes = await Promise.allSettled([
      w.take(w.people.countyReviewerA, atCounty, 'county_approve', { form: { days: 3 } }),
      w.take(w.people.countyReviewerA, atCounty, 'return_county', { comment: '材料不全' }),
    ]);
    const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as AppError] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ code: 'WORKFLOW_VERSION_CONFLICT', message: '该记录已被他人处理，请刷新后重试' });
    expect(lost[0]!.status).toBe(409);

    const row = await instanceRow(atCounty.id);
    expect(row).toMatchObject({ state: won[0]!.state, version: atCounty.version + 1 });
    const written = await steps(atCounty.id);
    expect(written).toHaveLength(atCounty.version + 1);
    expect(written.at(-1)!.to_state).toBe(won[0]!.state);

    // A late click from the page the user still has open is refused the same way.
    await expect(w.take(w.people.countyReviewerA, atCounty, 'county_approve', { form: { days: 3 } })).rejects.toMatchObject({
      code: 'WORKFLOW_VERSION_CONFLICT',
    });
    expect((await instanceRow(atCounty.id)).version).toBe(atCounty.version + 1);
  });

  it('answers which actions each user may take now, with what they require and why one is blocked', async () => {
    const w = await world();
    const { people } = w;
    const actions = (who: { accountId: number; orgUnitId: number }, instanceId: number, record: { days: number } | null = { days: 3 }) =>
      w.as(who, async (ctx) => availableActions(ctx, leaveWorkflow, await loadWorkflowInstance(ctx, leaveWorkflow, instanceId), record ? { record } : {}));
    const names = async (who: { accountId: number; orgUnitId: number }, instanceId: number) => (await actions(who, instanceId)).map((action) => action.transition);

    const draft = await w.start();
    expect(await actions(people.clerkA, draft.id)).toEqual([
      {
        transition: 'submit',
        label: '提交',
        to: 'submitted',
        toLabel: '待初审',
        requires: { comment: { required: false, label: '办理意见' }, fields: [], attachments: [] },
        blockedBy: null,
      },
    ]);
    expect((await actions(people.clerkA, draft.id, { days: 40 }))[0]!.blockedBy).toBe('请假超过 30 天须另行报批');
    await expect(actions(people.clerkA, draft.id, null)).rejects.toThrow(/pass the module's record/);
    for (const who of [people.reviewerA, people.countyReviewerA, people.cityHeadA, people.provinceHead]) {
      expect(await names(who, draft.id)).toEqual([]);
    }

    const submitted = await w.advance(draft, 'submitted');
    expect(await names(people.reviewerA, submitted.id)).toEqual(['first_review', 'return_first']);
    expect((await actions(people.reviewerA, submitted.id))[1]!.requires.comment).toEqual({ required: true, label: '退回理由' });
    expect(await names(people.clerkA, submitted.id)).toEqual([]);

    const atCounty = await w.advance(submitted, 'county_review');
    const county = await actions(people.countyReviewerA, atCounty.id);
    expect(county.map((action) => action.transition)).toEqual(['county_approve', 'return_county']);
    expect(county[0]!.requires.fields).toEqual([
      { name: 'days', label: '核定天数', required: true },
      { name: 'note', label: '备注', required: false },
    ]);
    expect(await names(people.reviewerA, atCounty.id)).toEqual([]);
    expect(await names(people.cityHeadA, atCounty.id)).toEqual([]);
    await expect(names(people.countyReviewerB, atCounty.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const atCity = await w.advance(atCounty, 'city_approval');
    const city = await actions(people.cityHeadA, atCity.id);
    expect(city.map((action) => action.transition)).toEqual(['city_approve', 'reject']);
    expect(city[0]!.requires.attachments).toEqual([
      { kind: 'signed_form', label: '签字审批表', min: 1 },
      { kind: 'other', label: '其他材料', min: 0 },
    ]);

    const notice = await w.advance(atCity, 'notice');
    expect(await names(people.countyReviewerA, notice.id)).toEqual(['object']);
    expect(await names(people.cityHeadA, notice.id)).toEqual([]);

    w.clock.advance(7 * 86_400_000);
    await w.runTimers();
    for (const who of [people.clerkA, people.reviewerA, people.countyReviewerA, people.cityHeadA, people.cityClerkA, people.provinceHead]) {
      expect(await names(who, notice.id)).toEqual([]);
    }
  });

  it('refuses a second open run of the same workflow for a record, and a start outside the caller’s scope', async () => {
    const w = await world();
    const first = await w.start();
    await expect(
      w.as(w.people.clerkA, (ctx) =>
        startWorkflow(ctx, leaveWorkflow, { recordType: 'leave_request', recordId: first.recordId, orgUnitId: w.units.factoryA.id }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '该记录已有进行中的“请假申请”流程' });
    await expect(w.start(w.units.factoryB, w.people.clerkA)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows instances and steps, by row-level security alone, only to the record’s union and those above it; steps cannot be rewritten', async () => {
    const w = await world();
    const instance = await w.advance(await w.start(), 'county_review');
    const visible = (who: { accountId: number; orgUnitId: number }) =>
      w.as(who, async (ctx) => ({
        instances: (await ctx.db.selectFrom('workflow_instance').select('id').execute()).length,
        steps: (await ctx.db.selectFrom('workflow_step').select('seq').execute()).length,
      }));
    for (const who of [w.people.clerkA, w.people.countyReviewerA, w.people.cityHeadA, w.people.provinceHead]) {
      expect(await visible(who)).toEqual({ instances: 1, steps: 3 });
    }
    for (const who of [w.people.countyReviewerB, w.people.clerkDirect]) {
      expect(await visible(who)).toEqual({ instances: 0, steps: 0 });
    }
    await expect(
      w.as(w.people.clerkA, (ctx) => ctx.db.updateTable('workflow_step').set({ comment: '改写' }).where('instance_id', '=', instance.id).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(w.as(w.people.clerkA, (ctx) => ctx.db.deleteFrom('workflow_step').execute())).rejects.toThrow(/permission denied/);
  });

  it('keeps instances with their records when the tree changes (the kernel’s org listener)', async () => {
    const w = await world();
    const db = database().kysely;
    const instance = await w.start();
    const toPath = `${w.units.cityB.path}${w.units.countyA.id}.`;
    await readAsPlatform(db, (tx) =>
      workflowOrgListener.subtreeMoved!(tx, { unitId: w.units.countyA.id, fromPath: w.units.countyA.path, toPath, on: '2026-11-16', actorAccountId: null }),
    );
    expect((await instanceRow(instance.id)).org_path).toBe(`${toPath}${w.units.factoryA.id}.`);

    const handover = await readAsPlatform(db, (tx) =>
      workflowOrgListener.unitHandedOver!(tx, {
        from: { id: w.units.factoryA.id, path: `${toPath}${w.units.factoryA.id}.` },
        to: { id: w.units.countyA.id, path: toPath },
        kind: 'dissolved',
        on: '2026-11-16',
        actorAccountId: null,
      }),
    );
    expect(handover).toEqual({ label: '审批流程', count: 1 });
    expect(await instanceRow(instance.id)).toMatchObject({ org_unit_id: w.units.countyA.id, org_path: toPath });
  });
});
