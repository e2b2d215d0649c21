import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../db/testing';
import { coreModule } from '../manifest';
import { testPlatformKeys } from '../platform/test-keys';
import { actAs } from '../testing/request-context';
import { createOrgUnit, createStaff } from '../testing/factories';
import { buildTestApp, fakeClock, signIn } from '../testing/test-app';
import { deliverOutbox } from './deliver-outbox';
import { localMessageSender } from './local-message-sender';
import { MessageRejected, type MessageSender } from './message-sender';
import { accountsWithPermissionAt, notify } from './notify';
import { OUTBOX_RETRY } from './outbox-retry';
import { queueMessage } from './queue-message';

const PERMISSIONS = ['plans.read', 'plans.write', 'plans.supervise'];
const keys = testPlatformKeys();
const MOBILE = '13991234567';

describeEachEngine('kernel: in-app notifications and the message outbox', (engine) => {
  const database = useFreshDatabase(engine);

  async function world() {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '省总工会' });
    const city = await createOrgUnit(db, { parent: province, type: 'city', name: '西安市总工会' });
    const head = await createStaff(db, { login: 'city-head', org: city, roles: ['head'] });
    const clerk = await createStaff(db, { login: 'city-clerk', org: city, roles: ['clerk'] });
    const above = await createStaff(db, { login: 'sheng-head', org: province, roles: ['head'] });
    const gone = await createStaff(db, { login: 'city-gone', org: city, roles: ['head'] });
    await db.updateTable('account').set({ status: 'disabled' }).where('id', '=', gone.id).execute();
    const as = <T>(who: { id: number }, org: { id: number }, work: Parameters<typeof actAs<T>>[3]) =>
      actAs(db, { accountId: who.id, orgUnitId: org.id }, { engine, permissions: PERMISSIONS, keys }, work);
    return { db, province, city, head, clerk, above, gone, as };
  }

  const note = { module: 'plans', kind: 'plans.test', title: '请报送进展', body: '第二季度进展', link: '/plans/1', at: new Date('2026-03-10T01:00:00Z') };

  it('resolves "the accounts holding a permission at a union" to that union’s active holders only', async () => {
    const w = await world();
    expect(await accountsWithPermissionAt(w.db, w.city.id, 'plans.supervise')).toEqual([w.head.id]);
    expect(await accountsWithPermissionAt(w.db, w.city.id, 'plans.write')).toEqual([w.clerk.id]);
    expect(await accountsWithPermissionAt(w.db, w.province.id, 'plans.write')).toEqual([]);
  });

  it('delivers in the sender’s transaction: committed with it, gone when it rolls back', async () => {
    const w = await world();
    await w.as(w.above, w.province, async (ctx) => notify(ctx.db, { ...note, orgUnitId: w.city.id, permission: 'plans.supervise' }));
    const failed = w.as(w.above, w.province, async (ctx) => {
      await notify(ctx.db, { ...note, title: '不应送达', accountIds: [w.clerk.id, w.head.id] });
      throw new Error('the change fails after notifying');
    });
    await expect(failed).rejects.toThrow('the change fails');
    const rows = await w.db.selectFrom('notification').select(['account_id', 'title', 'read_at']).orderBy('id').execute();
    expect(rows).toEqual([{ account_id: w.head.id, title: '请报送进展', read_at: null }]);
  });

  it('lets only the owner read or mark a notification, through row-level security as well as the routes', async () => {
    const w = await world();
    const clock = fakeClock(new Date('2026-03-10T09:00:00+08:00'));
    const app = await buildTestApp(database(), [coreModule], { now: clock.now });
    for (let index = 1; index <= 3; index += 1) await notify(w.db, { ...note, title: `通知${index}`, accountIds: [w.head.id] });
    await notify(w.db, { ...note, title: '给经办人', accountIds: [w.clerk.id] });
    const mine = await w.db.selectFrom('notification').select('id').where('account_id', '=', w.head.id).orderBy('id').execute();
    const theirs = await w.db.selectFrom('notification').select('id').where('account_id', '=', w.clerk.id).executeTakeFirstOrThrow();

    // Row-level security alone: the clerk's transaction sees none of the head's rows even when asking for them by id.
    const seen = await w.as(w.clerk, w.city, (ctx) => ctx.db.selectFrom('notification').select(['id', 'account_id']).execute());
    expect(seen).toEqual([{ id: theirs.id, account_id: w.clerk.id }]);
    const updated = await w.as(w.clerk, w.city, (ctx) => ctx.db.updateTable('notification').set({ read_at: new Date() }).where('id', '=', mine[0]!.id).executeTakeFirst());
    expect(updated.numUpdatedRows).toBe(0n);

    const head = await signIn(app, 'city-head', 'Correct-Horse-42');
    const clerk = await signIn(app, 'city-clerk', 'Correct-Horse-42');
    const page1 = (await app.inject({ method: 'GET', url: '/api/notifications?limit=2', headers: head })).json();
    expect(page1.items.map((item: { title: string }) => item.title)).toEqual(['通知3', '通知2']);
    expect(page1.unread).toBe(3);
    const page2 = (await app.inject({ method: 'GET', url: `/api/notifications?limit=2&before=${page1.nextBefore}`, headers: head })).json();
    expect(page2.items.map((item: { title: string }) => item.title)).toEqual(['通知1']);
    expect(page2.nextBefore).toBeNull();

    const foreign = await app.inject({ method: 'POST', url: `/api/notifications/${mine[0]!.id}/read`, headers: clerk });
    expect(foreign.statusCode).toBe(404);
    const marked = await app.inject({ method: 'POST', url: `/api/notifications/${mine[0]!.id}/read`, headers: head });
    expect(marked.json()).toEqual({ unread: 2 });
    const readRow = await w.db.selectFrom('notification').select('read_at').where('id', '=', mine[0]!.id).executeTakeFirstOrThrow();
    expect(readRow.read_at?.toISOString()).toBe(clock.now().toISOString());
    expect((await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: head })).json()).toEqual({ unread: 0 });
    // The clerk's own notification stays unread.
    expect((await app.inject({ method: 'GET', url: '/api/notifications', headers: clerk })).json().unread).toBe(1);
    await app.close();
  });

  it('queues an SMS in the transaction (sealed, masked), sends it after commit, and nothing on rollback', async () => {
    const w = await world();
    const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-outbox-'));
    const sender = localMessageSender(dataDir);
    const at = new Date('2026-03-10T01:00:00Z');
    const queued = await w.as(w.head, w.city, (ctx) => queueMessage(ctx.db, keys.ring, { channel: 'sms', to: MOBILE, template: 'plans.supervision', params: { unit: '雁塔区总工会' }, module: 'plans', at }));
    expect(queued.toMasked).toBe('139****4567');
    await expect(
      w.as(w.head, w.city, async (ctx) => {
        await queueMessage(ctx.db, keys.ring, { channel: 'sms', to: '13800138000', template: 'plans.supervision', params: {}, module: 'plans', at });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A request cannot read the outbox back (only the kernel job does).
    await expect(w.as(w.head, w.city, (ctx) => ctx.db.selectFrom('message_outbox').select('id').execute())).rejects.toThrow();
    const stored = await w.db.selectFrom('message_outbox').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(MOBILE);
    expect(stored[0]!.to_masked).toBe('139****4567');

    expect(await deliverOutbox(w.db, { sender, ring: keys.ring, now: () => at })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverOutbox(w.db, { sender, ring: keys.ring, now: () => new Date(at.getTime() + 86_400_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const sent = sender.sent();
    expect(sent.map((entry) => [entry.to, entry.template, entry.params])).toEqual([['139****4567', 'plans.supervision', { unit: '雁塔区总工会' }]]);
    const row = await w.db.selectFrom('message_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.sent_at?.toISOString()).toBe(at.toISOString());
    expect(row.provider_id).toBe(`local:${sent[0]!.id}`);
  });

  it('retries a failing send with backoff, sends once when the gateway recovers, even after a send whose record was lost', async () => {
    const w = await world();
    const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-outbox-'));
    const real = localMessageSender(dataDir);
    let mode: 'down' | 'accept-then-crash' | 'up' = 'down';
    const gateway: MessageSender = {
      driver: 'local',
      send: async (message) => {
        if (mode === 'down') throw new Error('网关超时');
        const receipt = await real.send(message);
        if (mode === 'accept-then-crash') throw new Error('连接在应答前断开');
        return receipt;
      },
    };
    const t0 = new Date('2026-03-10T01:00:00Z');
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    await queueMessage(w.db, keys.ring, { channel: 'sms', to: MOBILE, template: 'plans.supervision', params: {}, module: 'plans', at: t0 });
    const run = (at: Date) => deliverOutbox(w.db, { sender: gateway, ring: keys.ring, now: () => at });

    expect(await run(t0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const afterFirst = await w.db.selectFrom('message_outbox').selectAll().executeTakeFirstOrThrow();
    expect(afterFirst.attempts).toBe(1);
    expect(afterFirst.last_error).toBe('网关超时');
    expect(afterFirst.next_attempt_at.toISOString()).toBe(minutes(OUTBOX_RETRY.delaysMinutes[0]).toISOString());
    // Not due before the backoff has passed.
    expect(await run(minutes(0.5))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // The gateway takes it but the answer is lost: the outbox does not know it went out, and retries.
    mode = 'accept-then-crash';
    expect(await run(minutes(1))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(real.sent()).toHaveLength(1);
    mode = 'up';
    expect(await run(minutes(1 + OUTBOX_RETRY.delaysMinutes[1]))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await run(minutes(600))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Three attempts, one delivery: the retry went under the same dedupe key.
    expect(real.sent()).toHaveLength(1);
    const row = await w.db.selectFrom('message_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.attempts).toBe(3);
    expect(row.sent_at).not.toBeNull();
  });

  it('gives up at once on a message the driver rejects for good, and after the last attempt on one that keeps failing', async () => {
    const w = await world();
    const rejecting: MessageSender = { driver: 'local', send: async () => { throw new MessageRejected('模板未报备'); } };
    const failing: MessageSender = { driver: 'local', send: async () => { throw new Error('网关不可用'); } };
    const t0 = new Date('2026-03-10T01:00:00Z');
    await queueMessage(w.db, keys.ring, { channel: 'email', to: 'bangong@example.cn', template: 'plans.supervision', params: {}, module: 'plans', at: t0 });
    expect(await deliverOutbox(w.db, { sender: rejecting, ring: keys.ring, now: () => t0 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const rejected = await w.db.selectFrom('message_outbox').selectAll().executeTakeFirstOrThrow();
    expect([rejected.failed_at?.toISOString(), rejected.last_error, rejected.to_masked]).toEqual([t0.toISOString(), '模板未报备', 'b******@example.cn']);

    await queueMessage(w.db, keys.ring, { channel: 'sms', to: MOBILE, template: 'plans.supervision', params: {}, module: 'plans', at: t0 });
    let at = t0;
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= OUTBOX_RETRY.maxAttempts; attempt += 1) {
      const report = await deliverOutbox(w.db, { sender: failing, ring: keys.ring, now: () => at });
      outcomes.push(report.failed === 1 ? 'failed' : report.retrying === 1 ? 'retrying' : 'idle');
      const row = await w.db.selectFrom('message_outbox').selectAll().where('channel', '=', 'sms').executeTakeFirstOrThrow();
      at = row.next_attempt_at;
    }
    expect(outcomes).toEqual([...Array(OUTBOX_RETRY.maxAttempts - 1).fill('retrying'), 'failed']);
  });

  it('refuses a malformed address when queueing, naming the field', async () => {
    const w = await world();
    const attempt = queueMessage(w.db, keys.ring, { channel: 'sms', to: '12345', template: 'plans.supervision', params: {}, module: 'plans', at: new Date() }, 'alsoSms');
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'alsoSms' });
  });
});
