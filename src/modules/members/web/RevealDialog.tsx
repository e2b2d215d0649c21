import { Alert, Form, Input, Modal } from 'antd';
import { useFormSubmit } from './useFormSubmit';
import { t } from '../../../web/i18n';
import type { TMemberRow } from '../contract';
import { revealMemberField } from './api';

export type RevealTarget = { member: TMemberRow; field: 'idNumber' | 'phone' };

/**
 * Asks why the full value is needed (PIPL art. 6), then shows it. The server
 * records the reveal and the reason in the audit trail.
 */
export function RevealDialog({
  target,
  onClose,
  onRevealed,
}: {
  target: RevealTarget | undefined;
  onClose: () => void;
  onRevealed: (target: RevealTarget, value: string | null) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { submitting, error, submit, clearError } = useFormSubmit(form, [], async ({ reason }) => {
    if (!target) return;
    const result = await revealMemberField(target.member.id, { field: target.field, reason: reason.trim() });
    onRevealed(target, result.value);
    form.resetFields();
  });

  const fieldLabel = target?.field === 'phone' ? t('members.field.phone') : t('members.field.idNumber');
  return (
    <Modal
      className="reveal-dialog"
      title={t('members.reveal.title', { field: fieldLabel, name: target?.member.name ?? '' })}
      open={target !== undefined}
      okText={t('members.reveal.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      <p className="reveal-notice">{t('members.reveal.notice')}</p>
      {error && <Alert type="error" showIcon title={error} className="reveal-error" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('members.reveal.reason')}
          rules={[
            { required: true, whitespace: true, message: t('members.reveal.reasonRequired') },
            { min: 4, message: t('members.reveal.reasonRequired') },
          ]}
        >
          <Input.TextArea id="reveal-reason" rows={2} maxLength={200} showCount placeholder={t('members.reveal.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
