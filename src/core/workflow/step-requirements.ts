import type { z } from 'zod';
import { AppError } from '../http/errors';
import { type TWorkflowAttachment, WORKFLOW_COMMENT_MAX, ZWorkflowAttachment } from './contract';
import type { StepRequirements } from './define-workflow';

export type StepInput = {
  comment?: string | null | undefined;
  form?: Record<string, unknown> | null | undefined;
  attachments?: readonly TWorkflowAttachment[] | undefined;
};

export type CheckedStepInput = { comment: string | null; form: Record<string, unknown> | null; attachments: TWorkflowAttachment[] };

const DEFAULT_COMMENT_LABEL = '办理意见';

export const commentLabel = (requires: StepRequirements | undefined) =>
  typeof requires?.comment === 'object' ? requires.comment.label : DEFAULT_COMMENT_LABEL;

/** A form field's Chinese name: its `.describe()`, else its key. */
function fieldLabel(schema: z.ZodObject, key: string): string {
  const field = (schema.shape as Record<string, z.ZodType | undefined>)[key];
  return field?.description ?? key;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function checkForm(schema: z.ZodObject | undefined, form: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!schema) {
    if (form && Object.keys(form).length > 0) {
      throw new AppError('VALIDATION_FAILED', '此步骤不需要填写表单', { field: 'form' });
    }
    return null;
  }
  const parsed = schema.safeParse(form ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const details = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const label = key ? fieldLabel(schema, key) : '表单';
    const value = key ? (form ?? {})[key] : form;
    const message = key && isBlank(value) ? `请填写“${label}”` : `“${label}”${issue.message}`;
    return { field: ['form', ...issue.path.map(String)].join('.'), code: issue.code, message };
  });
  const first = details[0]!;
  throw new AppError('VALIDATION_FAILED', first.message, { field: first.field, details });
}

function checkAttachments(required: StepRequirements['attachments'], attachments: readonly TWorkflowAttachment[]): TWorkflowAttachment[] {
  const checked = attachments.map((attachment, index) => {
    const parsed = ZWorkflowAttachment.safeParse(attachment);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 个附件：${issue.message}`, { field: `attachments.${index}.${issue.path.join('.')}` });
    }
    return parsed.data;
  });
  const declared = required ?? [];
  const unknown = checked.find((attachment) => !declared.some((kind) => kind.kind === attachment.kind));
  if (unknown) {
    const hint = declared.length > 0 ? `（可上传：${declared.map((kind) => kind.label).join('、')}）` : '';
    throw new AppError('VALIDATION_FAILED', `此步骤不接受“${unknown.kind}”类附件${hint}`, { field: 'attachments' });
  }
  for (const kind of declared) {
    const count = checked.filter((attachment) => attachment.kind === kind.kind).length;
    if (count < kind.min) {
      throw new AppError('VALIDATION_FAILED', `请上传“${kind.label}”（至少 ${kind.min} 份）`, { field: 'attachments' });
    }
  }
  return checked;
}

/** What the step requires, checked: the comment, the form (parsed by its zod schema), the attachments by kind. */
export function checkStepInput(requires: StepRequirements | undefined, input: StepInput): CheckedStepInput {
  const comment = input.comment?.trim() || null;
  if (requires?.comment && !comment) {
    throw new AppError('VALIDATION_FAILED', `请填写${commentLabel(requires)}`, { field: 'comment' });
  }
  if (comment && comment.length > WORKFLOW_COMMENT_MAX) {
    throw new AppError('VALIDATION_FAILED', `${commentLabel(requires)}过长（至多 ${WORKFLOW_COMMENT_MAX} 字）`, { field: 'comment' });
  }
  return {
    comment,
    form: checkForm(requires?.fields, input.form ?? null),
    attachments: checkAttachments(requires?.attachments, input.attachments ?? []),
  };
}

/** The requirements as the console needs them to draw the step's dialog (contract.ts). */
export function describeRequirements(requires: StepRequirements | undefined) {
  const shape = (requires?.fields?.shape ?? {}) as Record<string, z.ZodType>;
  return {
    comment: { required: Boolean(requires?.comment), label: commentLabel(requires) },
    fields: Object.entries(shape).map(([name, field]) => ({ name, label: field.description ?? name, required: !field.safeParse(undefined).success })),
    attachments: (requires?.attachments ?? []).map((kind) => ({ kind: kind.kind, label: kind.label, min: kind.min })),
  };
}
