import { Alert, Button, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import {
  creditCodeProblem,
  INDUSTRY_LABELS,
  type IndustryCode,
  type OrgType,
  orgTypeLabel,
  regionCodeProblem,
  type TEditOrgRequest,
  type TOrgDetail,
  type TOrgFields,
  UNIT_CATEGORY_LABELS,
  type UnitCategory,
} from '../contract';
import { childTypesOf } from '../type-rules';
import { createOrg, editOrg } from './api';

type FormValues = {
  name: string;
  shortName?: string;
  type: OrgType;
  code?: string;
  creditCode?: string;
  employerName?: string;
  employerCreditCode?: string;
  regionCode?: string;
  industryCode?: IndustryCode;
  unitCategory?: UnitCategory;
  address?: string;
  establishedOn?: Dayjs | null;
  chairName?: string;
  contactName?: string;
  contactPhone?: string;
  clearPhone?: boolean;
  employeeCount?: number | null;
  womenCount?: number | null;
  migrantCount?: number | null;
};

const FIELDS: readonly (keyof FormValues)[] = [
  'name', 'shortName', 'type', 'code', 'creditCode', 'employerName', 'employerCreditCode', 'regionCode', 'industryCode',
  'unitCategory', 'address', 'establishedOn', 'chairName', 'contactName', 'contactPhone', 'employeeCount', 'womenCount', 'migrantCount',
];

const INDUSTRY_OPTIONS = Object.entries(INDUSTRY_LABELS).map(([value, label]) => ({ value, label: `${value} ${label}` }));
const CATEGORY_OPTIONS = Object.entries(UNIT_CATEGORY_LABELS).map(([value, label]) => ({ value, label: `${value} ${label}` }));

/** The same checks the server runs (contract.ts), so the first message comes from the form itself. */
const codeRule = (field: 'creditCode' | 'employerCreditCode'): Rule => ({
  validator: async (_rule, value: string | undefined) => {
    const problem = value?.trim() ? creditCodeProblem(value, field) : undefined;
    if (problem) throw new Error(problem);
  },
});
const regionRule: Rule = {
  validator: async (_rule, value: string | undefined) => {
    const problem = value?.trim() ? regionCodeProblem(value) : undefined;
    if (problem) throw new Error(problem);
  },
};
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const phoneRule: Rule = {
  validator: async (_rule, value: string | undefined) => {
    const digits = (value ?? '').replace(/[\s-]/g, '');
    if (digits && !MOBILE.test(digits)) throw new Error(t('orgs.form.phoneInvalid'));
  },
};
const withinTotal = (field: 'womenCount' | 'migrantCount'): Rule => ({ getFieldValue }) => ({
  validator: async (_rule, value: number | null | undefined) => {
    const total = getFieldValue('employeeCount') as number | null | undefined;
    if (value !== null && value !== undefined && total !== null && total !== undefined && value > total) {
      throw new Error(t('orgs.form.countExceeds', { field: t(`orgs.field.${field}`) }));
    }
  },
});

const blank = (value: string | undefined) => !value || value.trim() === '';

/** The registry fields to send: create leaves blanks out; edit clears them (null). */
function toRequest(values: FormValues, editing: boolean): Partial<TOrgFields> {
  const text = (value: string | undefined) => (blank(value) ? (editing ? null : undefined) : value!.trim());
  const number = (value: number | null | undefined) => (value === null || value === undefined ? (editing ? null : undefined) : value);
  const request: Partial<TOrgFields> = {
    name: values.name.trim(),
    type: values.type,
    shortName: text(values.shortName),
    creditCode: text(values.creditCode),
    employerName: text(values.employerName),
    employerCreditCode: text(values.employerCreditCode),
    regionCode: text(values.regionCode),
    industryCode: values.industryCode ?? (editing ? null : undefined),
    unitCategory: values.unitCategory ?? (editing ? null : undefined),
    address: text(values.address),
    establishedOn: values.establishedOn ? values.establishedOn.format('YYYY-MM-DD') : editing ? null : undefined,
    chairName: text(values.chairName),
    contactName: text(values.contactName),
    // A blank phone keeps the stored one (it is never sent back to the browser); the box clears it.
    contactPhone: values.clearPhone ? null : blank(values.contactPhone) ? undefined : values.contactPhone!.trim(),
    employeeCount: number(values.employeeCount),
    womenCount: number(values.womenCount),
    migrantCount: number(values.migrantCount),
  };
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}

function initialValues(unit: TOrgDetail | undefined, types: readonly OrgType[]): Partial<FormValues> {
  if (!unit) return { type: types.includes('grassroots') ? 'grassroots' : types[0] };
  return {
    name: unit.name,
    shortName: unit.shortName ?? undefined,
    type: unit.type as OrgType,
    creditCode: unit.creditCode ?? undefined,
    employerName: unit.employerName ?? undefined,
    employerCreditCode: unit.employerCreditCode ?? undefined,
    regionCode: unit.regionCode ?? undefined,
    industryCode: (unit.industryCode as IndustryCode | null) ?? undefined,
    unitCategory: (unit.unitCategory as UnitCategory | null) ?? undefined,
    address: unit.address ?? undefined,
    establishedOn: unit.establishedOn ? dayjs(unit.establishedOn) : null,
    chairName: unit.chairName ?? undefined,
    contactName: unit.contactName ?? undefined,
    employeeCount: unit.employeeCount,
    womenCount: unit.womenCount,
    migrantCount: unit.migrantCount,
  };
}

export type OrgFormTarget =
  | { mode: 'create'; parent: TOrgDetail }
  | { mode: 'edit'; unit: TOrgDetail; parentType: string | undefined; isOwnUnit: boolean };

/** 新建下级组织 / 编辑: the registry fields in a drawer, checked inline, server messages shown at their field. */
export function OrgFormDrawer({
  target,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget | undefined;
  onClose: () => void;
  onSaved: (unit: TOrgDetail, mode: 'create' | 'edit') => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const editing = target?.mode === 'edit';
  const unit = target?.mode === 'edit' ? target.unit : undefined;

  const typeOptions = useMemo(() => {
    if (!target) return [];
    if (target.mode === 'create') return childTypesOf(target.parent.type);
    const allowed = target.parentType ? childTypesOf(target.parentType) : [];
    return allowed.includes(target.unit.type as OrgType) ? allowed : [target.unit.type as OrgType, ...allowed];
  }, [target]);
  const typeLocked = target?.mode === 'edit' && (target.isOwnUnit || !target.parentType);

  const initial = useMemo(() => initialValues(unit, typeOptions), [unit, typeOptions]);
  useEffect(() => setError(undefined), [target]);

  const close = () => {
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    if (!target) return;
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      setError(t('orgs.form.fixErrors'));
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const fields = toRequest(values, editing);
      const saved =
        target.mode === 'create'
          ? await createOrg({ ...(fields as TOrgFields), parentId: target.parent.id, ...(blank(values.code) ? {} : { code: values.code!.trim() }) })
          : await editOrg(target.unit.id, { ...fields, updatedAt: target.unit.updatedAt } as TEditOrgRequest);
      onSaved(saved, target.mode);
    } catch (caught) {
      const field = isApiError(caught) ? caught.field : undefined;
      const message = isApiError(caught) ? caught.message : t('page.loadFailed');
      if (field && (FIELDS as readonly string[]).includes(field)) {
        form.setFields([{ name: field as keyof FormValues, errors: [message] }]);
        form.scrollToField(field as keyof FormValues);
      } else {
        setError(message);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const title = !target
    ? ''
    : target.mode === 'create'
      ? t('orgs.form.createTitle', { parent: target.parent.name })
      : t('orgs.form.editTitle', { name: target.unit.name });

  return (
    <Drawer
      title={title}
      open={target !== undefined}
      onClose={close}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="org-form-submit">
            {editing ? t('orgs.form.submitEdit') : t('orgs.form.submitCreate')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="org-form-error" />}
      <Form
        key={unit ? `edit-${unit.id}-${unit.updatedAt}` : 'create'}
        form={form}
        layout="vertical"
        requiredMark={false}
        size="middle"
        initialValues={initial}
        data-testid="org-form"
        scrollToFirstError
      >
        <Divider titlePlacement="start" plain>
          {t('orgs.form.section.basic')}
        </Divider>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={t('orgs.field.name')} rules={[{ required: true, whitespace: true, message: t('orgs.form.nameRequired') }]}>
              <Input id="org-name" maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="shortName" label={t('orgs.field.shortName')}>
              <Input id="org-short-name" maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="type"
              label={t('orgs.field.type')}
              rules={[{ required: true, message: t('orgs.form.typeRequired') }]}
              extra={typeLocked ? t('orgs.form.typeLocked') : undefined}
            >
              <Select id="org-type" disabled={typeLocked} options={typeOptions.map((type) => ({ value: type, label: orgTypeLabel(type) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {editing ? (
              <Form.Item label={t('orgs.field.code')}>
                <Input value={unit?.code} disabled className="mono" />
              </Form.Item>
            ) : (
              <Form.Item
                name="code"
                label={t('orgs.field.code')}
                normalize={(value: string) => value.toUpperCase()}
                rules={[{ pattern: /^[A-Z0-9][A-Z0-9-]{1,39}$/, message: t('orgs.form.codeInvalid') }]}
              >
                <Input id="org-code" className="mono" maxLength={40} placeholder={t('orgs.form.codePlaceholder')} autoComplete="off" />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="creditCode" label={t('orgs.form.creditCode')} rules={[codeRule('creditCode')]} validateDebounce={300}>
              <Input id="org-credit-code" className="mono" maxLength={24} placeholder={t('orgs.form.creditCodePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('orgs.field.regionCode')} rules={[regionRule]} validateDebounce={300}>
              <Input id="org-region-code" className="mono" maxLength={8} placeholder={t('orgs.form.regionCodePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="establishedOn" label={t('orgs.field.establishedOn')}>
              <DatePicker id="org-established-on" style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('orgs.form.section.employer')}
        </Divider>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="employerName" label={t('orgs.field.employerName')}>
              <Input id="org-employer-name" maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerCreditCode" label={t('orgs.field.employerCreditCode')} rules={[codeRule('employerCreditCode')]} validateDebounce={300}>
              <Input id="org-employer-credit-code" className="mono" maxLength={24} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('orgs.field.industryCode')}>
              <Select id="org-industry" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('orgs.form.selectPlaceholder')} options={INDUSTRY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitCategory" label={t('orgs.field.unitCategory')}>
              <Select id="org-unit-category" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('orgs.form.selectPlaceholder')} options={CATEGORY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('orgs.field.address')}>
              <Input id="org-address" maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('orgs.form.section.people')}
        </Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="chairName" label={t('orgs.field.chairName')}>
              <Input id="org-chair-name" maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactName" label={t('orgs.field.contactName')}>
              <Input id="org-contact-name" maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="contactPhone"
              label={t('orgs.field.contactPhone')}
              rules={[phoneRule]}
              extra={unit?.contactPhoneMasked ? t('orgs.form.phoneKept', { masked: unit.contactPhoneMasked }) : undefined}
            >
              <Input id="org-contact-phone" inputMode="tel" maxLength={20} placeholder={t('orgs.form.phonePlaceholder')} autoComplete="off" />
            </Form.Item>
            {unit?.contactPhoneMasked && (
              <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
                <Checkbox>{t('orgs.form.clearPhone')}</Checkbox>
              </Form.Item>
            )}
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('orgs.form.section.counts')}
        </Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="employeeCount" label={t('orgs.field.employeeCount')}>
              <InputNumber id="org-employee-count" min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="womenCount" label={t('orgs.field.womenCount')} dependencies={['employeeCount']} rules={[withinTotal('womenCount')]}>
              <InputNumber id="org-women-count" min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="migrantCount" label={t('orgs.field.migrantCount')} dependencies={['employeeCount']} rules={[withinTotal('migrantCount')]}>
              <InputNumber id="org-migrant-count" min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
