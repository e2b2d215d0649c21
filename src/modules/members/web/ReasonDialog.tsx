import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { t } from '../../../web/i18n';
import { useFormSubmit } from './useFormSubmit';

export type ReasonDialogValues = { reason: string | null; on: string | undefined };

type FormValues = { reason?: string; on?: Dayjs };

/**
 * Confirms a decision that takes a written reason (不予批准, 退会, 开除会籍,
 * 拒收) and, when `dateLabel` is given, the date it took effect (登记去世).
 * `onSubmit` runs the request; its failure is shown here, at the field the
 * server names when it names one.
 */
export function ReasonDialog({
  open,
  title,
  reasonRequired,
  placeholder,
  notice,
  dateLabel,
  askReason = true,
  okText,
  danger,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  reasonRequired: boolean;
  placeholder?: string;
  notice?: string;
  dateLabel?: string;
  /** false: only the date is asked (登记去世). */
  askReason?: boolean;
  okText: string;
  danger?: boolean;
  onCancel: () => void;
  onSubmit: (values: ReasonDialogValues) => Promise<void>;
}) {
  const [form] = Form.useForm<FormValues>();
  const { submitting, error, submit, clearError } = useFormSubmit(form, askReason ? ['reason', 'on'] : ['on'], (values) =>
    onSubmit({ reason: values.reason?.trim() || null, on: values.on?.format('YYYY-MM-DD') }),
  );

  return (
    <Modal
      className="reason-dialog"
      title={title}
      open={open}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': 'reason-dialog-ok' }}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={() => {
        clearError();
        onCancel();
      }}
      destroyOnHidden
    >
      {notice && <p className="dialog-notice">{notice}</p>}
      {error && <Alert type="error" showIcon title={error} className="dialog-error" />}
      <Form form={form} layout="vertical" initialValues={{ on: dayjs() }}>
        {dateLabel && (
          <Form.Item name="on" label={dateLabel} rules={[{ required: true, message: t('members.dialog.onRequired') }]}>
            <DatePicker id="reason-dialog-on" allowClear={false} disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
          </Form.Item>
        )}
        {askReason && (
          <Form.Item
            name="reason"
            label={reasonRequired ? t('members.dialog.reason') : t('members.dialog.reasonOptional')}
            rules={reasonRequired ? [{ required: true, whitespace: true, message: t('members.dialog.reasonRequired') }] : []}
          >
            <Input.TextArea id="reason-dialog-reason" rows={3} maxLength={500} showCount placeholder={placeholder} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
