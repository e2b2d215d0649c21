import { AutoComplete, Button, DatePicker, Drawer, Form, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { COMMON_UNION_DEPARTMENTS, MEASURE_CADENCE_LABELS, MEASURE_CADENCES, type TMeasureCadence, type TOrgRef, type TPlanDetail, type TPlanMeasureNode } from '../contract';
import { assignMeasure } from './api';
import { measureLabel } from './plan-format';

/** The usual departments to pick from; a name not on the list may still be typed. */
const DEPARTMENT_OPTIONS = COMMON_UNION_DEPARTMENTS.map((name) => ({ value: name as string, label: name as string }));

type Values = { leadDepartment?: string; coOwners: string[]; responsibleOrgUnitIds: number[]; deadline?: Dayjs | null; cadence?: TMeasureCadence | null };
const FIELDS = ['leadDepartment', 'coOwners', 'responsibleOrgUnitIds', 'deadline', 'cadence'];

/** 分工: lead department, co-owners, responsible unions, deadline and cadence of one measure (at the measure's version). */
export function AssignmentDrawer({
  measure,
  units,
  onDone,
  onClose,
}: {
  measure: TPlanMeasureNode | undefined;
  /** The unions one may name: those the plan was issued to, and the union's direct subordinates. */
  units: TOrgRef[];
  onDone: (plan: TPlanDetail) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!measure) return;
    const assignment = measure.assignment;
    form.resetFields();
    form.setFieldsValue({
      leadDepartment: assignment.leadDepartment ?? undefined,
      coOwners: assignment.coOwners,
      responsibleOrgUnitIds: assignment.responsibleUnits.map((unit) => unit.id),
      deadline: assignment.deadline ? dayjs(assignment.deadline) : null,
      cadence: assignment.cadence,
    });
  }, [measure, form]);

  const options = [...new Map([...units, ...(measure?.assignment.responsibleUnits ?? [])].map((unit) => [unit.id, unit])).values()].map((unit) => ({ value: unit.id, label: unit.name }));

  const submit = async () => {
    if (!measure) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const plan = await assignMeasure(measure.id, {
        version: measure.version,
        leadDepartment: values.leadDepartment?.trim() || null,
        coOwners: values.coOwners ?? [],
        responsibleOrgUnitIds: values.responsibleOrgUnitIds ?? [],
        deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
        cadence: values.cadence ?? null,
      });
      onDone(plan);
      onClose();
    } catch (caught) {
      const field = isApiError(caught) ? caught.field?.split('.')[0] : undefined;
      form.setFields([{ name: (field && FIELDS.includes(field) ? field : 'leadDepartment') as keyof Values, errors: [isApiError(caught) ? caught.message : t('page.loadFailed')] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={measure !== undefined}
      onClose={onClose}
      size={520}
      title={measure ? t('plans.assign.title', { measure: measureLabel(measure) }) : ''}
      destroyOnHidden
      className="plans-assign-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="assign-save">
            {t('plans.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="leadDepartment" label={t('plans.assign.lead')} rules={[{ max: 100, message: t('plans.assign.leadTooLong') }]}>
          <AutoComplete
            id="assign-lead"
            options={DEPARTMENT_OPTIONS}
            filterOption={(input, option) => option?.value.includes(input.trim()) ?? false}
            placeholder={t('plans.assign.leadPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="coOwners" label={t('plans.assign.coOwners')} rules={[{ type: 'array', max: 20, message: t('plans.assign.coOwnersTooMany') }]}>
          <Select id="assign-co-owners" mode="tags" tokenSeparators={['，', ',', '、']} options={DEPARTMENT_OPTIONS} placeholder={t('plans.assign.coOwnersPlaceholder')} />
        </Form.Item>
        <Form.Item name="responsibleOrgUnitIds" label={t('plans.assign.units')}>
          <Select id="assign-units" mode="multiple" options={options} optionFilterProp="label" placeholder={t('plans.assign.unitsPlaceholder')} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="deadline" label={t('plans.assign.deadline')}>
            <DatePicker id="assign-deadline" />
          </Form.Item>
          <Form.Item name="cadence" label={t('plans.assign.cadence')}>
            <Select id="assign-cadence" allowClear style={{ width: 160 }} options={MEASURE_CADENCES.map((value) => ({ value, label: MEASURE_CADENCE_LABELS[value] }))} />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
