import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { t } from '../../../../web/i18n';
import type { TItemScore } from '../../assessment-contract';

/** 调整得分: a signed number of points and the reason (required; logged and audited by the server). */
export function AdjustDialog({ item, onSubmit, onClose }: { item: TItemScore | undefined; onSubmit: (delta: number, reason: string) => Promise<void>; onClose: () => void }) {
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  useEffect(() => {
    if (item) form.setFieldsValue({ delta: item.adjustment, reason: item.reason ?? '' });
  }, [item, form]);
  return (
    <Modal
      open={item !== undefined}
      title={item ? t('plans.assessment.adjustTitle', { item: item.title }) : ''}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ id: 'adjust-save' }}
      onOk={async () => {
        const values = await form.validateFields();
        await onSubmit(values.delta, values.reason);
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="delta" label={t('plans.assessment.delta')} rules={[{ required: true }]}>
          <InputNumber id="adjust-delta" step={0.5} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('plans.assessment.reason')} rules={[{ required: true, whitespace: true, message: t('plans.assessment.reasonRequired') }]}>
          <Input.TextArea id="adjust-reason" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
