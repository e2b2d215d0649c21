import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { addWorkingDays, availableActions, describeInstance, workflowHistory } from '../../../../core/workflow/engine';
import { HARDSHIP_TIER_LABELS } from '../../contract';
import { loadFilingContext } from '../filing/filing-context';
import { SYSTEM_FORM_TRANSITIONS } from '../filing/filing-workflow';
import { loadRuleValue } from './load-rule-value';

/** The buttons: the steps this user may take on the file now, with what each asks for (a system-filled form asks for nothing). */
export async function householdActions(ctx: RequestContext, householdId: number) {
  const { instance, machine, record } = await loadFilingContext(ctx, householdId);
  const actions = await availableActions(ctx, machine, instance, { record });
  return {
    workflow: describeInstance(machine, instance),
    actions: actions.map((action) => (SYSTEM_FORM_TRANSITIONS.includes(action.transition) ? { ...action, requires: { ...action.requires, fields: [] } } : action)),
  };
}

/** Every step of the filing: who, for which union, when, with what comment, form and files (sensitive: audited). */
export async function householdHistory(ctx: RequestContext, householdId: number) {
  const { instance, machine } = await loadFilingContext(ctx, householdId);
  const steps = await workflowHistory(ctx, machine, instance);
  await ctx.audit({ action: 'assistance.household.history', category: 'sensitive-read', targetType: 'assistance_household', targetId: householdId, details: {} });
  return { steps };
}

const chineseDate = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** 张三 → 张*, 欧阳明月 → 欧***: a posted notice names the worker without exposing the full name (PIPL minimisation). */
export const noticeName = (name: string) => {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

/**
 * 公示 text to print and post at the union while the file is in its notice
 * period: who (name masked), which union, which tier, how many people, the
 * period in working days and where to object. No ID number, income or health.
 */
export async function householdNotice(ctx: RequestContext, householdId: number) {
  const { household, instance } = await loadFilingContext(ctx, householdId);
  if (instance.state !== 'notice' || !instance.noticeEndsOn) throw new AppError('CONFLICT', '该档案不在公示期，没有公示内容');
  const [person, union] = await Promise.all([
    ctx.db.selectFrom('person').select('name').where('id', '=', household.person_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('org_unit').select('name').where('id', '=', household.org_unit_id).executeTakeFirstOrThrow(),
  ]);
  const enteredOn = beijingDate(instance.stateEnteredAt);
  const rule = await loadRuleValue(ctx.db, 'filing_notice_working_days', enteredOn);
  const startsOn = await addWorkingDays(ctx.db, enteredOn, 1);
  const tier = HARDSHIP_TIER_LABELS[household.tier];
  const text = [
    `经职工本人申请，${union.name}初审、入户调查，上级工会家庭经济状况核对，拟将以下职工家庭纳入困难职工档案管理，现予公示：`,
    `姓名：${noticeName(person.name)}；所在工会：${union.name}；困难类别：${tier}职工家庭；家庭共同生活人口：${household.household_size} 人。`,
    `公示期：${chineseDate(startsOn)}至${chineseDate(instance.noticeEndsOn)}（${rule.value} 个工作日）。公示期间如有异议，请以书面或实名方式向${union.name}或上级工会反映。`,
    `${union.name}`,
    chineseDate(enteredOn),
  ].join('\n');
  await ctx.audit({ action: 'assistance.household.notice', category: 'sensitive-read', targetType: 'assistance_household', targetId: householdId, details: {} });
  return { title: '困难职工建档公示', text, startsOn, endsOn: instance.noticeEndsOn, workingDays: rule.value, source: rule.source };
}
