import type { z } from 'zod';
import { openField } from '../../../../core/crypto/field-cipher';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { queueMessage } from '../../../../core/notifications/queue-message';
import { ORG_CONTACT_PHONE_CONTEXT } from '../../../orgs';
import { PLANS_WRITE } from '../../contract';
import { SUPERVISION_KIND_LABELS, type TSupervisionItem, type ZIssueSupervisionRequest } from '../../supervision-contract';
import { loadMeasure, loadPlan, requireConfirmed } from '../plan-access';
import { listItems } from './get-supervision-board';
import { notifyUnit } from './supervision-notices';

/** The SMS template registered with the gateway for 督办 (《通信短信息服务管理规定》: templates are filed in advance). */
export const SUPERVISION_SMS_TEMPLATE = 'plans.supervision';

/**
 * 督办: the caller's union (holding plans.supervise) chases a union below it
 * on one measure of a plan that union received — 催办, a 督办函 with a reply
 * deadline, or a 约谈 note. The item and the first line of its log are
 * written, the union's staff who hold plans.write are notified in-app, and,
 * when asked, an SMS to the union's registered contact phone is queued in the
 * same transaction (sent by the outbox after commit). A union outside the
 * caller's subtree — its parent, a sibling — does not exist for it (404).
 */
export async function issueSupervision(ctx: RequestContext, planId: number, body: z.output<typeof ZIssueSupervisionRequest>): Promise<TSupervisionItem> {
  const user = requireUser(ctx);
  const plan = await loadPlan(ctx, planId);
  requireConfirmed(plan, '督办');
  const measure = await loadMeasure(ctx, body.measureId, { field: 'measureId' });
  if (measure.plan_id !== plan.id) throw new AppError('NOT_FOUND', '措施不存在或无权访问', { field: 'measureId' });
  const target = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'contact_phone_envelope'])
    .where('id', '=', body.orgUnitId)
    .executeTakeFirst();
  if (!target || !target.path.startsWith(user.org.path)) throw new AppError('NOT_FOUND', '督办对象不存在或不在本单位管辖范围内', { field: 'orgUnitId' });
  if (target.id === user.org.id) throw new AppError('CONFLICT', '不能督办本单位，请选择下级单位', { field: 'orgUnitId' });
  const receipt = await ctx.db.selectFrom('plans_issue').select('id').where('plan_id', '=', plan.id).where('to_org_unit_id', '=', target.id).executeTakeFirst();
  if (!receipt) throw new AppError('CONFLICT', `「${target.name}」未收到该工作部署，不能督办`, { field: 'orgUnitId' });
  if (!target.path.startsWith(measure.org_path)) throw new AppError('CONFLICT', `该措施是其他单位的自定措施，不适用于「${target.name}」`, { field: 'measureId' });

  const now = ctx.now();
  const label = SUPERVISION_KIND_LABELS[body.kind];
  const item = await ctx.db
    .insertInto('plans_supervision')
    .values({
      plan_id: plan.id,
      measure_id: measure.id,
      org_unit_id: target.id,
      org_path: target.path,
      from_org_unit_id: user.org.id,
      from_path: user.org.path,
      kind: body.kind,
      reply_due_on: body.kind === 'letter' ? (body.replyDueOn ?? null) : null,
      created_by: user.account.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  let smsQueued = false;
  if (body.alsoSms) {
    if (!target.contact_phone_envelope) throw new AppError('CONFLICT', `「${target.name}」未登记联系电话，不能发送短信；请先在组织机构中登记`, { field: 'alsoSms' });
    await queueMessage(
      ctx.db,
      ctx.keys.ring,
      {
        channel: 'sms',
        to: openField(ctx.keys.ring, target.contact_phone_envelope, ORG_CONTACT_PHONE_CONTEXT),
        template: SUPERVISION_SMS_TEMPLATE,
        params: { from: user.org.name, kind: label, measure: `${measure.no} ${measure.title}`.slice(0, 40), replyDueOn: body.replyDueOn ?? '' },
        module: 'plans',
        at: now,
      },
      'alsoSms',
    );
    smsQueued = true;
  }
  await ctx.db
    .insertInto('plans_supervision_action')
    .values({ supervision_id: item.id, org_path: target.path, action: 'issue', actor_account_id: user.account.id, actor_org_unit_id: user.org.id, at: now, comment: body.comment, sms_queued: smsQueued })
    .execute();
  await notifyUnit(ctx, {
    planId: plan.id,
    orgUnitId: target.id,
    permission: PLANS_WRITE,
    kind: `plans.supervision.${body.kind}`,
    title: `${user.org.name}${label}：${measure.no} ${measure.title}`,
    body: body.kind === 'letter' ? `${body.comment}（请于 ${body.replyDueOn} 前答复）` : body.comment,
  });
  await ctx.audit({
    action: 'plans.supervision.issue',
    category: 'write',
    targetType: 'plans_supervision',
    targetId: item.id,
    details: { planId: plan.id, measureId: measure.id, orgUnitId: target.id, kind: body.kind, smsQueued },
  });
  const [issued] = await listItems(ctx, plan.id, item.id);
  return issued!;
}
