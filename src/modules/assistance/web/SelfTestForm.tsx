import { Button, Card, Checkbox, Col, Form, type FormInstance, InputNumber, type InputNumberProps, Radio, Row, Select } from 'antd';
import { t } from '../../../web/i18n';
import { EXCLUSION_LABELS, SUDDEN_EVENT_LABELS, type TStandardRegion } from '../contract';
import type { SelfTestValues } from './self-test-values';

const MONEY_LIMIT = 100_000_000;

const exclusionOptions = Object.entries(EXCLUSION_LABELS).map(([value, label]) => ({ value, label }));
const suddenEventOptions = [
  { value: 'none', label: t('selfTest.suddenEventNone') },
  ...Object.entries(SUDDEN_EVENT_LABELS).map(([value, label]) => ({ value, label })),
];

/** A sum of yuan: numeric keyboard on phones, never negative. Takes the value and onChange Form.Item gives. */
function MoneyInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      min={0}
      max={MONEY_LIMIT}
      step={100}
      inputMode="decimal"
      placeholder="0"
      suffix={t('selfTest.yuan')}
      className="self-test-number"
      {...props}
    />
  );
}

const recentYears = () => {
  const year = new Date().getFullYear();
  return [year, year - 1, year - 2, year - 3].map((value) => ({ value, label: `${value} 年` }));
};

export type SelfTestFormProps = {
  form: FormInstance<SelfTestValues>;
  regions: readonly TStandardRegion[];
  regionsLoading: boolean;
  submitting: boolean;
  onSubmit: (values: SelfTestValues) => void;
  onChange: () => void;
};

/** The household's figures, in four short cards, one column on a phone. */
export function SelfTestForm({ form, regions, regionsLoading, submitting, onSubmit, onChange }: SelfTestFormProps) {
  const isMigrantWorker = Form.useWatch('isMigrantWorker', form);
  const initialValues: SelfTestValues = {
    year: new Date().getFullYear(),
    suddenEvent: 'none',
    isMigrantWorker: false,
    exclusions: [],
  };
  return (
    <Form<SelfTestValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={initialValues}
      onFinish={onSubmit}
      onValuesChange={onChange}
      scrollToFirstError={{ block: 'center' }}
      className="self-test-form"
    >
      <Card size="small" title={t('selfTest.section.basic')} className="self-test-card">
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item
              label={t('selfTest.region')}
              name="region"
              dependencies={['dibao']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value) => {
                    if (!value && (getFieldValue('dibao') === null || getFieldValue('dibao') === undefined)) {
                      throw new Error(t('selfTest.regionRequired'));
                    }
                  },
                }),
              ]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                loading={regionsLoading}
                placeholder={t('selfTest.regionPlaceholder')}
                options={regions.map((region) => ({ value: region.code, label: region.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('selfTest.year')} name="year">
              <Select options={recentYears()} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item
              label={t('selfTest.householdSize')}
              name="householdSize"
              rules={[{ required: true, message: t('selfTest.householdSizeRequired') }]}
            >
              <InputNumber min={1} max={30} precision={0} inputMode="numeric" suffix={t('selfTest.persons')} className="self-test-number" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              label={t('selfTest.annualIncome')}
              name="annualIncome"
              extra={t('selfTest.annualIncomeHint')}
              rules={[{ required: true, message: t('selfTest.annualIncomeRequired') }]}
            >
              <MoneyInput />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('selfTest.section.rigid')} className="self-test-card">
        <p className="self-test-hint">{t('selfTest.section.rigidHint')}</p>
        <Row gutter={12}>
          {(['medical', 'education', 'disability', 'jobCosts'] as const).map((part) => (
            <Col xs={24} sm={12} key={part}>
              <Form.Item label={t(`selfTest.${part}`)} name={['rigidExpenses', part]}>
                <MoneyInput />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>

      <Card size="small" title={t('selfTest.section.sudden')} className="self-test-card">
        <Form.Item label={t('selfTest.suddenCosts')} name="suddenCosts" extra={t('selfTest.suddenCostsHint')}>
          <MoneyInput />
        </Form.Item>
        <Form.Item label={t('selfTest.suddenEvent')} name="suddenEvent" className="self-test-last-item">
          <Radio.Group options={suddenEventOptions} className="self-test-choices" />
        </Form.Item>
      </Card>

      <Card size="small" title={t('selfTest.section.other')} className="self-test-card">
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item label={t('selfTest.migrant')} name="isMigrantWorker">
              <Radio.Group
                optionType="button"
                options={[
                  { value: false, label: t('selfTest.no') },
                  { value: true, label: t('selfTest.yes') },
                ]}
              />
            </Form.Item>
          </Col>
          {isMigrantWorker && (
            <Col xs={24} sm={14}>
              <Form.Item
                label={t('selfTest.laborMonths')}
                name="laborRelationMonths"
                rules={[{ required: true, message: t('selfTest.laborMonthsRequired') }]}
              >
                <InputNumber min={0} max={600} precision={0} inputMode="numeric" suffix={t('selfTest.months')} className="self-test-number" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item label={t('selfTest.exclusions')} name="exclusions">
          <Checkbox.Group options={exclusionOptions} className="self-test-choices" />
        </Form.Item>
        <Form.Item label={t('selfTest.dibao')} name="dibao" extra={t('selfTest.dibaoHint')} className="self-test-last-item">
          <MoneyInput suffix={t('selfTest.yuanPerMonth')} />
        </Form.Item>
      </Card>

      <Button type="primary" htmlType="submit" size="large" block loading={submitting} className="self-test-submit">
        {submitting ? t('selfTest.submitting') : t('selfTest.submit')}
      </Button>
    </Form>
  );
}
