import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { t } from '../../../web/i18n';
import { MAX_HOUSEHOLD_SIZE } from '../contract';
import { RELATION_LABELS } from '../vocabulary';
import { HealthFields } from './HealthFields';
import type { MemberFormValue } from './household-form-values';

const RELATION_OPTIONS = Object.entries(RELATION_LABELS)
  .filter(([relation]) => relation !== 'self')
  .map(([value, label]) => ({ value, label }));

/**
 * 家庭成员 other than the main worker: relation, name, ID number (a member on
 * file shows the masked number and keeps it unless a new one is typed), health,
 * employment and income. The server checks the ID numbers and 一户一档.
 */
export function HouseholdMembersEditor() {
  const form = Form.useFormInstance();
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <div className="hh-members" data-testid="household-members-editor">
          {fields.map((field, index) => {
            const onFile = form.getFieldValue(['members', field.name]) as MemberFormValue | undefined;
            return (
              <Card
                key={field.key}
                size="small"
                className="hh-member-card"
                data-testid={`household-member-${index}`}
                title={`${index + 1}. ${onFile?.name || t('hh.field.memberName')}`}
                extra={
                  <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} data-testid={`household-member-remove-${index}`}>
                    {t('hh.form.removeMember')}
                  </Button>
                }
              >
                <Row gutter={12}>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'relation']} label={t('hh.field.relation')} rules={[{ required: true, message: t('hh.field.relationRequired') }]}>
                      <Select id={`member-${index}-relation`} options={RELATION_OPTIONS} popupMatchSelectWidth={false} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'name']} label={t('hh.field.memberName')} rules={[{ required: true, whitespace: true, message: t('hh.field.memberNameRequired') }]}>
                      <Input id={`member-${index}-name`} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'idNumber']}
                      label={t('hh.field.memberIdNumber')}
                      extra={onFile?.id !== undefined && onFile.idNumberMasked ? t('hh.field.memberIdKeep', { masked: onFile.idNumberMasked }) : undefined}
                    >
                      <Input id={`member-${index}-id-number`} maxLength={18} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <HealthFields name={[field.name]} path={['members', field.name]} idPrefix={`member-${index}`} />
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'annualIncome']} label={t('hh.field.income')}>
                      <InputNumber id={`member-${index}-income`} min={0} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_HOUSEHOLD_SIZE - 1}
            onClick={() => add({ illnesses: [], employment: 'employed', annualIncome: 0 })}
            data-testid="household-member-add"
          >
            {t('hh.form.addMember')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
