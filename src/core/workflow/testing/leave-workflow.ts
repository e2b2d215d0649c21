import { z } from 'zod';
import { defineWorkflow } from '../define-workflow';

/**
 * A toy machine for the engine's own tests: a leave request that a
 * grassroots clerk submits, the grassroots union reviews first, the county
 * union reviews, the city union approves, and that is then publicly noticed
 * for 3 working days before it is approved. Refusals go back with reasons;
 * a draft not submitted within 10 working days is closed by the system.
 * (The periods are the toy's own, not policy.)
 */
export const LEAVE_PERMISSIONS = ['leave.read', 'leave.write', 'leave.review', 'leave.approve'] as const;

export type LeaveRecord = { days: number };

export const leaveWorkflow = defineWorkflow({
  id: 'test.leave',
  label: '请假申请',
  initial: 'draft',
  states: {
    draft: { label: '草稿', deadline: { workingDays: 10, onExpire: 'expire' } },
    submitted: { label: '待初审' },
    county_review: { label: '县级审核中' },
    city_approval: { label: '市级审批中' },
    notice: { label: '公示中', notice: { workingDays: 3, onEnd: 'finish_notice' } },
    approved: { label: '已批准', final: true },
    rejected: { label: '未批准', final: true },
    expired: { label: '逾期关闭', final: true },
  },
  transitions: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      label: '提交',
      actor: { permission: 'leave.write', level: 'own' },
      guard: (record: LeaveRecord) => (record.days > 30 ? '请假超过 30 天须另行报批' : null),
    },
    first_review: { from: ['submitted'], to: 'county_review', label: '初审通过', actor: { permission: 'leave.review', level: 'own' } },
    return_first: {
      from: ['submitted'],
      to: 'draft',
      label: '初审退回',
      actor: { permission: 'leave.review', level: 'own' },
      requires: { comment: { label: '退回理由' } },
    },
    county_approve: {
      from: ['county_review'],
      to: 'city_approval',
      label: '县级审核通过',
      actor: { permission: 'leave.review', level: { ancestorType: 'county' } },
      requires: { fields: z.object({ days: z.number().int().positive('须为正整数').describe('核定天数'), note: z.string().optional().describe('备注') }) },
    },
    return_county: {
      from: ['county_review'],
      to: 'draft',
      label: '县级退回',
      actor: { permission: 'leave.review', level: { ancestorType: 'county' } },
      requires: { comment: { label: '退回理由' } },
    },
    city_approve: {
      from: ['city_approval'],
      to: 'notice',
      label: '市级审批通过',
      actor: { permission: 'leave.approve', level: { ancestorType: 'city' } },
      requires: { attachments: [{ kind: 'signed_form', label: '签字审批表', min: 1 }, { kind: 'other', label: '其他材料', min: 0 }] },
    },
    reject: {
      from: ['city_approval'],
      to: 'rejected',
      label: '不予批准',
      actor: { permission: 'leave.approve', level: { ancestorType: 'city' } },
      requires: { comment: { label: '不予批准的理由' } },
    },
    object: {
      from: ['notice'],
      to: 'county_review',
      label: '公示有异议',
      actor: { permission: 'leave.review', level: { ancestorType: 'county' } },
      requires: { comment: { label: '异议内容' } },
    },
    finish_notice: { from: ['notice'], to: 'approved', label: '公示期满', automatic: true },
    expire: { from: ['draft'], to: 'expired', label: '逾期未提交', automatic: true },
  },
});

export type LeaveTransition = keyof typeof leaveWorkflow.transitions;
export type LeaveState = keyof typeof leaveWorkflow.states;
