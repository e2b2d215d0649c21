import { Alert, Form, Input, Modal, Radio } from 'antd';
import { t } from '../../../web/i18n';
import { type TMemberDetail, TRANSFER_REASON_LABELS } from '../contract';
import { requestTransfer } from './api';
import { useFormSubmit } from './useFormSubmit';
import { UnionDirectorySelect } from './UnionDirectorySelect';

type TransferReason = keyof typeof TRANSFER_REASON_LABELS;
type FormValues = { toOrgUnitId: number; reason: TransferReason; note?: string };

const REASON_OPTIONS = Object.entries(TRANSFER_REASON_LABELS).map(([value, label]) => ({ value: value as TransferReason, label }));

/** 发起转会: the receiving union from the province-wide directory, the reason and a note. */
export function TransferDialog({
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
  const [form] = Form.useForm<FormValues>();
  const { submitting, error, submit, clearError } = useFormSubmit(form, ['toOrgUnitId', 'reason', 'note'], async (values) => {
    await requestTransfer(member.id, { toOrgUnitId: values.toOrgUnitId, reason: values.reason, note: values.note?.trim() || null });
    onDone();
  });

  return (
    <Modal
      className="transfer-dialog"
      title={t('members.transfer.title', { name: member.name })}
      open={open}
      width={560}
      okText={t('members.transfer.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'transfer-submit' }}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={() => {
        clearError();
        onCancel();
      }}
      destroyOnHidden
    >
      <p className="dialog-notice">{t('members.transfer.notice')}</p>
      {error && <Alert type="error" showIcon title={error} className="dialog-error" />}
      <Form form={form} layout="vertical" initialValues={{ reason: 'job_change' }}>
        <Form.Item name="toOrgUnitId" label={t('members.transfer.to')} rules={[{ required: true, message: t('members.transfer.toRequired') }]}>
          <UnionDirectorySelect id="transfer-to" excludeId={member.orgUnitId} />
        </Form.Item>
        <Form.Item name="reason" label={t('members.transfer.reason')} rules={[{ required: true, message: t('members.transfer.reasonRequired') }]}>
          <Radio.Group id="transfer-reason" options={REASON_OPTIONS} className="vertical-radios" />
        </Form.Item>
        <Form.Item name="note" label={t('members.transfer.note')}>
          <Input.TextArea id="transfer-note" rows={2} maxLength={500} showCount placeholder={t('members.transfer.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
