import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { apiGet, isApiError, withQuery } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { t } from '../../../web/i18n';
import { type TMetricDescription, type TMetricParam, type TMetricValue, ZMetricList, ZMetricValue } from '../../../core/metrics/contract';
import type { TPlanDetail, TPlanIndicator } from '../contract';
import { bindIndicator } from './api';
import { bindingParams, type ParamInput, paramFieldOf, paramInputs } from './metric-binding-form';
import { formatInstant, formatNumber, indicatorLabel } from './plan-format';

type Values = { metricId: string | undefined; params: Record<string, ParamInput> };

const fetchMetrics = () => apiGet('/api/metrics', ZMetricList);
const fetchMetricValue = (metricId: string, orgUnitId: number, params: Record<string, unknown>) =>
  apiGet(withQuery(`/api/metrics/${encodeURIComponent(metricId)}/value`, { orgUnitId, params: JSON.stringify(params) }), ZMetricValue);

function ParamField({ param }: { param: TMetricParam }) {
  const label = param.required ? param.label : `${param.label}${t('plans.binding.optional')}`;
  const required = param.required ? [{ required: true, message: t(param.type === 'enum' ? 'plans.binding.enumRequired' : param.type === 'integer' ? 'plans.binding.integerRequired' : 'plans.binding.textRequired', { label: param.label }) }] : [];
  // Bounds are checked as rules, not by the input's min/max, which would silently clamp 1800 to 1949.
  const bounds = [
    ...(param.min !== undefined ? [{ type: 'number' as const, min: param.min, message: t('plans.binding.tooSmall', { label: param.label, min: param.min }) }] : []),
    ...(param.max !== undefined ? [{ type: 'number' as const, max: param.max, message: t('plans.binding.tooLarge', { label: param.label, max: param.max }) }] : []),
  ];
  const id = `binding-param-${param.name}`;
  return (
    <Form.Item name={['params', param.name]} label={label} rules={[...required, ...bounds]}>
      {param.type === 'enum' ? (
        <Select id={id} allowClear={!param.required} options={param.options ?? []} optionFilterProp="label" showSearch style={{ width: 240 }} />
      ) : param.type === 'integer' ? (
        <InputNumber id={id} precision={0} style={{ width: 160 }} />
      ) : (
        <Input id={id} style={{ width: 240 }} />
      )}
    </Form.Item>
  );
}

/**
 * 绑定统计数据: pick a metric the registry lists (GET /api/metrics, only those
 * the user may read), fill its parameters from their descriptions — enum
 * options carry Chinese labels (src/core/metrics/metric-params.ts) — preview
 * its current value for the measure's union, then bind, or unbind a bound one.
 * The server checks the metric and every parameter again (400 naming it).
 */
export function MetricBindingDialog({ indicator, orgUnit, onDone, onClose }: { indicator: TPlanIndicator | undefined; orgUnit: { id: number; name: string }; onDone: (plan: TPlanDetail) => void; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const open = indicator !== undefined;
  const metrics = useLoad(() => (open ? fetchMetrics() : Promise.resolve([])), [open]);
  const [form] = Form.useForm<Values>();
  const metricId = Form.useWatch('metricId', form);
  const [preview, setPreview] = useState<TMetricValue | undefined>();
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const metric: TMetricDescription | undefined = metrics.data?.find((candidate) => candidate.id === metricId);

  useEffect(() => {
    if (!indicator || !metrics.data) return;
    const binding = indicator.binding;
    const bound = binding ? metrics.data.find((candidate) => candidate.id === binding.metricId) : undefined;
    form.resetFields();
    form.setFieldsValue({ metricId: bound?.id, params: bound && binding ? paramInputs(bound.params, binding.params) : {} });
    setPreview(undefined);
  }, [indicator, metrics.data, form]);

  /** Shows a refusal on the parameter it names, else on the metric choice. */
  const showError = (caught: unknown) => {
    const text = isApiError(caught) ? caught.message : t('page.loadFailed');
    const field = isApiError(caught) && metric ? paramFieldOf(caught.field, metric.params) : undefined;
    form.setFields([{ name: field ? ['params', field] : 'metricId', errors: [text] }]);
  };

  const read = async (): Promise<{ metricId: string; params: Record<string, number | string> } | undefined> => {
    const values = await form.validateFields();
    if (!values.metricId || !metric) return undefined;
    return { metricId: values.metricId, params: bindingParams(metric.params, values.params ?? {}) };
  };

  const runPreview = async () => {
    const chosen = await read();
    if (!chosen) return;
    setPreviewing(true);
    try {
      setPreview(await fetchMetricValue(chosen.metricId, orgUnit.id, chosen.params));
    } catch (caught) {
      setPreview(undefined);
      showError(caught);
    } finally {
      setPreviewing(false);
    }
  };

  const bind = async () => {
    const chosen = await read();
    if (!chosen || !indicator) return;
    setSaving(true);
    try {
      onDone(await bindIndicator(indicator.id, chosen));
      void message.success(t('plans.binding.bound'));
      onClose();
    } catch (caught) {
      showError(caught);
    } finally {
      setSaving(false);
    }
  };

  const unbind = () =>
    modal.confirm({
      title: t('plans.binding.unbind'),
      content: t('plans.binding.unbindConfirm'),
      onOk: async () => {
        try {
          onDone(await bindIndicator(indicator!.id, { metricId: null }));
          void message.success(t('plans.binding.unbound'));
          onClose();
        } catch (caught) {
          void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
        }
      },
    });

  return (
    <Modal
      open={open}
      title={indicator ? t('plans.binding.title', { indicator: indicatorLabel(indicator) }) : ''}
      onCancel={onClose}
      destroyOnHidden
      className="plans-binding-dialog"
      footer={
        <Space>
          {indicator?.binding ? (
            <Button danger onClick={unbind} data-testid="binding-unbind">
              {t('plans.binding.unbind')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={!metric} onClick={() => void bind()} data-testid="binding-save">
            {t('plans.binding.bind')}
          </Button>
        </Space>
      }
    >
      <div data-testid="binding-dialog">
        <Typography.Paragraph type="secondary">{t('plans.binding.intro')}</Typography.Paragraph>
        {indicator?.binding && indicator.binding.label === null ? <Alert type="warning" showIcon title={t('plans.binding.missing', { id: indicator.binding.metricId })} /> : null}
        {metrics.data && metrics.data.length === 0 ? <Alert type="info" showIcon title={t('plans.binding.noMetrics')} /> : null}
        <Form form={form} layout="vertical" requiredMark={false} onValuesChange={() => setPreview(undefined)}>
          <Form.Item name="metricId" label={t('plans.binding.metric')} rules={[{ required: true, message: t('plans.binding.metricRequired') }]} extra={metric?.description}>
            <Select
              id="binding-metric"
              loading={metrics.loading}
              showSearch
              optionFilterProp="label"
              options={(metrics.data ?? []).map((candidate) => ({ value: candidate.id, label: `${candidate.label}（${candidate.unit}）` }))}
              onChange={() => form.setFieldValue('params', {})}
            />
          </Form.Item>
          {metric?.params.map((param) => <ParamField key={`${metric.id}.${param.name}`} param={param} />)}
        </Form>
        <Space align="center" wrap>
          <Button icon={<ReloadOutlined />} disabled={!metric} loading={previewing} onClick={() => void runPreview()} data-testid="binding-preview">
            {t('plans.binding.preview')}
          </Button>
          {preview ? (
            <span className="plans-binding-value" data-testid="binding-value">
              {t('plans.binding.current', { org: orgUnit.name, value: formatNumber(preview.value), unit: preview.unit, at: formatInstant(preview.asOf) })}
            </span>
          ) : null}
        </Space>
      </div>
    </Modal>
  );
}
