import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { TARGET_COMPARATORS, type TPlanIndicator, type TTargetComparator } from '../contract';

export type IndicatorValues = {
  value: number;
  approx: boolean;
  comparator: TTargetComparator;
  unit: string;
  subject: string;
  period: string | null;
};

const COMPARATOR_OPTIONS = TARGET_COMPARATORS.map((value) => ({ value, label: t(`plans.comparator.${value}`) }));
const FIELDS = ['value', 'comparator', 'unit', 'subject', 'period'];

/** 添加 / 修改指标: value, 约, comparator, unit, subject (what is counted) and the year; checked here before the server checks again. */
export function IndicatorDialog({
  open,
  indicator,
  onSave,
  onClose,
}: {
  open: boolean;
  indicator: TPlanIndicator | undefined;
  onSave: (values: IndicatorValues) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<IndicatorValues & { period: string | undefined }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      indicator
        ? { value: indicator.value, approx: indicator.approx, comparator: indicator.comparator, unit: indicator.unit, subject: indicator.subject, period: indicator.period ?? undefined }
        : { approx: false, comparator: 'eq', period: undefined },
    );
  }, [open, indicator, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSave({ ...values, unit: values.unit.trim(), subject: values.subject.trim(), period: values.period?.trim() ? values.period.trim() : null });
      onClose();
    } catch (caught) {
      const field = isApiError(caught) ? caught.field : undefined;
      const message = isApiError(caught) ? caught.message : t('page.loadFailed');
      form.setFields([{ name: (field && FIELDS.includes(field) ? field : 'subject') as keyof IndicatorValues, errors: [message] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={indicator ? t('plans.indicator.editTitle') : t('plans.indicator.addTitle')}
      okText={t('plans.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      className="plans-indicator-dialog"
      okButtonProps={{ 'data-testid': 'indicator-save' }}
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="subject" label={t('plans.indicator.subject')} rules={[{ required: true, whitespace: true, message: t('plans.indicator.subjectRequired') }, { max: 100, message: t('plans.indicator.subjectTooLong') }]}>
          <Input id="indicator-subject" placeholder={t('plans.indicator.subjectPlaceholder')} />
        </Form.Item>
        <div className="plans-form-row">
          <Form.Item name="comparator" label={t('plans.indicator.comparator')} rules={[{ required: true, message: t('plans.indicator.comparatorRequired') }]}>
            <Select id="indicator-comparator" options={COMPARATOR_OPTIONS} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="value" label={t('plans.indicator.value')} rules={[{ required: true, message: t('plans.indicator.valueRequired') }, { type: 'number', min: 0, message: t('plans.indicator.valueNegative') }]}>
            <InputNumber id="indicator-value" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="unit" label={t('plans.indicator.unit')} rules={[{ required: true, whitespace: true, message: t('plans.indicator.unitRequired') }, { max: 20, message: t('plans.indicator.unitTooLong') }]}>
            <Input id="indicator-unit" style={{ width: 90 }} placeholder="人" />
          </Form.Item>
          <Form.Item name="approx" label=" " valuePropName="checked">
            <Checkbox id="indicator-approx">{t('plans.indicator.approx')}</Checkbox>
          </Form.Item>
        </div>
        <Form.Item name="period" label={t('plans.indicator.period')} rules={[{ pattern: /^\d{4}$/, message: t('plans.indicator.periodInvalid') }]}>
          <Input id="indicator-period" style={{ width: 130 }} placeholder="2023" />
        </Form.Item>
        {indicator?.source ? <div className="plans-indicator-source">{t('plans.indicator.source', { text: indicator.source })}</div> : null}
      </Form>
    </Modal>
  );
}
