import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { confirmCampaignReceipts } from './aid-api';
import { beijingToday } from './aid-form-values';

type Values = { receivedOn: string; signer?: string };

/**
 * 确认签收 for some households of a distributed campaign (`householdIds`), or
 * for every one not yet signed for (`'all'`): the day, and who signed when it
 * was not the worker (the server's default).
 */
export function CampaignReceiptDialog({
  campaignId,
  target,
  onClose,
  onDone,
}: {
  campaignId: number;
  target: number[] | 'all' | undefined;
  onClose: () => void;
  onDone: (confirmed: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ receivedOn: beijingToday() });
    setError(undefined);
  }, [target, form]);
  if (target === undefined) return null;

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const signer = values.signer?.trim();
      const result = await confirmCampaignReceipts(campaignId, { ...(target === 'all' ? {} : { householdIds: target }), receivedOn: values.receivedOn, ...(signer ? { signer } : {}) });
      onDone(result.confirmed);
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      setError(caught.message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      className="campaign-receipt-dialog"
      title={t('campaign.detail.receiptTitle')}
      open
      okText={t('aid.action.ok')}
      cancelText={t('aid.form.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'campaign-receipt-confirm' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="hh-muted">{target === 'all' ? t('campaign.detail.receiptAll') : t('campaign.detail.receiptOf', { count: target.length })}</p>
      {error && <Alert type="error" showIcon className="hh-form-alert" title={error} data-testid="campaign-receipt-error" />}
      <Form<Values> form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="receivedOn" label={t('aid.action.receivedOn')} rules={[{ required: true, message: t('aid.form.required', { label: t('aid.action.receivedOn') }) }]}>
          <Input id="campaign-receipt-day" type="date" />
        </Form.Item>
        <Form.Item name="signer" label={t('campaign.detail.receiptSigner')}>
          <Input id="campaign-receipt-signer" maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
