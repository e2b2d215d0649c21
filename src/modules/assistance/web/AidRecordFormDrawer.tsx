import { Alert, App, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TAidRecordDetail } from '../aid-contract';
import { AID_CATEGORY_LABELS, AID_KIND_LABELS, EDUCATION_STAGE_LABELS, FUNDING_SOURCE_LABELS } from '../aid-vocabulary';
import type { THouseholdDetail } from '../household-contract';
import { createAidRecord } from './aid-api';
import { type AidRecordValues, aidRecordBody, beijingToday, placeAidErrors } from './aid-form-values';
import { showFieldErrors } from '../../../web/forms/field-errors';
import { optionsOf } from './household-tags';

/**
 * 登记帮扶 for one filed household: category (助学 with 金秋助学, the student
 * and the stage), funding source, cash or in kind, amount, day and the paying
 * union (the household's own, or the caller's union above it). The server's
 * refusals land on their fields; a cap refusal (cap, year, given, room) on the amount.
 */
export function AidRecordFormDrawer({
  open,
  household,
  onClose,
  onSaved,
}: {
  open: boolean;
  household: THouseholdDetail;
  onClose: () => void;
  onSaved: (record: TAidRecordDetail) => void;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<AidRecordValues>();
  const [submitting, setSubmitting] = useState(false);
  const [alert, setAlert] = useState<string | undefined>();
  const category = Form.useWatch('category', form);
  const kind = Form.useWatch('kind', form);
  // The paying union: the household's own, or the caller's own union when it lies above (the server checks both).
  const unions = [household.union, ...(me.org.id === household.union.id ? [] : [{ id: me.org.id, name: me.org.name }])];

  useEffect(() => {
    if (!open) return;
    setAlert(undefined);
    form.resetFields();
    form.setFieldsValue({ payingOrgUnitId: household.union.id, kind: 'cash', aidDate: beijingToday() });
  }, [open, household.union.id, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSubmitting(true);
    setAlert(undefined);
    try {
      const saved = await createAidRecord(aidRecordBody(household.id, values));
      void message.success(t('aid.form.saved'));
      onSaved(saved);
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      const { placed, unplaced } = placeAidErrors(caught);
      showFieldErrors(form, placed);
      setAlert(unplaced.length > 0 ? unplaced.join('；') : undefined);
    } finally {
      setSubmitting(false);
    }
  };

  const required = (label: string) => [{ required: true, message: t('aid.form.choose', { label }) }];
  return (
    <Drawer
      className="aid-form-drawer"
      title={t('aid.form.title', { name: household.worker.name })}
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('aid.form.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="aid-save">
            {t('aid.form.save')}
          </Button>
        </Space>
      }
    >
      {alert && <Alert type="error" showIcon className="hh-form-alert" data-testid="aid-form-error" title={alert} />}
      <Alert type="info" showIcon className="hh-form-alert" title={t('aid.form.capNote')} />
      <Form<AidRecordValues> form={form} layout="vertical" requiredMark={false} data-testid="aid-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="category" label={t('aid.form.category')} rules={required(t('aid.form.category'))}>
              <Select id="aid-category" options={optionsOf(AID_CATEGORY_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fundingSource" label={t('aid.form.source')} rules={required(t('aid.form.source'))}>
              <Select id="aid-source" options={optionsOf(FUNDING_SOURCE_LABELS)} />
            </Form.Item>
          </Col>
          {category === 'education' && (
            <>
              <Col span={8}>
                <Form.Item name="isGoldenAutumn" label=" " valuePropName="checked">
                  <Checkbox id="aid-golden-autumn">{t('aid.form.goldenAutumn')}</Checkbox>
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="studentMemberId" label={t('aid.form.student')} rules={required(t('aid.form.student'))}>
                  <Select
                    id="aid-student"
                    placeholder={t('aid.form.studentPlaceholder')}
                    options={household.members.map((member) => ({ value: member.id, label: `${member.name}（${member.relationLabel}，${member.age} 岁）` }))}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="educationStage" label={t('aid.form.stage')} rules={required(t('aid.form.stage'))}>
                  <Select id="aid-stage" options={optionsOf(EDUCATION_STAGE_LABELS)} popupMatchSelectWidth={false} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={24}>
            <Form.Item name="kind" label={t('aid.form.kind')}>
              <Radio.Group id="aid-kind" options={optionsOf(AID_KIND_LABELS)} optionType="button" />
            </Form.Item>
          </Col>
          {kind === 'in_kind' && (
            <>
              <Col span={16}>
                <Form.Item name="itemDescription" label={t('aid.form.item')} rules={[{ required: true, whitespace: true, message: t('aid.form.required', { label: t('aid.form.item') }) }]}>
                  <Input id="aid-item" maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="quantity" label={t('aid.form.quantity')} rules={[{ required: true, message: t('aid.form.required', { label: t('aid.form.quantity') }) }]}>
                  <InputNumber id="aid-quantity" min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={24}>
            <Form.Item
              name="amount"
              label={kind === 'in_kind' ? t('aid.form.amountInKind') : t('aid.form.amount')}
              rules={[{ required: true, message: t('aid.form.required', { label: t('aid.form.amount') }) }]}
            >
              <InputNumber id="aid-amount" min={0} precision={2} style={{ width: '50%' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="aidDate" label={t('aid.form.date')} rules={[{ required: true, message: t('aid.form.required', { label: t('aid.form.date') }) }]}>
              <Input id="aid-date" type="date" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="payingOrgUnitId" label={t('aid.form.payingUnion')} rules={required(t('aid.form.payingUnion'))}>
              <Select id="aid-paying-union" options={unions.map((union) => ({ value: union.id, label: union.name }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('aid.form.note')}>
              <Input.TextArea id="aid-note" rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
