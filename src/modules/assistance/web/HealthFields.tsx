import { Col, Form, Select } from 'antd';
import { t } from '../../../web/i18n';
import { DISABILITY_GRADE_LABELS, DISABILITY_TYPE_LABELS, EMPLOYMENT_LABELS, ILLNESS_LABELS } from '../vocabulary';
import { optionsOf } from './household-tags';

const GRADE_OPTIONS = Object.entries(DISABILITY_GRADE_LABELS).map(([grade, label]) => ({ value: Number(grade), label }));

/**
 * 健康状况 and 就业状况 of one person of the household, from the controlled
 * vocabulary (vocabulary.ts): serious illnesses, disability type and grade
 * (a grade only with a type), employment. `name` is the person's path in the form.
 */
export function HealthFields({ name, path, idPrefix }: { name: (string | number)[]; path: (string | number)[]; idPrefix: string }) {
  // `name` is relative inside a Form.List; `path` is the same person from the form's root (for watching).
  const form = Form.useFormInstance();
  const disabilityType = Form.useWatch([...path, 'disability', 'type'], form) as string | undefined;
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'illnesses']} label={t('hh.field.illnesses')}>
          <Select id={`${idPrefix}-illnesses`} mode="multiple" allowClear placeholder={t('hh.none')} options={optionsOf(ILLNESS_LABELS)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={[...name, 'disability', 'type']} label={t('hh.field.disabilityType')}>
          <Select id={`${idPrefix}-disability-type`} allowClear placeholder={t('hh.none')} options={optionsOf(DISABILITY_TYPE_LABELS)} popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item
          name={[...name, 'disability', 'grade']}
          label={t('hh.field.disabilityGrade')}
          rules={disabilityType ? [{ required: true, message: t('hh.field.disabilityGradeRequired') }] : []}
        >
          <Select id={`${idPrefix}-disability-grade`} allowClear disabled={!disabilityType} options={GRADE_OPTIONS} popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[...name, 'employment']} label={t('hh.field.employment')}>
          <Select id={`${idPrefix}-employment`} options={optionsOf(EMPLOYMENT_LABELS)} popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
    </>
  );
}
