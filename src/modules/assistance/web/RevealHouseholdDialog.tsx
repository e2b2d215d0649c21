import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { revealHouseholdField } from './household-api';

export type HouseholdRevealTarget = { field: 'bankAccount' } | { field: 'memberIdNumber'; memberId: number; name: string };

/**
 * 查看完整: asks why (PIPL 第六条, minimum necessary), then shows the full bank
 * account or one member's ID number. The server records the view and the reason.
 */
export function RevealHouseholdDialog({
  householdId,
  target,
  onClose,
  onRevealed,
}: {
  householdId: number;
  target: HouseholdRevealTarget | undefined;
  onClose: () => void;
  onRevealed: (target: HouseholdRevealTarget, value: string | null) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values || !target) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await revealHouseholdField(householdId, {
        field: target.field,
        ...(target.field === 'memberIdNumber' ? { memberId: target.memberId } : {}),
        reason: values.reason.trim(),
      });
      form.resetFields();
      onRevealed(target, result.value);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setSubmitting(false);
    }
  };
  const fieldLabel = target?.field === 'memberIdNumber' ? t('hh.reveal.idNumber', { name: target.name }) : t('hh.reveal.bank');
  return (
    <Modal
      title={t('hh.reveal.title', { field: fieldLabel })}
      open={target !== undefined}
      okText={t('hh.reveal.ok')}
      cancelText={t('hh.form.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'household-reveal-ok' } }
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <p className="hh-muted">{t('hh.reveal.notice')}</p>
      {error && <Alert type="error" showIcon title={error} className="hh-form-alert" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('hh.reveal.reason')}
          rules={[
            { required: true, whitespace: true, message: t('hh.reveal.reasonRequired') },
            { min: 4, message: t('hh.reveal.reasonRequired') },
          ]}
        >
          <Input.TextArea id="household-reveal-reason" rows={2} maxLength={200} showCount placeholder={t('hh.reveal.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
