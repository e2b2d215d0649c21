import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';

/**
 * Histories for the demo members, in set-based SQL over the seeded rows
 * (deterministic: every choice is a function of the membership id):
 * - every membership's admission event (批准入会 on its 入会日期);
 * - one in 25 members came from another union of the same city: an earlier,
 *   transferred membership there, with the transfer's events;
 * - one in 30 left the union (退会) last year or this year;
 * - one in 100 is a pending application (入会待批).
 */
export async function seedDemoHistories(db: Kysely<DB>): Promise<string> {
  await sql`
    insert into members_membership_event (membership_id, person_id, org_unit_id, org_path, kind, occurred_on)
    select id, person_id, org_unit_id, org_path, 'approved', joined_on from members_membership where joined_on is not null`.execute(db);

  // Transfers in: the previous union is another grassroots union under the same city (by id order).
  const transferred = await sql<{ n: number }>`
    with movers as (
      select m.id, m.person_id, m.org_unit_id, m.org_path, m.joined_on, m.card_number,
        (m.joined_on + ((date '2026-11-21' - m.joined_on) / 2))::date as moved_on,
        split_part(m.org_path, '.', 1) || '.' || split_part(m.org_path, '.', 2) || '.' as city_path
      from members_membership m
      where m.id % 25 = 7 and m.status = 'active' and m.joined_on < date '2025-01-01'
    ), sources as (
      select mv.*, (
        select o.id from org_unit o
        where o.type = 'grassroots' and o.path >= mv.city_path and o.path < mv.city_path || '~' and o.id <> mv.org_unit_id
        order by abs(o.id - mv.org_unit_id), o.id limit 1
      ) as from_id
      from movers mv
    ), earlier as (
      insert into members_membership (person_id, org_unit_id, org_path, status, card_number, joined_on, started_on, left_on, join_channel)
      select s.person_id, s.from_id, o.path, 'transferred', s.card_number, s.joined_on, s.joined_on, s.moved_on, 'unit'
      from sources s join org_unit o on o.id = s.from_id
      returning id, person_id, org_unit_id, org_path, joined_on, left_on
    ), events as (
      insert into members_membership_event (membership_id, person_id, org_unit_id, org_path, kind, occurred_on, other_org_unit_id)
      select e.id, e.person_id, e.org_unit_id, e.org_path, k.kind, k.on_date, m.org_unit_id
      from earlier e
      join members_membership m on m.person_id = e.person_id and m.status = 'active'
      cross join lateral (values ('approved', e.joined_on), ('transfer_requested', e.left_on), ('transfer_accepted', e.left_on)) as k(kind, on_date)
      returning 1
    )
    select count(*)::int as n from earlier`.execute(db);
  // The current membership began with the transfer; its admission event becomes the arrival.
  await sql`
    update members_membership m set started_on = e.left_on, transferred_from_id = e.id, join_channel = 'transfer'
    from members_membership e
    where e.person_id = m.person_id and e.status = 'transferred' and m.status = 'active'`.execute(db);
  await sql`
    update members_membership_event ev set kind = 'transferred_in', occurred_on = m.started_on, other_org_unit_id = e.org_unit_id
    from members_membership m join members_membership e on e.id = m.transferred_from_id
    where ev.membership_id = m.id and ev.kind = 'approved'`.execute(db);

  const exited = await sql<{ n: number }>`
    with leavers as (
      update members_membership set status = 'exited', end_reason = '本人书面申请退会',
        left_on = greatest(joined_on + 30, date '2025-01-01' + (id % 600))
      where id % 30 = 11 and status = 'active' and transferred_from_id is null
      returning id, person_id, org_unit_id, org_path, left_on
    ), events as (
      insert into members_membership_event (membership_id, person_id, org_unit_id, org_path, kind, occurred_on, reason)
      select id, person_id, org_unit_id, org_path, 'exited', left_on, '本人书面申请退会' from leavers
      returning 1
    )
    select count(*)::int as n from leavers`.execute(db);

  const pending = await sql<{ n: number }>`
    with applicants as (
      update members_membership set status = 'pending', applied_on = date '2026-11-01' + (id % 19), joined_on = null, started_on = null,
        card_number = null, join_channel = 'online'
      where id % 100 = 42 and status = 'active' and transferred_from_id is null
      returning id, person_id, org_unit_id, org_path, applied_on
    ), cleared as (
      delete from members_membership_event ev using applicants a where ev.membership_id = a.id returning 1
    ), events as (
      insert into members_membership_event (membership_id, person_id, org_unit_id, org_path, kind, occurred_on)
      select id, person_id, org_unit_id, org_path, 'applied', applied_on from applicants
      returning 1
    )
    select count(*)::int as n from applicants`.execute(db);
  return `转会 ${transferred.rows[0]?.n ?? 0} 人，退会 ${exited.rows[0]?.n ?? 0} 人，入会待批 ${pending.rows[0]?.n ?? 0} 人`;
}
