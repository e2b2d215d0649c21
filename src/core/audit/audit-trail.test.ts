import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../db/testing';
import { assertNoPersonalData, assertNoPersonalDataIn } from './personal-data-guard';
import { pruneAuditEvents } from './prune-audit-events';
import { recordAuditEvent, type AuditEventInput } from './record-audit-event';
import { verifyAuditChain } from './verify-audit-chain';

const KEY = Buffer.alloc(32, 7);
const actor = { accountId: 1, login: 'sheng', orgUnitId: 1, orgPath: '1.' };
const origin = { ip: '127.0.0.1', userAgent: 'test', requestId: 'r-1' };

describe('personal data guard', () => {
  it('refuses ID numbers and mobile numbers in audit content', () => {
    expect(() => assertNoPersonalData('{"idNumber":"11010519491231002X"}')).toThrow(/身份证号或手机号/);
    expect(() => assertNoPersonalData('phone 13800138000')).toThrow();
    expect(() => assertNoPersonalData('{"memberId":123,"rows":20000}')).not.toThrow();
  });

  it('checks every value of a structure but lets a file digest through even when its digits look like a phone', () => {
    const digest = 'ab13812345678cd' + 'e'.repeat(49);
    expect(digest).toHaveLength(64);
    expect(() => assertNoPersonalData(digest)).toThrow();
    expect(() => assertNoPersonalDataIn({ sha256: digest, rowCount: 12 })).not.toThrow();
    expect(() => assertNoPersonalDataIn({ filter: { q: 'x 13800138000' } })).toThrow(/身份证号或手机号/);
    expect(() => assertNoPersonalDataIn([{ phones: [13800138000] }])).toThrow();
  });
});

describeEachEngine('audit trail', (engine) => {
  const database = useFreshDatabase(engine);
  const record = (event: Partial<AuditEventInput> = {}, occurredAt = new Date('2026-11-21T01:00:00Z')) =>
    recordAuditEvent(database().kysely, {
      key: KEY,
      actor,
      origin,
      occurredAt,
      event: { action: 'orgs.update', category: 'write', targetType: 'org_unit', targetId: 5, details: { field: 'name', n: 1.5 }, ...event },
    });

  it('chains events so that an intact trail verifies', async () => {
    for (let index = 0; index < 12; index += 1) await record({ details: { index, nested: { b: 2, a: [1, 'x'] } } });
    expect(await verifyAuditChain(database().kysely, KEY)).toEqual({ events: 12, broken: 0, firstBreak: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await record();
    const db = database().kysely;
    await expect(db.updateTable('audit_event').set({ action: 'x' }).execute()).rejects.toThrow(/审计记录只可追加/);
    await expect(db.deleteFrom('audit_event').execute()).rejects.toThrow(/审计记录只可追加/);
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/审计记录只可追加/);
    expect(await db.selectFrom('audit_event').select('seq').execute()).toHaveLength(1);
  });

  it('finds the first event changed by someone who bypassed the triggers', async () => {
    for (let index = 0; index < 5; index += 1) await record({ details: { index } });
    const db = database().kysely;
    const third = (await db.selectFrom('audit_event').select('seq').orderBy('seq').execute())[2]!.seq;
    await sql`alter table audit_event disable trigger user`.execute(db);
    await sql`update audit_event set details = '{"index": 99}' where seq = ${third}`.execute(db);
    await sql`alter table audit_event enable trigger user`.execute(db);
    expect(await verifyAuditChain(db, KEY)).toEqual({ events: 5, broken: 1, firstBreak: { seq: third, reason: 'content' } });
  });

  it('finds a removed event by the broken link after it', async () => {
    for (let index = 0; index < 5; index += 1) await record({ details: { index } });
    const db = database().kysely;
    const seqs = (await db.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((row) => row.seq);
    await sql`alter table audit_event disable trigger user`.execute(db);
    await sql`delete from audit_event where seq = ${seqs[1]}`.execute(db);
    await sql`alter table audit_event enable trigger user`.execute(db);
    const report = await verifyAuditChain(db, KEY);
    expect(report.firstBreak).toEqual({ seq: seqs[2], reason: 'link' });
    expect(report.broken).toBe(1);
  });

  it('does not verify under another key', async () => {
    await record();
    expect((await verifyAuditChain(database().kysely, Buffer.alloc(32, 8))).broken).toBe(1);
  });

  it('keeps younger events and the chain verifiable when the retention job prunes', async () => {
    const now = new Date();
    await record({ details: { age: 'old' } }, new Date(now.getTime() - 400 * 86_400_000));
    await record({ details: { age: 'old' } }, new Date(now.getTime() - 200 * 86_400_000));
    await record({ details: { age: 'young' } }, new Date(now.getTime() - 100 * 86_400_000));
    await record({ details: { age: 'new' } }, now);

    // Asking for 30 days still keeps 180.
    const pruned = await pruneAuditEvents(database().kysely, { now, retentionDays: 30 });
    expect(pruned).toEqual({ removed: 2, retentionDays: 180 });
    const left = await database().kysely.selectFrom('audit_event').select('details').orderBy('seq').execute();
    expect(left.map((row) => row.details.age)).toEqual(['young', 'new']);
    expect(await verifyAuditChain(database().kysely, KEY)).toEqual({ events: 2, broken: 0, firstBreak: null });

    // New events continue the chain after the anchor.
    await record();
    expect((await verifyAuditChain(database().kysely, KEY)).broken).toBe(0);
  });

  it('lets nobody but the retention job delete, and it only old events', async () => {
    const now = new Date();
    await record({}, new Date(now.getTime() - 10 * 86_400_000));
    const db = database().kysely;
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`select set_config('gonghui.audit_retention', 'on', true)`.execute(tx);
        await tx.deleteFrom('audit_event').execute();
      }),
    ).rejects.toThrow(/审计记录只可追加/);
  });
});
