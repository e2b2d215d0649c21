import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, useSeededDemo } from '../../../../test/support/seeded-demo';
import { APP_ROLE } from '../../../core/access/row-security';
import { TEST_ENGINES } from '../../../core/db/testing';
import { createStaff } from '../../../core/testing/factories';
import { openPersonField } from '../../../core/person/person-fields';
import { GIG_EMPLOYMENT_FORMS } from '../contract';
import { findStatDrift } from './stats/rebuild-stats';
import { findMembers } from './queries/find-members';
import type { RequestContext } from '../../../core/http/request-context';
import { enterCallerScope } from '../../../core/access/row-security';
import type { TMemberListQuery } from '../contract';


for (const engine of TEST_ENGINES) {
  describe(`members API on the demo province [${engine}]`, () => {
    const demo = useSeededDemo(engine);
    const { keys, as, get } = demo;

    it('lists members masked, a page at a time, without repeats', async () => {
      const first = (await get('yanta', '/api/members?limit=20')).json();
      expect(first.items).toHaveLength(20);
      for (const member of first.items) {
        expect(member.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
        expect(member.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      }
      const second = (await get('yanta', `/api/members?limit=20&after=${first.nextCursor}`)).json();
      const ids = new Set([...first.items, ...second.items].map((member: { id: number }) => member.id));
      expect(ids.size).toBe(40);
    });

    it('finds a member exactly by ID number through the blind index, and by name prefix', async () => {
      const row = await demo.database().kysely
        .selectFrom('members_membership as m')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
        .select(['m.id', 'p.name', 'p.id_number_envelope'])
        .where('o.path', 'like', `${(await demo.database().kysely.selectFrom('org_unit').select('path').where('code', '=', 'SX610113').executeTakeFirstOrThrow()).path}%`)
        .limit(1)
        .executeTakeFirstOrThrow();
      const idNumber = openPersonField(keys.ring, 'idNumber', row.id_number_envelope);
      const byId = (await get('yanta', `/api/members?q=${idNumber.toLowerCase()}`)).json();
      expect(byId.items.map((member: { id: number }) => member.id)).toEqual([row.id]);
      const byName = (await get('yanta', `/api/members?q=${encodeURIComponent(row.name)}`)).json();
      expect(byName.items.map((member: { id: number }) => member.id)).toContain(row.id);
    });

    it('name search gives the same pages whether it reads the name index or walks the subtree, and follows a name correction', async () => {
      const db = demo.database().kysely;
      const city = await db.selectFrom('org_unit').select(['id', 'path', 'name', 'type', 'code']).where('code', '=', 'SX610100').executeTakeFirstOrThrow();
      const asCity = <T>(work: (ctx: RequestContext) => Promise<T>) =>
        db.transaction().execute(async (tx) => {
          await enterCallerScope(tx, city.path);
          return work({ db: tx, keys, now: () => new Date('2026-11-21T10:00:00+08:00'), user: { org: city } } as unknown as RequestContext);
        });
      const allPages = async (query: Partial<TMemberListQuery>, nameRangeLimit: number) => {
        const ids: number[] = [];
        let after: string | undefined;
        do {
          const page = await asCity((ctx) => findMembers(ctx, { limit: 7, ...query, ...(after ? { after } : {}) }, { nameRangeLimit }));
          ids.push(...page.items.map((member) => member.id));
          after = page.nextCursor ?? undefined;
        } while (after);
        return ids;
      };
      const expected = async (prefix: string, status?: string) =>
        (await db.selectFrom('members_membership as m').innerJoin('person as p', 'p.id', 'm.person_id').select('m.id')
          .where('m.org_path', '>=', city.path).where('m.org_path', '<', `${city.path.slice(0, -1)}/`)
          .where('p.name', 'like', `${prefix}%`).$if(status !== undefined, (q) => q.where('m.status', '=', status as never))
          .orderBy('m.org_path').orderBy('m.id').execute()).map((row) => row.id);

      const wang = await expected('王');
      expect(wang.length).toBeGreaterThan(20);
      expect(await allPages({ q: '王' }, 1_000_000)).toEqual(wang);
      expect(await allPages({ q: '王' }, 0)).toEqual(wang);
      const activeWang = await expected('王', 'active');
      expect(activeWang.length).toBeLessThan(wang.length);
      expect(await allPages({ q: '王', status: 'active' }, 1_000_000)).toEqual(activeWang);
      expect(await allPages({ q: '王', status: 'active' }, 0)).toEqual(activeWang);

      // A corrected name reaches the person's memberships, and search finds the new name only.
      const member = await db.selectFrom('members_membership').select(['id', 'person_id']).where('id', '=', wang[0]!).executeTakeFirstOrThrow();
      await db.updateTable('person').set({ name: '甪里更正' }).where('id', '=', member.person_id).execute();
      expect(await allPages({ q: '甪里' }, 1_000_000)).toEqual([member.id]);
      expect(await allPages({ q: '甪里' }, 0)).toEqual([member.id]);
      expect(await allPages({ q: '王' }, 1_000_000)).toEqual(wang.slice(1));
    });

    it('answers 404 for a member outside the caller subtree, 200 inside', async () => {
      const xianyangMember = (await get('xianyang', '/api/members?limit=1')).json().items[0];
      expect((await get('yanta', `/api/members/${xianyangMember.id}`)).statusCode).toBe(404);
      expect((await get('sheng', `/api/members/${xianyangMember.id}`)).statusCode).toBe(200);
      const search = (await get('yanta', `/api/members?q=${encodeURIComponent(xianyangMember.name)}`)).json();
      expect(search.items.map((member: { id: number }) => member.id)).not.toContain(xianyangMember.id);
    });

    it('reveals a full ID number only with a reason, and audits the reveal without the value', async () => {
      const member = (await get('jiceng', '/api/members?limit=1')).json().items[0];
      const headers = await as('jiceng');
      const noReason = await demo.app().inject({ method: 'POST', url: `/api/members/${member.id}/reveal`, headers, payload: { field: 'idNumber' } });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.field).toBe('reason');

      const revealed = await demo.app().inject({
        method: 'POST',
        url: `/api/members/${member.id}/reveal`,
        headers,
        payload: { field: 'idNumber', reason: '办理会员转会手续' },
      });
      expect(revealed.statusCode).toBe(200);
      const { value } = revealed.json();
      expect(value).toMatch(/^\d{17}[\dX]$/);
      expect(value.slice(0, 3)).toBe(member.idNumberMasked.slice(0, 3));
      expect(value.slice(-4)).toBe(member.idNumberMasked.slice(-4));

      const event = await demo.database().kysely
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'members.reveal')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ actor_login: 'jiceng', reason: '办理会员转会手续', target_type: 'person', category: 'sensitive-read' });
      expect(JSON.stringify(event)).not.toContain(value);
      expect(revealed.headers['cache-control']).toBe('no-store');
    });

    it('refuses a reveal outside the subtree as not found, and audits nothing for it', async () => {
      const xianyangMember = (await get('xianyang', '/api/members?limit=1')).json().items[0];
      const before = await demo.database().kysely.selectFrom('audit_event').select('seq').execute();
      const response = await demo.app().inject({
        method: 'POST',
        url: `/api/members/${xianyangMember.id}/reveal`,
        headers: await as('yanta'),
        payload: { field: 'phone', reason: '核对联系方式' },
      });
      expect(response.statusCode).toBe(404);
      expect(await demo.database().kysely.selectFrom('audit_event').select('seq').execute()).toHaveLength(before.length);
    });

    it('exports the member list masked, watermarked, and audited with the file hash', async () => {
      const headers = await as('yanta');
      const missing = await demo.app().inject({ method: 'GET', url: '/api/members/export', headers });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.field).toBe('purpose');

      const response = await demo.app().inject({ method: 'GET', url: `/api/members/export?purpose=${encodeURIComponent('年度会员统计核对')}`, headers });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
      const bytes = response.rawPayload;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/王志刚.*雁塔区总工会.*年度会员统计核对/);
      const total = (await get('yanta', '/api/members?limit=100')).json();
      expect(Number(response.headers['x-export-rows'])).toBeGreaterThanOrEqual(total.items.length);
      const idColumn = sheet.getRow(3).values as unknown[];
      const idIndex = idColumn.indexOf('身份证号（脱敏）');
      for (let row = 4; row <= sheet.rowCount; row += 1) {
        expect(String(sheet.getRow(row).getCell(idIndex).value)).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      }
      const event = await demo.database().kysely
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'members.export')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(event.reason).toBe('年度会员统计核对');
      expect(event.details.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(event.details.rowCount).toBe(Number(response.headers['x-export-rows']));
    });

    it('refuses the export to a role without members.export', async () => {
      const db = demo.database().kysely;
      const yanta = await db.selectFrom('org_unit').select(['id', 'path', 'code', 'name']).where('code', '=', 'SX610113').executeTakeFirstOrThrow();
      await createStaff(db, { login: 'reviewer-only', password: DEMO_PASSWORD, org: yanta, roles: ['reviewer'] });
      const headers = await as('reviewer-only');
      const response = await demo.app().inject({ method: 'GET', url: `/api/members/export?purpose=${encodeURIComponent('核对')}`, headers });
      expect(response.statusCode).toBe(403);
    });

    it('hides every membership and person from the application role when no scope is set (RLS fails closed)', async () => {
      const counts = await demo.database().kysely.transaction().execute(async (tx) => {
        await sql.raw(`set local role ${APP_ROLE}`).execute(tx);
        const memberships = await sql<{ n: number }>`select count(*)::int as n from members_membership`.execute(tx);
        const persons = await sql<{ n: number }>`select count(*)::int as n from person`.execute(tx);
        return [memberships.rows[0]!.n, persons.rows[0]!.n];
      });
      expect(counts).toEqual([0, 0]);
      const total = await sql<{ n: number }>`select count(*)::int as n from members_membership`.execute(demo.database().kysely);
      expect(total.rows[0]!.n).toBeGreaterThan(10_000);
    });

    it('lets the application role see only the scoped subtree, even without a WHERE clause', async () => {
      const xian = await demo.database().kysely.selectFrom('org_unit').select('path').where('code', '=', 'SX610100').executeTakeFirstOrThrow();
      const [visible, outside] = await demo.database().kysely.transaction().execute(async (tx) => {
        await sql`select set_config('gonghui.scope_from', ${xian.path}, true), set_config('gonghui.scope_to', ${`${xian.path.slice(0, -1)}/`}, true)`.execute(tx);
        await sql.raw(`set local role ${APP_ROLE}`).execute(tx);
        const all = await sql<{ n: number }>`select count(*)::int as n from members_membership`.execute(tx);
        const foreign = await sql<{ n: number }>`select count(*)::int as n from members_membership where org_path not like ${`${xian.path}%`}`.execute(tx);
        return [all.rows[0]!.n, foreign.rows[0]!.n];
      });
      expect(visible).toBeGreaterThan(1000);
      expect(outside).toBe(0);
    });

    it('filters the list by employment form (gig = any gig group) and join year', async () => {
      const gig = (await get('yanta', '/api/members?employmentForm=gig&limit=100')).json().items;
      expect(gig.length).toBeGreaterThan(0);
      expect(gig.every((member: { employmentForm: string }) => GIG_EMPLOYMENT_FORMS.includes(member.employmentForm as never))).toBe(true);
      const joined2020 = (await get('yanta', '/api/members?joinedYear=2020&limit=100')).json().items;
      expect(joined2020.every((member: { joinedOn: string }) => member.joinedOn.startsWith('2020'))).toBe(true);
      expect((await get('yanta', '/api/members?employmentForm=pilot')).statusCode).toBe(400);
      // Due for review: active, and no dues or activity in the last six months (the demo's last_active_on is the join date).
      const due = (await get('yanta', '/api/members?review=due&limit=100')).json().items;
      expect(due.length).toBeGreaterThan(0);
      expect(due.every((member: { status: string; joinedOn: string }) => member.status === 'active' && member.joinedOn < '2026-05-21')).toBe(true);
    });

    it('answers subtree statistics from the maintained counters, equal to live counts', async () => {
      const db = demo.database().kysely;
      expect(await findStatDrift(db)).toEqual([]);
      const stats = (await get('xian', '/api/members/stats')).json();
      const xian = await db.selectFrom('org_unit').select('path').where('code', '=', 'SX610100').executeTakeFirstOrThrow();
      const live = await sql<{ members: number; gig: number }>`
        select count(*)::int as members, count(*) filter (where p.employment_form in (${sql.join(GIG_EMPLOYMENT_FORMS.map((form) => sql.lit(form)))}))::int as gig
        from members_membership m join person p on p.id = m.person_id
        where m.org_path like ${`${xian.path}%`} and m.status in ('active', 'retained', 'transferring')`.execute(db);
      expect(stats.members).toBe(live.rows[0]!.members);
      expect(stats.gig).toBe(live.rows[0]!.gig);
      expect(stats.byGender.reduce((sum: number, item: { count: number }) => sum + item.count, 0)).toBe(stats.members);
      expect(stats.byAgeBand.reduce((sum: number, item: { count: number }) => sum + item.count, 0)).toBe(stats.members);
      expect(stats.byChild.reduce((sum: number, item: { members: number }) => sum + item.members, 0)).toBeLessThanOrEqual(stats.members);
      expect(stats.trend).toHaveLength(12);
      expect(stats.trend.at(-1).members).toBe(stats.members);
      expect(stats.joinRate.formula).toContain('入会率');
      expect(stats.joinRate.value).toBeGreaterThan(0);
      // Outside the caller's subtree: as if it did not exist.
      const xianyang = await db.selectFrom('org_unit').select('id').where('code', '=', 'SX610400').executeTakeFirstOrThrow();
      expect((await get('yanta', `/api/members/stats?orgUnitId=${xianyang.id}`)).statusCode).toBe(404);
    });
  });
}
