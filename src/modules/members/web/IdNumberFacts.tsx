import { Col, Form, Input } from 'antd';
import { t } from '../../../web/i18n';
import { GENDER_LABELS } from '../vocabulary';
import { parseIdNumber } from '../person-checks';

/** 性别 and 出生日期 read from a valid 公民身份号码 (GB 11643), shown read-only; nothing while the number is invalid. */
export function IdNumberFacts({ idNumber }: { idNumber: string | undefined }) {
  const parsed = idNumber ? parseIdNumber(idNumber) : undefined;
  if (!parsed?.ok) return null;
  return (
    <>
      <Col span={6}>
        <Form.Item label={t('members.field.gender')}>
          <Input id="apply-gender" value={GENDER_LABELS[parsed.value.gender]} readOnly variant="filled" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item label={t('members.field.birthDate')}>
          <Input id="apply-birth-date" value={parsed.value.birthDate} readOnly variant="filled" />
        </Form.Item>
      </Col>
    </>
  );
}
