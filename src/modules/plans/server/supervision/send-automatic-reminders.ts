import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { beijingDate } from '../../../../core/files/beijing-time';
import { defineScheduledJob } from '../../../../core/jobs/scheduled-job';
import { notify } from '../../../../core/notifications/notify';
import { addWorkingDays } from '../../../../core/workflow/working-days';
import { PLANS_WRITE } from '../../contract';
import { supervisionLink } from './supervision-notices';
import { supervisionRuleOn } from './supervision-rule';

/**
 * Automatic 督办 reminders: to each responsible union of a confirmed plan's
 * measure (plans_measure_unit) that has not reported it done — `due_soon` once
 * the deadline lies within the rule's N working days (the Beijing work
 * calendar, 调休 included), `overdue` once the deadline has passed (it ends at
 * 24:00 of its day, 民法典 第二百零三条). Each (measure, union, kind, deadline)
 * is sent once: the reminder row is inserted `on conflict do nothing` in the
 * transaction that notifies, so a restart, a second run or a second server
 * sends nothing again; a changed deadline is a new period and is reminded anew.
 * Runs as the platform (no caller scope), like the workflow timers.
 */
export async function sendAutomaticReminders(db: Kysely<DB>, now: Date): Promise<number> {
  const today = beijingDate(now);
  const rule = await supervisionRuleOn(db, today);
  const soonUntil = rule.remindBeforeWorkdays > 0 ? await addWorkingDays(db, today, rule.remindBeforeWorkdays) : today;
  const candidates = await db
    .selectFrom('plans_measure as m')
    .innerJoin('plans_plan as p', 'p.id', 'm.plan_id')
    .innerJoin('plans_measure_unit as mu', 'mu.measure_id', 'm.id')
    .innerJoin('org_unit as o', 'o.id', 'mu.org_unit_id')
    .select(['m.id as measure_id', 'm.plan_id', 'm.no', 'm.title', 'm.deadline', 'o.id as org_unit_id', 'o.path as org_path', 'o.name as org_name'])
    .where('p.status', '=', 'confirmed')
    .where('m.deadline', 'is not', null)
    .where('m.deadline', '<=', soonUntil)
    // The union took part: it received the plan, or owns it.
    .where((eb) => eb.or([eb('o.id', '=', eb.ref('p.org_unit_id')), eb.exists(eb.selectFrom('plans_issue as i').select('i.id').whereRef('i.plan_id', '=', 'm.plan_id').whereRef('i.to_org_unit_id', '=', 'o.id'))]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('plans_report as r').select('r.id').whereRef('r.measure_id', '=', 'm.id').whereRef('r.org_unit_id', '=', 'o.id').where('r.state', 'in', ['submitted', 'accepted']).where('r.progress', '=', 'done'))),
    )
    .orderBy('m.id')
    .orderBy('o.id')
    .execute();
  let sent = 0;
  for (const candidate of candidates) {
    const deadline = candidate.deadline!;
    const kind = deadline < today ? 'overdue' : 'due_soon';
    const inserted = await db.transaction().execute(async (tx) => {
      const claimed = await tx
        .insertInto('plans_auto_reminder')
        .values({ measure_id: candidate.measure_id, org_unit_id: candidate.org_unit_id, plan_id: candidate.plan_id, org_path: candidate.org_path, kind, deadline, sent_at: now, recipients: 0 })
        .onConflict((oc) => oc.doNothing())
        .returning('measure_id')
        .executeTakeFirst();
      if (!claimed) return false;
      const recipients = await notify(tx, {
        orgUnitId: candidate.org_unit_id,
        permission: PLANS_WRITE,
        module: 'plans',
        kind: `plans.reminder.${kind}`,
        title: (kind === 'overdue' ? `已逾期：${candidate.no} ${candidate.title}` : `即将到期：${candidate.no} ${candidate.title}`).slice(0, 200),
        body:
          kind === 'overdue'
            ? `完成时限 ${deadline} 已过，请尽快完成并报送进展。`
            : `完成时限为 ${deadline}（不足 ${rule.remindBeforeWorkdays} 个工作日），请按时完成并报送进展。`,
        link: supervisionLink(candidate.plan_id),
        at: now,
      });
      await tx
        .updateTable('plans_auto_reminder')
        .set({ recipients: recipients.length })
        .where('measure_id', '=', candidate.measure_id)
        .where('org_unit_id', '=', candidate.org_unit_id)
        .where('kind', '=', kind)
        .where('deadline', '=', deadline)
        .execute();
      return true;
    });
    if (inserted) sent += 1;
  }
  return sent;
}

/** Hourly: reminders are about days, and a run at start catches up on a server that was down. */
export const supervisionRemindersJob = defineScheduledJob({
  id: 'plans.supervision-reminders',
  label: '督办自动提醒',
  intervalMs: 60 * 60_000,
  run: (ctx) => sendAutomaticReminders(ctx.db, ctx.now()),
});

