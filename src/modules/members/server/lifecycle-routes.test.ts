import type { FastifyInstance } from 'fastify';
import { beforeEach, expect, it } from 'vitest';
import { makeIdNumber } from '../../../core/cn/id-number';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { createOrgUnit, createStaff, type TestOrg } from '../../../core/testing/factories';
import { buildTestApp, fakeClock, type SessionHeaders, signIn } from '../../../core/testing/test-app';
import { MODULES } from '../../../server/modules';
import { findStatDrift } from './stats/rebuild-stats';

/**
 * The membership lifecycle through the API: apply → approve, transfer across
 * subtrees (accept and refuse), retain, exit, expel, death, re-join; history;
 * one current membership per person; statistics that never drift.
 */
describeEachEngine('membership lifecycle', (engine) => {
  const database = useFreshDatabase(engine);
  let app: FastifyInstance;
  let units: Record<'province' | 'cityA' | 'cityB' | 'unionA' | 'unionB' | 'unionA2', TestOrg>;
  let as: Record<'clerkA' | 'reviewerA' | 'clerkB' | 'clerkCityA' | 'province', SessionHeaders>;
  const clock = fakeClock(new Date('2026-11-21T10:00:00+08:00'));

  beforeEach(async () => {
    const db = database().kysely;
    const province = await createOrgUnit(db, { name: '省总工会' });
    const cityA = await createOrgUnit(db, { parent: province, type: 'city', name: '甲市总工会' });
    const cityB = await createOrgUnit(db, { parent: province, type: 'city', name: '乙市总工会' });
    const unionA = await createOrgUnit(db, { parent: cityA, name: '甲厂工会' });
    const unionA2 = await createOrgUnit(db, { parent: cityA, name: '甲二厂工会' });
    const unionB = await createOrgUnit(db, { parent: cityB, name: '乙公司工会' });
    units = { province, cityA, cityB, unionA, unionB, unionA2 };
    await createStaff(db, { login: 'clerk-a', org: unionA, roles: ['clerk'] });
    await createStaff(db, { login: 'reviewer-a', org: unionA, roles: ['reviewer'] });
    await createStaff(db, { login: 'clerk-b', org: unionB, roles: ['clerk', 'reviewer'] });
    await createStaff(db, { login: 'clerk-city-a', org: cityA, roles: ['clerk', 'reviewer'] });
    await createStaff(db, { login: 'province', org: province, roles: ['head', 'reviewer'] });
    app = await buildTestApp(database(), MODULES, { now: clock.now });
    as = {
      clerkA: await signIn(app, 'clerk-a', 'Correct-Horse-42'),
      reviewerA: await signIn(app, 'reviewer-a', 'Correct-Horse-42'),
      clerkB: await signIn(app, 'clerk-b', 'Correct-Horse-42'),
      clerkCityA: await signIn(app, 'clerk-city-a', 'Correct-Horse-42'),
      province: await signIn(app, 'province', 'Correct-Horse-42'),
    };
    return () => app.close();
  });

  const post = (headers: SessionHeaders, url: string, payload: object = {}) => app.inject({ method: 'POST', url, headers, payload });
  const get = (headers: SessionHeaders, url: string) => app.inject({ method: 'GET', url, headers });
  const idNumber = (sequence: number) => makeIdNumber('610113', '1990-05-01', sequence);
  const profile = (sequence: number, name = '王小明') => ({ idNumber: idNumber(sequence), name, phone: '13800138000', employmentForm: 'courier' });
  const stats = async (unit: TestOrg) =>
    Object.fromEntries(
      (await database().kysely.selectFrom('members_stat').select(['key', 'value']).where('org_unit_id', '=', unit.id).execute()).map((row) => [row.key, row.value]),
    );

  async function admit(sequence: number, union: TestOrg = units.unionA, clerk = as.clerkA, reviewer = as.reviewerA, on?: string) {
    const applied = await post(clerk, '/api/members/applications', { orgUnitId: union.id, profile: profile(sequence), ...(on ? { appliedOn: on } : {}) });
    expect(applied.statusCode, applied.body).toBe(200);
    const approved = await post(reviewer, `/api/members/${applied.json().membershipId}/approve`, on ? { on } : {});
    expect(approved.statusCode, approved.body).toBe(200);
    return approved.json() as { membershipId: number; cardNumber: string };
  }

  it('admits a member on approval: 入会日期 is the approval date and a card number is issued by the rule', async () => {
    const applied = await post(as.clerkA, '/api/members/applications', { orgUnitId: units.unionA.id, profile: profile(11), appliedOn: '2026-11-01' });
    expect(applied.statusCode, applied.body).toBe(200);
    const pending = (await get(as.clerkA, `/api/members/${applied.json().membershipId}`)).json();
    expect(pending).toMatchObject({ status: 'pending', joinedOn: null, gender: 'male', birthDate: '1990-05-01', employmentForm: 'courier' });
    expect((await stats(units.unionA)).members ?? 0).toBe(0);

    // The clerk who entered it cannot approve it: approval needs members.review.
    expect((await post(as.clerkA, `/api/members/${applied.json().membershipId}/approve`)).statusCode).toBe(403);
    const approved = await post(as.reviewerA, `/api/members/${applied.json().membershipId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    // The test units have no region code: the province default 610000, the year, a 7-digit sequence.
    expect(approved.json().cardNumber).toBe('61000020260000001');
    const member = (await get(as.clerkA, `/api/members/${applied.json().membershipId}`)).json();
    expect(member).toMatchObject({ status: 'active', joinedOn: '2026-11-21', startedOn: '2026-11-21', cardNumber: '61000020260000001' });
    expect(member.history.map((event: { kind: string }) => event.kind)).toEqual(['applied', 'approved']);
    expect(await stats(units.unionA)).toMatchObject({ members: 1, gig: 1, 'form:courier': 1, 'gender:male': 1, 'joined:2026': 1, 'in:2026-11': 1 });
    expect((await stats(units.province)).members).toBe(1);
    expect((await admit(12)).cardNumber).toBe('61000020260000002');
  });

  it('refuses a second current membership and names the union that holds the first', async () => {
    await admit(21);
    const second = await post(as.clerkB, '/api/members/applications', { orgUnitId: units.unionB.id, profile: profile(21, '王小明') });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('甲厂工会');
    expect(second.json().error.field).toBe('profile.idNumber');
  });

  it('rejects a bad ID number or phone with the field named, in Chinese', async () => {
    const badId = await post(as.clerkA, '/api/members/applications', { orgUnitId: units.unionA.id, profile: { ...profile(1), idNumber: '610113199005011230' } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toMatchObject({ field: 'profile.idNumber' });
    expect(badId.json().error.message).toMatch(/校验/);
    const badPhone = await post(as.clerkA, '/api/members/applications', { orgUnitId: units.unionA.id, profile: { ...profile(2), phone: '1380013800' } });
    expect(badPhone.json().error.field).toBe('profile.phone');
    const cityUnion = await post(as.clerkCityA, '/api/members/applications', { orgUnitId: units.cityA.id, profile: profile(3) });
    expect(cityUnion.statusCode).toBe(400);
    expect(cityUnion.json().error.message).toContain('不直接管理会员');
  });

  it('transfers across subtrees: the sender asks, the receiver sees the member and accepts; card and 入会日期 follow', async () => {
    const { membershipId, cardNumber } = await admit(31, units.unionA, as.clerkA, as.reviewerA, '2026-10-08');
    // The receiving union is outside the sender's subtree: found in the province-wide directory.
    const directory = (await get(as.clerkA, `/api/members/union-directory?q=${encodeURIComponent('乙公司')}`)).json();
    expect(directory.items.map((item: { id: number }) => item.id)).toEqual([units.unionB.id]);
    const requested = await post(as.clerkA, `/api/members/${membershipId}/transfer`, { toOrgUnitId: units.unionB.id, reason: 'job_change', on: '2026-11-15' });
    expect(requested.statusCode, requested.body).toBe(200);
    expect((await stats(units.unionA))['status:transferring']).toBe(1);

    const incoming = (await get(as.clerkB, '/api/members/transfers?direction=incoming&status=pending')).json().items;
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ fromOrgName: '甲厂工会', toOrgName: '乙公司工会', side: 'receiving', personName: '王小明' });
    // While the request is pending the receiver may look at the member…
    expect((await get(as.clerkB, `/api/members/${membershipId}`)).statusCode).toBe(200);
    // …but a third union may not.
    await createStaff(database().kysely, { login: 'clerk-a2', org: units.unionA2 });
    expect((await get(await signIn(app, 'clerk-a2', 'Correct-Horse-42'), `/api/members/${membershipId}`)).statusCode).toBe(404);

    const accepted = await post(as.clerkB, `/api/members/transfers/${incoming[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const moved = (await get(as.clerkB, `/api/members/${accepted.json().membershipId}`)).json();
    expect(moved).toMatchObject({ status: 'active', orgName: '乙公司工会', cardNumber, joinedOn: '2026-10-08', startedOn: '2026-11-21' });
    expect(moved.history.map((event: { kind: string }) => event.kind)).toEqual(['applied', 'approved', 'transfer_requested', 'transfer_accepted', 'transferred_in']);
    // The old membership is history at the sender; the receiver now holds the current one.
    expect((await get(as.clerkA, `/api/members/${membershipId}`)).json().status).toBe('transferred');
    expect((await stats(units.unionA)).members ?? 0).toBe(0);
    expect(await stats(units.unionA)).toMatchObject({ 'in:2026-10': 1, 'out:2026-11': 1 });
    expect(await stats(units.unionB)).toMatchObject({ members: 1, 'in:2026-11': 1, 'joined:2026': 1 });
    expect((await stats(units.province)).members).toBe(1);
    expect(await findStatDrift(database().kysely)).toEqual([]);
  });

  it('a refused transfer leaves the member where they were, with the reason in the history', async () => {
    const { membershipId } = await admit(41);
    await post(as.clerkA, `/api/members/${membershipId}/transfer`, { toOrgUnitId: units.unionB.id, reason: 'residence' });
    const [transfer] = (await get(as.clerkB, '/api/members/transfers?direction=incoming')).json().items;
    const noReason = await post(as.clerkB, `/api/members/transfers/${transfer.id}/refuse`, {});
    expect(noReason.json().error.field).toBe('reason');
    const refused = await post(as.clerkB, `/api/members/transfers/${transfer.id}/refuse`, { reason: '本人未到我单位工作' });
    expect(refused.statusCode, refused.body).toBe(200);
    const member = (await get(as.clerkA, `/api/members/${membershipId}`)).json();
    expect(member.status).toBe('active');
    expect(member.history.at(-1)).toMatchObject({ kind: 'transfer_refused', reason: '本人未到我单位工作', otherOrgName: '乙公司工会' });
    expect((await get(as.clerkB, `/api/members/${membershipId}`)).statusCode).toBe(404);
    expect(await findStatDrift(database().kysely)).toEqual([]);
  });

  it('retains, reactivates, exits and lets the person re-join; expulsion needs a reason; death ends for good', async () => {
    const { membershipId } = await admit(51);
    expect((await post(as.clerkA, `/api/members/${membershipId}/retain`, { reason: 'retired' })).json().status).toBe('retained');
    expect((await stats(units.unionA))['status:retained']).toBe(1);
    expect((await post(as.clerkA, `/api/members/${membershipId}/reactivate`)).json().status).toBe('active');
    expect((await post(as.clerkA, `/api/members/${membershipId}/end`, { kind: 'exited', reason: '本人书面申请退会' })).json().status).toBe('exited');
    expect((await post(as.clerkA, `/api/members/${membershipId}/end`, { kind: 'exited' })).statusCode).toBe(409);

    const again = await admit(51, units.unionB, as.clerkB, as.clerkB);
    const rejoined = (await get(as.clerkB, `/api/members/${again.membershipId}`)).json();
    expect(rejoined.history.map((event: { kind: string }) => event.kind)).toEqual(['applied', 'approved', 'retained', 'reactivated', 'exited', 'applied', 'approved']);

    const noReason = await post(as.clerkB, `/api/members/${again.membershipId}/end`, { kind: 'expelled' });
    expect(noReason.json().error).toMatchObject({ field: 'reason' });
    const dead = await post(as.clerkB, `/api/members/${again.membershipId}/end`, { kind: 'deceased', on: '2026-11-20' });
    expect(dead.json().status).toBe('deceased');
    expect(await stats(units.unionB)).toMatchObject({ members: 0, 'out:2026-11': 1 });
    expect(await findStatDrift(database().kysely)).toEqual([]);
  });

  it('records every change in the audit trail and refuses dates in the future', async () => {
    const { membershipId } = await admit(61);
    const future = await post(as.clerkA, `/api/members/${membershipId}/retain`, { reason: 'retired', on: '2027-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('不能晚于今天');
    const actions = (await database().kysely.selectFrom('audit_event').select('action').orderBy('seq').execute()).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['members.apply', 'members.approve']));
  });
});
