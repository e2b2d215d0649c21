import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import type { TPlanDetail, TPlanIndicator, TPlanSectionNode } from '../contract';
import { addIndicator, addMeasure, confirmPlan, deleteIndicator, editIndicator, editMeasure, mergeMeasure, splitMeasure } from './api';
import { IndicatorDialog, type IndicatorValues } from './IndicatorDialog';
import { MeasureCard } from './MeasureCard';
import { MeasureDialog, type MeasureDialogMode, type MeasureValues } from './MeasureDialog';
import { findMeasure, indicatorLabel, measuresInOrder } from './plan-format';
import { SourceText } from './SourceText';

/**
 * 审核解析结果: the original text on the left, the parsed tree on the right.
 * Selecting a measure marks its source text; the reviewer fixes titles and
 * text, splits and merges measures, corrects or adds indicators, then
 * confirms. Every structural edit names the plan's version.
 */
export function ReviewView({ plan, onChange }: { plan: TPlanDetail; onChange: (plan: TPlanDetail) => void }) {
  const { message, modal } = App.useApp();
  const [selectedId, setSelectedId] = useState<number | undefined>(() => measuresInOrder(plan.sections)[0]?.measure.id);
  const [measureDialog, setMeasureDialog] = useState<MeasureDialogMode | undefined>();
  const [indicatorDialog, setIndicatorDialog] = useState<{ measureId: number; indicator: TPlanIndicator | undefined } | undefined>();
  const [confirming, setConfirming] = useState(false);
  const editable = plan.viewer.can.editStructure;
  const selected = findMeasure(plan, selectedId);
  const ordered = measuresInOrder(plan.sections);
  const firstId = ordered[0]?.measure.id;

  const apply = async (call: () => Promise<TPlanDetail>, done?: string) => {
    const next = await call();
    onChange(next);
    if (done) void message.success(done);
    return next;
  };
  const run = (call: () => Promise<TPlanDetail>, done: string) =>
    apply(call, done).catch((caught: unknown) => void message.error(isApiError(caught) ? caught.message : t('page.loadFailed')));

  const saveMeasure = async (values: MeasureValues) => {
    if (!measureDialog) return;
    if (measureDialog.kind === 'edit') {
      await apply(() => editMeasure(measureDialog.measure.id, { version: plan.version, no: values.no, title: values.title, text: values.text }), t('plans.measure.saved'));
    } else if (measureDialog.kind === 'add') {
      const before = new Set(measuresInOrder(plan.sections).map((row) => row.measure.id));
      const next = await apply(
        () => addMeasure(plan.id, { version: plan.version, sectionId: measureDialog.sectionId, no: values.no || undefined, title: values.title || undefined, text: values.text }),
        t('plans.measure.added'),
      );
      setSelectedId(measuresInOrder(next.sections).find((row) => !before.has(row.measure.id))?.measure.id);
    }
  };

  const saveIndicator = async (values: IndicatorValues) => {
    if (!indicatorDialog) return;
    const { measureId, indicator } = indicatorDialog;
    if (indicator) await apply(() => editIndicator(indicator.id, { version: plan.version, ...values }), t('plans.indicator.saved'));
    else await apply(() => addIndicator(measureId, { version: plan.version, ...values }), t('plans.indicator.added'));
  };

  const removeIndicator = (indicator: TPlanIndicator) =>
    modal.confirm({
      title: t('plans.indicator.confirmDelete', { label: indicatorLabel(indicator) }),
      okText: t('plans.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run(() => deleteIndicator(indicator.id, plan.version), t('plans.indicator.deleted')),
    });

  const merge = (measureId: number) =>
    modal.confirm({
      title: t('plans.measure.confirmMerge'),
      okText: t('plans.measure.merge'),
      cancelText: t('common.cancel'),
      onOk: () => run(() => mergeMeasure(measureId, plan.version), t('plans.measure.merged')),
    });

  const confirm = () =>
    modal.confirm({
      title: t('plans.review.confirmTitle'),
      content: t('plans.review.confirmContent', { measures: plan.counts.measures, indicators: plan.counts.indicators }),
      okText: t('plans.review.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setConfirming(true);
        try {
          await apply(() => confirmPlan(plan.id, plan.version), t('plans.review.confirmed'));
        } catch (caught) {
          void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
        } finally {
          setConfirming(false);
        }
      },
    });

  const renderSection = (section: TPlanSectionNode, depth: number) => (
    <div key={section.id} className="plans-section" style={{ marginLeft: depth * 12 }}>
      {section.title || section.no ? (
        <div className="plans-section-title">
          {[section.no, section.title].filter(Boolean).join('、')}
          {editable ? (
            <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setMeasureDialog({ kind: 'add', sectionId: section.id, title: section.title ?? section.no ?? '' })}>
              {t('plans.measure.add')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {section.measures.map((measure) => (
        <MeasureCard
          key={measure.id}
          measure={measure}
          selected={measure.id === selectedId}
          editable={editable}
          isFirst={measure.id === firstId}
          onSelect={() => setSelectedId(measure.id)}
          onEdit={() => setMeasureDialog({ kind: 'edit', measure })}
          onSplit={() => setMeasureDialog({ kind: 'split', measure })}
          onMerge={() => merge(measure.id)}
          onAddIndicator={() => setIndicatorDialog({ measureId: measure.id, indicator: undefined })}
          onEditIndicator={(indicator) => setIndicatorDialog({ measureId: measure.id, indicator })}
          onDeleteIndicator={removeIndicator}
        />
      ))}
      {section.sections.map((child) => renderSection(child, depth + 1))}
    </div>
  );

  const meta = plan.meta;
  return (
    <div className="plans-review" data-testid="plan-review">
      <Card size="small" className="plans-review-head">
        <div className="plans-review-bar">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} className="plans-meta">
            <Descriptions.Item label={t('plans.meta.title')}>{meta.title ?? t('plans.meta.none')}</Descriptions.Item>
            <Descriptions.Item label={t('plans.meta.issuer')}>{meta.issuer ?? t('plans.meta.none')}</Descriptions.Item>
            <Descriptions.Item label={t('plans.meta.docNumber')}>{meta.docNumber ?? t('plans.meta.none')}</Descriptions.Item>
            <Descriptions.Item label={t('plans.meta.date')}>{meta.date ?? t('plans.meta.none')}</Descriptions.Item>
            <Descriptions.Item label={t('plans.meta.recipients')} span={2}>
              {meta.recipients.length ? meta.recipients.join('、') : t('plans.meta.none')}
            </Descriptions.Item>
          </Descriptions>
          <Space direction="vertical" align="end">
            <Space size={4}>
              <Tag>{t('plans.review.countSections', { count: plan.counts.sections })}</Tag>
              <Tag>{t('plans.review.countMeasures', { count: plan.counts.measures })}</Tag>
              <Tag color="blue">{t('plans.review.countIndicators', { count: plan.counts.indicators })}</Tag>
            </Space>
            {editable ? (
              <Button type="primary" icon={<CheckOutlined />} loading={confirming} onClick={confirm} data-testid="plan-confirm">
                {t('plans.review.confirm')}
              </Button>
            ) : null}
          </Space>
        </div>
        {!editable ? <Alert type="info" showIcon title={t('plans.review.readOnly')} /> : null}
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('plans.review.source')} className="plans-review-pane">
            <SourceText source={plan.source.text} highlight={selected?.text} />
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card size="small" title={t('plans.review.tree')} className="plans-review-pane">
            <div className="plans-tree" data-testid="plan-tree">
              {plan.sections.map((section) => renderSection(section, 0))}
            </div>
          </Card>
        </Col>
      </Row>
      <MeasureDialog
        mode={measureDialog}
        onSave={saveMeasure}
        onSplit={async (offset) => {
          if (measureDialog?.kind === 'split') await apply(() => splitMeasure(measureDialog.measure.id, plan.version, offset), t('plans.measure.splitDone'));
        }}
        onClose={() => setMeasureDialog(undefined)}
      />
      <IndicatorDialog open={indicatorDialog !== undefined} indicator={indicatorDialog?.indicator} onSave={saveIndicator} onClose={() => setIndicatorDialog(undefined)} />
    </div>
  );
}

