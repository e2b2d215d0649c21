import { Alert, App, Button, Checkbox, Col, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { OrgTreeSelect, useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TCampaignDetail } from '../aid-contract';
import { AID_CATEGORY_LABELS, AID_KIND_LABELS, EDUCATION_STAGE_LABELS, FUNDING_SOURCE_LABELS } from '../aid-vocabulary';
import { HARDSHIP_TIER_LABELS } from '../contract';
import { createCampaign } from './aid-api';
import { beijingToday, type CampaignValues, campaignBody, placeCampaignErrors } from './aid-form-values';
import { showFieldErrors } from '../../../web/forms/field-errors';
import { optionsOf } from './household-tags';

const money = (id: string) => <InputNumber id={id} min={0} precision={2} style={{ width: '100%' }} />;

/**
 * 新建批量帮扶活动 (送温暖 for a holiday, 金秋助学 …): name, category, source,
 * the standard per household (and per tier if it differs), the budget, the
 * day and the paying union (the caller's own by default). The list is chosen
 * on the campaign's page.
 */
export function CampaignFormDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (campaign: TCampaignDetail) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const orgRoot = useScopeRoot(me.permissions.includes('orgs.read'));
  const [form] = Form.useForm<CampaignValues>();
  const [submitting, setSubmitting] = useState(false);
  const [alert, setAlert] = useState<string | undefined>();
  const category = Form.useWatch('category', form);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    setAlert(undefined);
    form.resetFields();
    form.setFieldsValue({ payingOrgUnitId: me.org.id, category: 'warmth', kind: 'cash', aidDate: beijingToday() });
  }, [open, me.org.id, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSubmitting(true);
    setAlert(undefined);
    try {
      const saved = await createCampaign(campaignBody(values));
      void message.success(t('campaign.form.saved'));
      onSaved(saved);
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      const { placed, unplaced } = placeCampaignErrors(caught);
      showFieldErrors(form, placed);
      setAlert(unplaced.length > 0 ? unplaced.join('；') : undefined);
    } finally {
      setSubmitting(false);
    }
  };

  const requiredRule = (label: string) => [{ required: true, message: t('aid.form.required', { label }) }];
  return (
    <Drawer
      className="campaign-form-drawer"
      title={t('campaign.form.title')}
      open={open}
      onClose={onClose}
      size={680}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('aid.form.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="campaign-save">
            {t('campaign.form.save')}
          </Button>
        </Space>
      }
    >
      {alert && <Alert type="error" showIcon className="hh-form-alert" data-testid="campaign-form-error" title={alert} />}
      <Form<CampaignValues> form={form} layout="vertical" requiredMark={false} data-testid="campaign-form">
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item name="name" label={t('campaign.form.name')} rules={[{ required: true, whitespace: true, message: t('aid.form.required', { label: t('campaign.form.name') }) }]}>
              <Input id="campaign-name" maxLength={100} placeholder={t('campaign.form.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('aid.form.category')} rules={requiredRule(t('aid.form.category'))}>
              <Select id="campaign-category" options={optionsOf(AID_CATEGORY_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fundingSource" label={t('aid.form.source')} rules={requiredRule(t('aid.form.source'))}>
              <Select id="campaign-source" options={optionsOf(FUNDING_SOURCE_LABELS)} />
            </Form.Item>
          </Col>
          {category === 'education' && (
            <>
              <Col span={12}>
                <Form.Item name="isGoldenAutumn" label=" " valuePropName="checked">
                  <Checkbox id="campaign-golden-autumn">{t('aid.form.goldenAutumn')}</Checkbox>
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="educationStage" label={t('aid.form.stage')} rules={requiredRule(t('aid.form.stage'))}>
                  <Select id="campaign-stage" options={optionsOf(EDUCATION_STAGE_LABELS)} popupMatchSelectWidth={false} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={kind === 'in_kind' ? 10 : 24}>
            <Form.Item name="kind" label={t('aid.form.kind')}>
              <Radio.Group id="campaign-kind" options={optionsOf(AID_KIND_LABELS)} optionType="button" />
            </Form.Item>
          </Col>
          {kind === 'in_kind' && (
            <Col span={14}>
              <Form.Item name="itemDescription" label={t('aid.form.item')} rules={[{ required: true, whitespace: true, message: t('aid.form.required', { label: t('aid.form.item') }) }]}>
                <Input id="campaign-item" maxLength={200} />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="standardAmount" label={t('campaign.form.standard')} rules={requiredRule(t('campaign.form.standard'))}>
              {money('campaign-standard')}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="budget" label={t('campaign.form.budget')} rules={requiredRule(t('campaign.form.budget'))}>
              {money('campaign-budget')}
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('campaign.form.tierAmounts')}</Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="deepAmount" label={HARDSHIP_TIER_LABELS.deep}>
              {money('campaign-tier-deep')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="relativeAmount" label={HARDSHIP_TIER_LABELS.relative}>
              {money('campaign-tier-relative')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="accidentAmount" label={HARDSHIP_TIER_LABELS.accident}>
              {money('campaign-tier-accident')}
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="aidDate" label={t('campaign.form.date')} rules={requiredRule(t('campaign.form.date'))}>
              <Input id="campaign-date" type="date" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="payingOrgUnitId" label={t('aid.form.payingUnion')} rules={requiredRule(t('aid.form.payingUnion'))}>
              {orgRoot ? <OrgTreeSelect id="campaign-paying-union" root={orgRoot} /> : <Select id="campaign-paying-union" options={[{ value: me.org.id, label: me.org.name }]} />}
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
