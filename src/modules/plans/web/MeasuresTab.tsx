import { ApiOutlined, FormOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../web/i18n';
import { MEASURE_CADENCE_LABELS, type TPlanDetail, type TPlanIndicator, type TPlanMeasureNode } from '../contract';
import { MetricBindingDialog } from './MetricBindingDialog';
import { indicatorLabel, type MeasureInPlan, measuresInOrder } from './plan-format';

type Props = {
  plan: TPlanDetail;
  onAssign: (measure: TPlanMeasureNode) => void;
  onAllocate: (indicator: TPlanIndicator) => void;
  onReport: (measure: TPlanMeasureNode) => void;
  onAddLocal: () => void;
  /** The plan after a change made here (a binding). */
  onChange: (plan: TPlanDetail) => void;
};

/**
 * 措施与分工: every measure with its targets, who leads it and who reports,
 * its deadline and cadence; the actions the viewer's union may take on it
 * (分工 for the issuing union, 分解 of a target, 填报 for a recipient,
 * 绑定统计数据 for the union whose measure it is — the server's rule in
 * bind-indicator.ts).
 */
export function MeasuresTab({ plan, onAssign, onAllocate, onReport, onAddLocal, onChange }: Props) {
  const can = plan.viewer.can;
  const rows = measuresInOrder(plan.sections);
  const [binding, setBinding] = useState<{ indicator: TPlanIndicator; orgUnit: { id: number; name: string } } | undefined>();
  const mayBind = (measure: TPlanMeasureNode) => can.assign || (measure.isLocal && measure.orgUnit.id === plan.viewer.orgUnit.id);
  return (
    <div className="plans-measures" data-testid="plan-measures">
      {can.addLocalMeasure ? (
        <div className="plans-toolbar">
          <Button icon={<PlusOutlined />} onClick={onAddLocal} data-testid="local-measure-add">
            {t('plans.local.add')}
          </Button>
        </div>
      ) : null}
      <Table<MeasureInPlan>
        size="small"
        rowKey={(row) => row.measure.id}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('plans.measures.section'),
            width: 150,
            onCell: (row, index) => {
              const previous = index === undefined ? undefined : rows[index - 1];
              if (previous && previous.section.id === row.section.id) return { rowSpan: 0 };
              return { rowSpan: rows.filter((other) => other.section.id === row.section.id).length };
            },
            render: (_, row) => <span className="plans-cell-section">{row.heading || t('plans.measures.noSection')}</span>,
          },
          {
            title: t('plans.measures.measure'),
            render: (_, { measure }) => (
              <div data-testid={`measure-row-${measure.no || measure.id}`}>
                <div className="plans-measure-head">
                  <span className="plans-measure-no">{measure.no || '·'}</span>
                  <span className="plans-measure-title">{measure.title}</span>
                  {measure.isLocal ? <Tag color="gold">{t('plans.local.tag', { org: measure.orgUnit.name })}</Tag> : null}
                </div>
                <div className="plans-measure-tags">
                  {measure.indicators.map((indicator) => (
                    <span key={indicator.id} className="plans-indicator-chip" data-testid={`indicator-chip-${indicator.id}`}>
                      {can.allocate ? (
                        <Tooltip title={t('plans.allocate.hint')}>
                          <Tag color="blue" className="plans-tag-editable" onClick={() => onAllocate(indicator)} data-testid={`allocate-${indicator.subject}`}>
                            <TeamOutlined /> {indicatorLabel(indicator)}
                          </Tag>
                        </Tooltip>
                      ) : (
                        <Tag color="blue">{indicatorLabel(indicator)}</Tag>
                      )}
                      {indicator.binding ? (
                        <Tag color="green" data-testid={`binding-tag-${indicator.id}`}>
                          {t('plans.binding.live', { label: indicator.binding.label ?? indicator.binding.metricId })}
                        </Tag>
                      ) : null}
                      {mayBind(measure) ? (
                        <Tooltip title={t('plans.binding.open')}>
                          <Button
                            size="small"
                            type="text"
                            icon={<ApiOutlined />}
                            aria-label={t('plans.binding.open')}
                            onClick={() => setBinding({ indicator, orgUnit: measure.orgUnit })}
                            data-testid={`bind-${indicator.id}`}
                          />
                        </Tooltip>
                      ) : null}
                    </span>
                  ))}
                </div>
              </div>
            ),
          },
          {
            title: t('plans.measures.owners'),
            width: 220,
            render: (_, { measure }) => {
              const assignment = measure.assignment;
              if (!assignment.leadDepartment && assignment.coOwners.length === 0 && assignment.responsibleUnits.length === 0) {
                return <Typography.Text type="secondary">{t('plans.measures.unassigned')}</Typography.Text>;
              }
              return (
                <div className="plans-owners">
                  {assignment.leadDepartment ? <div>{t('plans.measures.lead', { name: assignment.leadDepartment })}</div> : null}
                  {assignment.coOwners.length ? <div>{t('plans.measures.coOwners', { names: assignment.coOwners.join('、') })}</div> : null}
                  {assignment.responsibleUnits.length ? <div>{t('plans.measures.units', { names: assignment.responsibleUnits.map((unit) => unit.name).join('、') })}</div> : null}
                </div>
              );
            },
          },
          {
            title: t('plans.measures.deadline'),
            width: 130,
            render: (_, { measure }) => (
              <div>
                <div>{measure.assignment.deadline ?? '—'}</div>
                {measure.assignment.cadence ? <Typography.Text type="secondary">{MEASURE_CADENCE_LABELS[measure.assignment.cadence]}</Typography.Text> : null}
              </div>
            ),
          },
          {
            title: t('plans.measures.actions'),
            width: 150,
            fixed: 'right',
            render: (_, { measure }) => (
              <Space size={4} wrap>
                {can.assign || (measure.isLocal && measure.orgUnit.id === plan.viewer.orgUnit.id) ? (
                  <Button size="small" onClick={() => onAssign(measure)} data-testid={`assign-${measure.no || measure.id}`}>
                    {t('plans.assign.open')}
                  </Button>
                ) : null}
                {can.report ? (
                  <Button size="small" type="primary" ghost icon={<FormOutlined />} onClick={() => onReport(measure)} data-testid={`report-${measure.no || measure.id}`}>
                    {t('plans.report.open')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <MetricBindingDialog indicator={binding?.indicator} orgUnit={binding?.orgUnit ?? plan.viewer.orgUnit} onDone={onChange} onClose={() => setBinding(undefined)} />
    </div>
  );
}
