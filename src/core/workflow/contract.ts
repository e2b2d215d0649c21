import { z } from 'zod';

/**
 * Shared by the server and the web console: what a workflow step carries and
 * what the engine answers about a record's actions and history. Modules use
 * these schemas in their own routes (the engine has no routes of its own).
 */

/** A file attached to a step (the file itself lives in the module's file store). */
export const ZWorkflowAttachment = z.object({
  fileId: z.string().trim().min(1, '请填写附件编号').max(100, '附件编号过长'),
  kind: z.string().trim().min(1, '请填写附件类别').max(50, '附件类别过长'),
  name: z.string().trim().min(1, '请填写附件名称').max(255, '附件名称过长（至多 255 个字）'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件摘要须为 64 位小写十六进制（SHA-256）'),
  size: z.number().int('附件大小须为整数').nonnegative('附件大小不能为负'),
});
export type TWorkflowAttachment = z.infer<typeof ZWorkflowAttachment>;

/** The longest comment a step keeps (the column's check). */
export const WORKFLOW_COMMENT_MAX = 2000;
/** At most this many files on one step. */
export const WORKFLOW_ATTACHMENTS_MAX = 20;

/** The body of a module's "take this step" route. */
export const ZWorkflowStepInput = z.object({
  /** The instance version the user saw: a step someone else took meanwhile makes this one stale. */
  expectedVersion: z.number().int().positive('版本号须为正整数'),
  comment: z.string().trim().max(WORKFLOW_COMMENT_MAX, `意见过长（至多 ${WORKFLOW_COMMENT_MAX} 字）`).optional(),
  form: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(ZWorkflowAttachment).max(WORKFLOW_ATTACHMENTS_MAX, `附件至多 ${WORKFLOW_ATTACHMENTS_MAX} 个`).optional(),
});
export type TWorkflowStepInput = z.infer<typeof ZWorkflowStepInput>;

/** What a step asks for, so the console can draw the dialog behind the button. */
export const ZWorkflowRequirements = z.object({
  comment: z.object({ required: z.boolean(), label: z.string() }),
  fields: z.array(z.object({ name: z.string(), label: z.string(), required: z.boolean() })),
  attachments: z.array(z.object({ kind: z.string(), label: z.string(), min: z.number().int() })),
});

/** One button: a transition this user may take on this record now. */
export const ZWorkflowAction = z.object({
  transition: z.string(),
  label: z.string(),
  to: z.string(),
  toLabel: z.string(),
  requires: ZWorkflowRequirements,
  /** Why the record does not allow it yet (the guard's reason): show the button disabled with this text. */
  blockedBy: z.string().nullable(),
});
export type TWorkflowAction = z.infer<typeof ZWorkflowAction>;

/** One line of a record's history. `actor` null: the system (a notice period ended, a deadline passed). */
export const ZWorkflowHistoryStep = z.object({
  seq: z.number().int(),
  transition: z.string().nullable(),
  label: z.string(),
  fromState: z.string().nullable(),
  fromLabel: z.string().nullable(),
  toState: z.string(),
  toLabel: z.string(),
  actor: z.object({ accountId: z.number().int(), name: z.string() }).nullable(),
  actorOrg: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  at: z.string(),
  comment: z.string().nullable(),
  form: z.record(z.string(), z.unknown()).nullable(),
  attachments: z.array(ZWorkflowAttachment),
});
export type TWorkflowHistoryStep = z.infer<typeof ZWorkflowHistoryStep>;

/** A record's run through its workflow, as the console shows it. */
export const ZWorkflowInstance = z.object({
  id: z.number().int(),
  workflowId: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number().int(),
  /** Last day of the public notice (公示) or deadline, inclusive (YYYY-MM-DD). */
  noticeEndsOn: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  isFinished: z.boolean(),
});
export type TWorkflowInstance = z.infer<typeof ZWorkflowInstance>;
