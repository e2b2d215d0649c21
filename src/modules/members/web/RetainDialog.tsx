import { Alert, Form, Modal, Select } from 'antd';
import { t } from '../../../web/i18n';
import { RETAIN_REASON_LABELS, type TMemberDetail } from '../contract';
import { retainMembership, type TRetainRequest } from './api';
import { useFormSubmit } from './useFormSubmit';

type RetainReason = TRetainRequest['reason'];

// 单位撤销 is recorded by the org change itself, never chosen here (the request allows the other three).
const REASON_OPTIONS = (['retired', 'laid_off', 'unemployed'] as const).map((value) => ({ value, label: RETAIN_REASON_LABELS[value] }));

/** 保留会籍: retired, laid off or unemployed members keep their membership. */
export function RetainDialog({
  member,
  open,
  onCancel,
  onDone,
}: {
  member: TMemberDetail;
  open: boolean;
  onCancel: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: RetainReason }>();
  const { submitting, error, submit, clearError } = useFormSubmit(form, ['reason'], async ({ reason }) => {
    await retainMembership(member.id, { reason });
    onDone();
  });

  return (
    <Modal
      className="retain-dialog"
      title={t('members.retain.title', { name: member.name })}
      open={open}
      okText={t('members.action.retain')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={() => {
        clearError();
        onCancel();
      }}
      destroyOnHidden
    >
      <p className="dialog-notice">{t('members.retain.notice')}</p>
      {error && <Alert type="error" showIcon title={error} className="dialog-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('members.retain.reason')} rules={[{ required: true, message: t('members.retain.reasonRequired') }]}>
          <Select id="retain-reason" placeholder={t('members.select')} options={REASON_OPTIONS} style={{ width: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
