import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import type { TWorkflowAction } from '../../../core/workflow/contract';
import type { TAidRecordDetail } from '../aid-contract';
import type { TEvidenceFile } from '../household-contract';
import type { EvidenceKind } from '../vocabulary';
import { takeAidAction } from './aid-api';
import { beijingToday } from './aid-form-values';
import { EvidenceUploader } from './EvidencePanel';
import { placeFieldErrors, showFieldErrors } from '../../../web/forms/field-errors';

type Values = { comment?: string; form?: Record<string, string>; fileIds?: number[] };

/** The receipt form's fields get their widget (the requirements name fields, not types). */
const DATE_FIELDS = new Set(['receivedOn']);

/**
 * The dialog behind a record's step: the comment (a refusal's or a
 * cancellation's reason is required), and for 确认签收 the signer, the day
 * and the signed sheet — a file of the household's evidence, chosen or
 * uploaded here. A stale version (someone acted meanwhile) reloads the record.
 */
export function AidActionDialog({
  record,
  action,
  signer,
  files,
  canUpload,
  onUploaded,
  onClose,
  onDone,
  onStale,
}: {
  record: TAidRecordDetail;
  action: TWorkflowAction | undefined;
  /** The default signer: the household's main worker. */
  signer: string;
  files: TEvidenceFile[];
  canUpload: boolean;
  onUploaded: (file: TEvidenceFile) => void;
  onClose: () => void;
  onDone: (label: string, record: TAidRecordDetail) => void;
  onStale: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    form.resetFields();
    setError(undefined);
    if (action?.requires.fields.some((field) => field.name === 'signer')) form.setFieldsValue({ form: { signer, receivedOn: beijingToday() } });
  }, [action, form, signer]);
  if (!action || !record.workflow) return null;
  const { requires } = action;
  const kinds = requires.attachments.map((requirement) => requirement.kind as EvidenceKind);
  const version = record.workflow.version;

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const fileIds = (values.fileIds ?? []).filter((id): id is number => typeof id === 'number');
      const formValues = Object.fromEntries(Object.entries(values.form ?? {}).filter(([, value]) => value !== undefined && value !== ''));
      const updated = await takeAidAction(record.id, action.transition, {
        expectedVersion: version,
        ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
        ...(requires.fields.length > 0 ? { form: formValues } : {}),
        ...(fileIds.length > 0 ? { attachments: fileIds.map((fileId) => ({ fileId })) } : {}),
      });
      onDone(action.label, updated);
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      if (caught.code === 'WORKFLOW_VERSION_CONFLICT') {
        onStale();
        return;
      }
      const { placed, unplaced } = placeFieldErrors(caught, ['comment', ...requires.fields.map((field) => `form.${field.name}`)]);
      showFieldErrors(form, placed);
      setError(unplaced.length > 0 ? unplaced.join('；') : undefined);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      className="aid-action-dialog"
      title={t('aid.action.title', { label: action.label })}
      open
      width={600}
      okText={t('aid.action.ok')}
      cancelText={t('aid.form.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'aid-action-confirm' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="hh-muted">{t('aid.action.toState', { state: action.toLabel })}</p>
      {error && <Alert type="error" showIcon title={error} className="hh-form-alert" data-testid="aid-action-error" />}
      <Form<Values> form={form} layout="vertical" requiredMark={false}>
        {requires.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={['form', field.name]}
            label={field.label}
            rules={field.required ? [{ required: true, whitespace: true, message: t('aid.form.required', { label: field.label }) }] : []}
          >
            <Input id={`aid-action-${field.name}`} type={DATE_FIELDS.has(field.name) ? 'date' : 'text'} maxLength={50} />
          </Form.Item>
        ))}
        {kinds.length > 0 && (
          <Form.Item
            name="fileIds"
            label={requires.attachments.map((requirement) => requirement.label).join('、')}
            extra={
              canUpload ? (
                <EvidenceUploader
                  householdId={record.household.id}
                  kinds={kinds}
                  defaultKind={kinds[0]}
                  onUploaded={(file) => {
                    onUploaded(file);
                    form.setFieldValue('fileIds', [...((form.getFieldValue('fileIds') as number[] | undefined) ?? []), file.id]);
                  }}
                  testId="aid-action-upload"
                />
              ) : undefined
            }
          >
            <Select<number[]>
              id="aid-action-files"
              mode="multiple"
              allowClear
              placeholder={t('aid.action.sheetChoose')}
              options={files.filter((file) => (kinds as string[]).includes(file.kind)).map((file) => ({ value: file.id, label: `${file.name}（${file.kindLabel}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={requires.comment.required ? requires.comment.label : t('aid.action.comment')}
          rules={requires.comment.required ? [{ required: true, whitespace: true, message: t('aid.action.commentRequired', { label: requires.comment.label }) }] : []}
        >
          <Input.TextArea id="aid-action-comment" rows={2} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
