import { Alert, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

const PURPOSE_MAX = 100;

/**
 * Asks why data is being exported (用途, PIPL art. 6) before any export: the
 * purpose is printed in the file's watermark and recorded in the audit trail.
 */
export function ExportPurposeDialog({
  open,
  title,
  intro,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  /** What will be exported (scope, row limit). */
  intro?: ReactNode;
  onCancel: () => void;
  onConfirm: (purpose: string) => void;
}) {
  const [form] = Form.useForm<{ purpose: string }>();
  const submit = async () => {
    const { purpose } = await form.validateFields();
    onConfirm(purpose.trim());
    form.resetFields();
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={t('export.submit')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        form.resetFields();
        onCancel();
      }}
      // The form exists while the dialog is closed, so `form` is always connected.
      forceRender
    >
      <Alert type="info" showIcon title={intro} description={t('export.purposeNote')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark onFinish={() => void submit()}>
        <Form.Item
          name="purpose"
          label={t('export.purpose')}
          rules={[{ required: true, whitespace: true, message: t('export.purposeRequired') }]}
        >
          <Input.TextArea
            data-testid="export-purpose"
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={PURPOSE_MAX}
            showCount
            placeholder={t('export.purposePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
