import { Alert, App, Button, Col, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { DIBAO_AREA_LABELS, EXCLUSION_LABELS, HARDSHIP_TIER_LABELS, SUDDEN_EVENT_LABELS } from '../contract';
import type { THouseholdDetail } from '../household-contract';
import { HARDSHIP_CAUSE_LABELS, WORKER_TYPE_LABELS } from '../vocabulary';
import { HealthFields } from './HealthFields';
import { createHousehold, fetchHousehold, updateHousehold } from './household-api';
import { placeFieldErrors, showFieldErrors } from '../../../web/forms/field-errors';
import { HOUSEHOLD_FORM_FIELDS, type HouseholdFormValues, householdBody, valuesFromDetail } from './household-form-values';
import { HouseholdMembersEditor } from './HouseholdMembersEditor';
import { optionsOf } from './household-tags';
import { MemberPicker } from './MemberPicker';

const EMPTY: HouseholdFormValues = {
  dibaoArea: 'urban',
  workerType: 'worker',
  rigidExpenses: {},
  exclusions: [],
  declaredProperty: { vehicles: 0, houses: 0 },
  secondaryCauses: [],
  worker: { illnesses: [], employment: 'employed', annualIncome: 0 },
  members: [],
};

const money = (id: string) => <InputNumber id={id} min={0} precision={2} style={{ width: '100%' }} />;

/**
 * 新建档案 / 修改档案 in a drawer. The body mirrors the API, so every refusal
 * the server names by field path lands on that field (placeFieldErrors). An
 * edit carries the version it started from: if someone saved meanwhile, the
 * refusal (STALE_VERSION) is shown with 重新载入, which loads their version
 * (ours is not saved).
 */
export function HouseholdFormDrawer({
  open,
  household,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The file to edit; none: a new file. */
  household?: THouseholdDetail;
  onClose: () => void;
  onSaved: (detail: THouseholdDetail) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdFormValues>();
  const [editing, setEditing] = useState<THouseholdDetail | undefined>(household);
  const [submitting, setSubmitting] = useState(false);
  const [alert, setAlert] = useState<string[]>([]);
  const [isStale, setIsStale] = useState(false);
  const alertsRef = useRef<HTMLDivElement>(null);
  // A refusal shown at the top of a long form: bring it into view (field errors scroll to their field).
  useEffect(() => {
    if (isStale || alert.length > 0) alertsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [isStale, alert]);
  const workerType = Form.useWatch('workerType', form);
  const accountMasked = Form.useWatch(['bank', 'accountMasked'], form) as string | undefined;

  useEffect(() => {
    if (!open) return;
    setEditing(household);
    setAlert([]);
    setIsStale(false);
    form.resetFields();
    form.setFieldsValue(household ? valuesFromDetail(household) : EMPTY);
  }, [open, household, form]);

  const reload = async () => {
    if (!editing) return;
    const fresh = await fetchHousehold(editing.id);
    setEditing(fresh);
    form.resetFields();
    form.setFieldsValue(valuesFromDetail(fresh));
    setIsStale(false);
    setAlert([]);
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    // validateFields returns only registered fields: the hidden ones (ids on file, masks) come from the store.
    const all = form.getFieldsValue(true) as HouseholdFormValues;
    setSubmitting(true);
    setAlert([]);
    setIsStale(false);
    try {
      const body = householdBody(all, { editing: editing !== undefined });
      const saved = editing
        ? await updateHousehold(editing.id, { expectedVersion: editing.version, ...body })
        : await createHousehold({ membershipId: all.membershipId!, ...body });
      void message.success(t(editing ? 'hh.form.saved' : 'hh.form.created', { tier: HARDSHIP_TIER_LABELS[saved.classification.tier] }));
      onSaved(saved);
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      // Someone else saved meanwhile (STALE_VERSION): offer their version. A file that
      // cannot be edited now (RECORD_FROZEN) is told in the alert like any other refusal.
      if (editing && caught.code === 'STALE_VERSION') {
        setIsStale(true);
        return;
      }
      const { placed, unplaced } = placeFieldErrors(caught, HOUSEHOLD_FORM_FIELDS);
      showFieldErrors(form, placed);
      if (placed[0]) form.scrollToField(placed[0].name);
      setAlert(unplaced.length > 0 ? unplaced : placed.length > 0 ? [t('hh.form.failed')] : [caught.message]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Drawer
      className="hh-form-drawer"
      title={editing ? t('hh.form.editTitle', { name: editing.worker.name }) : t('hh.form.createTitle')}
      open={open}
      onClose={onClose}
      size={860}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('hh.form.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="household-save">
            {t('hh.form.save')}
          </Button>
        </Space>
      }
    >
      <div ref={alertsRef}>
        {isStale && (
          <Alert
            type="warning"
            showIcon
            className="hh-form-alert"
            data-testid="household-stale"
            title={t('hh.form.stale')}
            action={
              <Button size="small" onClick={() => void reload()} data-testid="household-reload">
                {t('hh.form.reload')}
              </Button>
            }
          />
        )}
        {alert.length > 0 && (
          <Alert type="error" showIcon className="hh-form-alert" data-testid="household-form-error" title={alert.join('；')} />
        )}
      </div>
      <Form<HouseholdFormValues> form={form} layout="vertical" requiredMark={false} data-testid="household-form" scrollToFirstError>
        <Divider titlePlacement="start">{t('hh.form.section.worker')}</Divider>
        <Row gutter={12}>
          {!editing && (
            <Col span={24}>
              <Form.Item name="membershipId" label={t('hh.field.member')} rules={[{ required: true, message: t('hh.field.memberRequired') }]}>
                <MemberPicker id="household-member" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={8}>
            <Form.Item name="workerType" label={t('hh.field.workerType')}>
              <Radio.Group id="household-worker-type" options={optionsOf(WORKER_TYPE_LABELS)} optionType="button" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            {workerType === 'migrant_worker' && (
              <Form.Item name="laborRelationMonths" label={t('hh.field.laborRelationMonths')} rules={[{ required: true, message: t('hh.field.laborRelationMonthsRequired') }]}>
                <InputNumber id="household-labor-months" min={0} max={600} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="dibaoArea" label={t('hh.field.dibaoArea')}>
              <Radio.Group id="household-dibao-area" options={optionsOf(DIBAO_AREA_LABELS)} optionType="button" />
            </Form.Item>
          </Col>
          <HealthFields name={['worker']} path={['worker']} idPrefix="worker" />
          <Col xs={12} md={6}>
            <Form.Item name={['worker', 'annualIncome']} label={t('hh.field.income')}>
              {money('worker-income')}
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('hh.form.section.members')}</Divider>
        <HouseholdMembersEditor />

        <Divider titlePlacement="start">{t('hh.form.section.figures')}</Divider>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="annualIncome" label={t('hh.field.annualIncome')} rules={[{ required: true, message: t('hh.field.annualIncomeRequired') }]}>
              {money('household-annual-income')}
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['rigidExpenses', 'medical']} label={t('hh.field.rigid.medical')}>
              {money('household-rigid-medical')}
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['rigidExpenses', 'education']} label={t('hh.field.rigid.education')}>
              {money('household-rigid-education')}
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['rigidExpenses', 'disability']} label={t('hh.field.rigid.disability')}>
              {money('household-rigid-disability')}
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['rigidExpenses', 'jobCosts']} label={t('hh.field.rigid.jobCosts')}>
              {money('household-rigid-job')}
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="suddenCosts" label={t('hh.field.suddenCosts')}>
              {money('household-sudden-costs')}
            </Form.Item>
          </Col>
          <Col xs={12} md={16}>
            <Form.Item name="suddenEvent" label={t('hh.field.suddenEvent')}>
              <Select id="household-sudden-event" allowClear placeholder={t('hh.none')} options={optionsOf(SUDDEN_EVENT_LABELS)} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('hh.form.section.causes')}</Divider>
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item name="mainCause" label={t('hh.field.mainCause')} rules={[{ required: true, message: t('hh.field.mainCauseRequired') }]}>
              <Select id="household-main-cause" options={optionsOf(HARDSHIP_CAUSE_LABELS)} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={16}>
            <Form.Item name="secondaryCauses" label={t('hh.field.secondaryCauses')}>
              <Select id="household-secondary-causes" mode="multiple" allowClear options={optionsOf(HARDSHIP_CAUSE_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="exclusions" label={t('hh.field.exclusions')}>
              <Select id="household-exclusions" mode="multiple" allowClear placeholder={t('hh.none')} options={optionsOf(EXCLUSION_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['declaredProperty', 'vehicles']} label={t('hh.field.vehicles')}>
              <InputNumber id="household-vehicles" min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['declaredProperty', 'houses']} label={t('hh.field.houses')}>
              <InputNumber id="household-houses" min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('hh.form.section.bank')}</Divider>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name={['bank', 'bankName']} label={t('hh.field.bankName')}>
              <Input id="household-bank-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name={['bank', 'accountNumber']}
              label={t('hh.field.accountNumber')}
              extra={accountMasked ? t('hh.field.accountKeep', { masked: accountMasked }) : t('hh.field.accountHint')}
            >
              {/* Write-only: never filled from the server, not kept by the browser's autofill. */}
              <Input id="household-bank-account" maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
