import { Alert, Form, type FormInstance, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import type { TWorkflowAction } from '../../../core/workflow/contract';
import type { TEvidenceFile } from '../household-contract';
import type { EvidenceKind } from '../vocabulary';
import { EvidenceUploader } from './EvidencePanel';
import { takeHouseholdAction } from './household-api';
import { placeFieldErrors, showFieldErrors } from '../../../web/forms/field-errors';

/**
 * How a step's form field is typed in: the requirements name fields, not their
 * types, so the filing's known fields get their widget here; any other is text.
 */
const FIELD_WIDGETS: Record<string, 'date' | 'textarea'> = { visitDate: 'date', findings: 'textarea' };

/** The form key of the files of every optional kind together (the step may take any number). */
const OPTIONAL = '_optional';

/**
 * One attachment field: the household's uploaded files of these kinds to pick
 * from, and (for uploaders) an upload of one of the kinds, attached at once.
 */
function AttachmentField({
  form,
  name,
  label,
  min,
  kinds,
  householdId,
  files,
  canUpload,
  onUploaded,
}: {
  form: FormInstance<Values>;
  name: string;
  label: string;
  min: number;
  kinds: EvidenceKind[];
  householdId: number;
  files: TEvidenceFile[];
  canUpload: boolean;
  onUploaded: (file: TEvidenceFile) => void;
}) {
  return (
    <Form.Item
      name={['attachments', name]}
      label={label}
      rules={min > 0 ? [{ required: true, type: 'array', min, message: t('hh.action.attachmentMissing', { label }) }] : []}
      extra={
        canUpload ? (
          <EvidenceUploader
            householdId={householdId}
            kinds={kinds}
            onUploaded={(file) => {
              onUploaded(file);
              const chosen = (form.getFieldValue(['attachments', name]) as number[] | undefined) ?? [];
              form.setFieldValue(['attachments', name], [...chosen, file.id]);
              void form.validateFields([['attachments', name]]).catch(() => undefined);
            }}
            testId={`action-upload-${name}`}
          />
        ) : undefined
      }
    >
      <Select<number[]>
        id={`action-attachments-${name}`}
        mode="multiple"
        allowClear
        placeholder={t('hh.action.attachmentChoose')}
        options={files.filter((file) => (kinds as string[]).includes(file.kind)).map((file) => ({ value: file.id, label: `${file.name}（${file.kindLabel}）` }))}
      />
    </Form.Item>
  );
}

type Values = { comment?: string; form?: Record<string, string>; attachments?: Record<string, number[]> };

/**
 * The dialog behind a workflow button: the comment, form fields and files the
 * step requires (a step needing none is confirmed here too). Files are this
 * household's evidence; one can be uploaded in place and is attached at once.
 * The step carries the version the page showed: a stale one is refused (409)
 * and the page reloads.
 */
export function FilingActionDialog({
  householdId,
  version,
  action,
  files,
  canUpload,
  onUploaded,
  onClose,
  onDone,
  onStale,
}: {
  householdId: number;
  version: number;
  action: TWorkflowAction | undefined;
  files: TEvidenceFile[];
  canUpload: boolean;
  onUploaded: (file: TEvidenceFile) => void;
  onClose: () => void;
  onDone: (label: string) => void;
  onStale: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    form.resetFields();
    setError(undefined);
  }, [action, form]);
  if (!action) return null;
  const { requires } = action;
  const required = requires.attachments.filter((requirement) => requirement.min > 0);
  const optional = requires.attachments.filter((requirement) => requirement.min === 0);
  const attachmentProps = { form, householdId, files, canUpload, onUploaded };

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSubmitting(true);
    setError(undefined);
    try {
      // A field left empty holds undefined: only chosen files are sent.
      const fileIds = Object.values(values.attachments ?? {})
        .flat()
        .filter((fileId): fileId is number => typeof fileId === 'number');
      const formValues = Object.fromEntries(Object.entries(values.form ?? {}).filter(([, value]) => value !== undefined && value !== ''));
      await takeHouseholdAction(householdId, action.transition, {
        expectedVersion: version,
        ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
        ...(requires.fields.length > 0 ? { form: formValues } : {}),
        ...(fileIds.length > 0 ? { attachments: fileIds.map((fileId) => ({ fileId })) } : {}),
      });
      onDone(action.label);
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      if (caught.code === 'WORKFLOW_VERSION_CONFLICT') {
        onStale();
        return;
      }
      const fields = ['comment', ...requires.fields.map((field) => `form.${field.name}`)];
      const { placed, unplaced } = placeFieldErrors(caught, fields);
      showFieldErrors(form, placed);
      setError(unplaced.length > 0 ? unplaced.join('；') : undefined);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      className="hh-action-dialog"
      title={t('hh.action.dialogTitle', { label: action.label })}
      open
      width={640}
      okText={t('hh.action.ok')}
      cancelText={t('hh.form.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'action-confirm' } }
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="hh-muted">{t('hh.action.toState', { state: action.toLabel })}</p>
      {action.transition === 'civil_check' && <Alert type="info" showIcon title={t('hh.action.systemForm')} className="hh-form-alert" />}
      {error && <Alert type="error" showIcon title={error} className="hh-form-alert" data-testid="action-error" />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} data-testid="action-form">
        {requires.fields.map((field) => {
          const widget = FIELD_WIDGETS[field.name];
          return (
            <Form.Item
              key={field.name}
              name={['form', field.name]}
              label={field.label}
              rules={field.required ? [{ required: true, whitespace: true, message: t('hh.action.fieldRequired', { label: field.label }) }] : []}
            >
              {widget === 'date' ? (
                <Input id={`action-${field.name}`} type="date" />
              ) : widget === 'textarea' ? (
                <Input.TextArea id={`action-${field.name}`} rows={3} maxLength={2000} showCount />
              ) : (
                <Input id={`action-${field.name}`} maxLength={200} />
              )}
            </Form.Item>
          );
        })}
        {required.map((requirement) => (
          <AttachmentField
            key={requirement.kind}
            name={requirement.kind}
            label={requirement.label}
            min={requirement.min}
            kinds={[requirement.kind as EvidenceKind]}
            {...attachmentProps}
          />
        ))}
        {optional.length > 0 && (
          <AttachmentField
            name={OPTIONAL}
            label={t('hh.action.optionalAttachments', { kinds: optional.map((requirement) => requirement.label).join('、') })}
            min={0}
            kinds={optional.map((requirement) => requirement.kind as EvidenceKind)}
            {...attachmentProps}
          />
        )}
        <Form.Item
          name="comment"
          label={requires.comment.required ? requires.comment.label : t('hh.action.comment')}
          rules={requires.comment.required ? [{ required: true, whitespace: true, message: t('hh.action.commentRequired', { label: requires.comment.label }) }] : []}
        >
          <Input.TextArea id="action-comment" rows={2} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
