import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, Radio, Row, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { OrgTreeSelect, useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { type EmploymentForm, MEMBERSHIP_HOLDER_TYPES } from '../contract';
import { parseIdNumber, parseMobile } from '../person-checks';
import type { Education, Ethnicity, HouseholdType, PoliticalStatus } from '../vocabulary';
import { applyForMembership, type TApplyRequest } from './api';
import { placeServerError } from './form-errors';
import { IdNumberFacts } from './IdNumberFacts';
import { JOIN_CHANNELS, type JoinChannel, joinChannelLabel } from './member-labels';
import {
  EDUCATION_OPTIONS,
  EMPLOYMENT_FORM_OPTIONS,
  ETHNICITY_OPTIONS,
  HOUSEHOLD_TYPE_OPTIONS,
  isGigForm,
  POLITICAL_STATUS_OPTIONS,
} from './profile-options';

type ApplyFormValues = {
  idNumber: string;
  name: string;
  phone?: string;
  ethnicity?: Ethnicity;
  education?: Education;
  politicalStatus?: PoliticalStatus;
  householdType?: HouseholdType;
  employmentForm?: EmploymentForm;
  employer?: string;
  platform?: string;
  occupation?: string;
  appliedOn: Dayjs;
  channel: JoinChannel;
  orgUnitId: number;
};

const FIELDS: readonly (keyof ApplyFormValues)[] = [
  'idNumber', 'name', 'phone', 'ethnicity', 'education', 'politicalStatus', 'householdType', 'employmentForm',
  'employer', 'platform', 'occupation', 'appliedOn', 'channel', 'orgUnitId',
];

const isHolder = (type: string) => (MEMBERSHIP_HOLDER_TYPES as readonly string[]).includes(type);

/** The server's checks (person-record.ts), run as the user types. */
const idNumberRule: Rule = {
  validator: async (_rule, value: string | undefined) => {
    const parsed = parseIdNumber(value ?? '');
    if (!parsed.ok) throw new Error(parsed.message);
  },
};
const mobileRule: Rule = {
  validator: async (_rule, value: string | undefined) => {
    if (!value?.trim()) return;
    const parsed = parseMobile(value);
    if (!parsed.ok) throw new Error(parsed.message);
  },
};

const text = (value: string | undefined) => value?.trim() || null;

function toRequest(values: ApplyFormValues): TApplyRequest {
  return {
    orgUnitId: values.orgUnitId,
    channel: values.channel,
    appliedOn: values.appliedOn.format('YYYY-MM-DD'),
    profile: {
      idNumber: values.idNumber.trim(),
      name: values.name.trim(),
      phone: text(values.phone),
      ethnicity: values.ethnicity ?? null,
      education: values.education ?? null,
      politicalStatus: values.politicalStatus ?? null,
      householdType: values.householdType ?? null,
      employmentForm: values.employmentForm ?? null,
      employer: text(values.employer),
      platform: isGigForm(values.employmentForm) ? text(values.platform) : null,
      occupation: text(values.occupation),
    },
  };
}

/**
 * 入会登记: a worker's application (会员信息采集登记表), checked as it is typed;
 * the server's refusals land on the field they name. Approval is a second step
 * (members.review) on the member's page.
 */
export function ApplyDrawer({
  open,
  onClose,
  onApplied,
}: {
  open: boolean;
  onClose: () => void;
  onApplied: (membershipId: number, name: string) => void;
}) {
  const me = useMe();
  const [form] = Form.useForm<ApplyFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const canBrowseOrgs = me.permissions.includes('orgs.read');
  const root = useScopeRoot(open && canBrowseOrgs);
  const idNumber = Form.useWatch('idNumber', form);
  const employmentForm = Form.useWatch('employmentForm', form);

  const close = () => {
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    let values: ApplyFormValues;
    try {
      values = await form.validateFields();
    } catch {
      setError(t('members.apply.fixErrors'));
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await applyForMembership(toRequest(values));
      onApplied(result.membershipId, values.name.trim());
    } catch (caught) {
      setError(placeServerError(form, caught, FIELDS));
    } finally {
      setSubmitting(false);
    }
  };

  const initialValues: Partial<ApplyFormValues> = {
    appliedOn: dayjs(),
    channel: 'unit',
    orgUnitId: isHolder(me.org.type) ? me.org.id : undefined,
  };

  return (
    <Drawer
      title={t('members.apply.title')}
      open={open}
      onClose={close}
      size={680}
      destroyOnHidden
      rootClassName="apply-drawer"
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="apply-submit">
            {t('members.apply.submit')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} className="apply-error" data-testid="apply-error" />}
      <p className="apply-note">{t('members.apply.privacyNote')}</p>
      <Form form={form} layout="vertical" requiredMark initialValues={initialValues} data-testid="apply-form" scrollToFirstError>
        <Divider titlePlacement="start" plain>
          {t('members.apply.section.person')}
        </Divider>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="idNumber" label={t('members.field.idNumberFull')} required rules={[idNumberRule]}>
              <Input id="apply-id-number" className="mono" maxLength={20} autoComplete="off" placeholder={t('members.apply.idPlaceholder')} />
            </Form.Item>
          </Col>
          <IdNumberFacts idNumber={idNumber} />
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('members.field.name')} rules={[{ required: true, whitespace: true, message: t('members.apply.nameRequired') }]}>
              <Input id="apply-name" maxLength={50} autoComplete="off" placeholder={t('members.apply.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('members.field.mobile')} rules={[mobileRule]}>
              <Input id="apply-phone" className="mono" maxLength={20} autoComplete="off" placeholder={t('members.apply.phonePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="ethnicity" label={t('members.field.ethnicity')}>
              <Select id="apply-ethnicity" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('members.select')} options={ETHNICITY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="politicalStatus" label={t('members.field.politicalStatus')}>
              <Select id="apply-political-status" allowClear placeholder={t('members.select')} options={POLITICAL_STATUS_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="education" label={t('members.field.education')}>
              <Select id="apply-education" allowClear placeholder={t('members.select')} options={EDUCATION_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="householdType" label={t('members.field.householdType')}>
              <Select id="apply-household-type" allowClear placeholder={t('members.select')} options={HOUSEHOLD_TYPE_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('members.apply.section.work')}
        </Divider>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="employmentForm" label={t('members.filter.employmentForm')}>
              <Select id="apply-employment-form" allowClear placeholder={t('members.select')} options={EMPLOYMENT_FORM_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="occupation" label={t('members.field.occupation')}>
              <Input id="apply-occupation" maxLength={50} placeholder={t('members.apply.occupationPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={isGigForm(employmentForm) ? 12 : 24}>
            <Form.Item name="employer" label={t('members.field.employer')}>
              <Input id="apply-employer" maxLength={200} placeholder={t('members.apply.employerPlaceholder')} />
            </Form.Item>
          </Col>
          {isGigForm(employmentForm) && (
            <Col span={12}>
              <Form.Item name="platform" label={t('members.field.platform')}>
                <Input id="apply-platform" maxLength={100} placeholder={t('members.apply.platformPlaceholder')} />
              </Form.Item>
            </Col>
          )}
        </Row>

        <Divider titlePlacement="start" plain>
          {t('members.apply.section.application')}
        </Divider>
        <Form.Item name="orgUnitId" label={t('members.field.holderOrg')} rules={[{ required: true, message: t('members.apply.orgRequired') }]}>
          {canBrowseOrgs ? (
            <OrgTreeSelect id="apply-org" root={root} placeholder={t('members.apply.orgPlaceholder')} disabled={(org) => !isHolder(org.type)} />
          ) : (
            <Select id="apply-org" disabled options={[{ value: me.org.id, label: me.org.name }]} />
          )}
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="appliedOn" label={t('members.field.appliedOn')} rules={[{ required: true, message: t('members.apply.dateRequired') }]}>
              <DatePicker id="apply-applied-on" style={{ width: '100%' }} allowClear={false} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="channel" label={t('members.field.channel')}>
              <Radio.Group id="apply-channel" options={JOIN_CHANNELS.map((value) => ({ value, label: joinChannelLabel(value) }))} optionType="button" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
