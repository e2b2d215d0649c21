import { Card, Col, Empty, Progress, Row, Statistic, Table, Tag, Tooltip } from 'antd';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { TRAFFIC_LIGHT_LABELS, type TRollup, type TTrafficLight } from '../contract';
import { fetchRollup } from './api';
import { formatNumber } from './plan-format';
import { StatusReportExport } from './StatusReportExport';
import { UnitRankingChart } from './UnitRankingChart';

type Measure = TRollup['measures'][number];
const LIGHT_COLORS: Record<TTrafficLight, string> = { green: '#389e0d', amber: '#d48806', red: '#cf1322' };

function Light({ light, reason }: { light: TTrafficLight; reason: string }) {
  return (
    <Tooltip title={reason}>
      <span className="plans-light" style={{ background: LIGHT_COLORS[light] }} aria-label={TRAFFIC_LIGHT_LABELS[light]} />
      <span className="plans-light-label">{TRAFFIC_LIGHT_LABELS[light]}</span>
    </Tooltip>
  );
}

const percent = (value: number | null) => (value === null ? null : Math.min(100, Math.round(value)));
const mean = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? known.reduce((total, value) => total + value, 0) / known.length : null;
};

/**
 * 督查: completion by section and measure with traffic lights, overdue and
 * at-risk flags, and the ranking of the unions the plan was issued to; a
 * union's bar or row drills down to its reports and evidence.
 */
export function DashboardTab({ planId, onDrill }: { planId: number; onDrill: (orgUnitId: number) => void }) {
  const loaded = useLoad(() => fetchRollup(planId), [planId]);
  if (loaded.error) return <LoadError error={loaded.error} inline onRetry={loaded.reload} />;
  const rollup = loaded.data;
  if (!rollup) return <Card loading />;
  const { summary } = rollup;
  const sections = rollup.sections
    .map((section) => {
      const measures = rollup.measures.filter((measure) => measure.sectionId === section.id);
      return { ...section, measures, completion: mean(measures.map((measure) => measure.at.completion)) };
    })
    .filter((section) => section.measures.length > 0);

  return (
    <div className="plans-dashboard" data-testid="plan-dashboard">
      <StatusReportExport planId={planId} orgUnitId={rollup.orgUnit.id} />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6} xl={4}>
          <Card size="small"><Statistic title={t('plans.dashboard.completion')} value={summary.completion ?? '—'} suffix={summary.completion === null ? undefined : '%'} /></Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small"><Statistic title={t('plans.dashboard.measures')} value={summary.measures} /></Card>
        </Col>
        <Col xs={8} md={4} xl={4}>
          <Card size="small"><Statistic title={TRAFFIC_LIGHT_LABELS.green} value={summary.green} styles={{ content: { color: LIGHT_COLORS.green } }} /></Card>
        </Col>
        <Col xs={8} md={4} xl={4}>
          <Card size="small"><Statistic title={TRAFFIC_LIGHT_LABELS.amber} value={summary.amber} styles={{ content: { color: LIGHT_COLORS.amber } }} /></Card>
        </Col>
        <Col xs={8} md={4} xl={4}>
          <Card size="small"><Statistic title={TRAFFIC_LIGHT_LABELS.red} value={summary.red} styles={{ content: { color: LIGHT_COLORS.red } }} /></Card>
        </Col>
        <Col xs={24} md={12} xl={4}>
          <Card size="small"><Statistic title={t('plans.dashboard.overdueAtRisk')} value={`${summary.overdue} / ${summary.atRisk}`} /></Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]} className="plans-dashboard-row">
        <Col xs={24} xl={10}>
          <Card size="small" title={t('plans.dashboard.ranking')} data-testid="dashboard-ranking">
            {rollup.children.length ? <UnitRankingChart rollup={rollup} /> : <Empty description={t('plans.dashboard.noChildren')} />}
            <div className="plans-drill">
              {rollup.children.map((child) => (
                <Tag key={child.id} className="plans-tag-editable" onClick={() => onDrill(child.id)} data-testid={`drill-${child.name}`}>
                  {t('plans.dashboard.drill', { name: child.name })}
                </Tag>
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('plans.dashboard.bySection')}>
            {sections.map((section) => (
              <div key={section.id} className="plans-section-progress">
                <span className="plans-section-name">{[section.no, section.title].filter(Boolean).join('、') || t('plans.measures.noSection')}</span>
                <Progress percent={percent(section.completion) ?? 0} size="small" format={() => (section.completion === null ? t('plans.dashboard.qualitative') : `${formatNumber(section.completion)}%`)} />
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('plans.dashboard.byMeasure')} className="plans-dashboard-row">
        <Table<Measure>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rollup.measures}
          // Each measure's `children` are per-union standings, not sub-rows of the table.
          expandable={{ childrenColumnName: 'subRows' }}
          data-testid="dashboard-measures"
          columns={[
            { title: t('plans.dashboard.light'), width: 90, render: (_, row) => <Light light={row.at.light} reason={row.at.reason} /> },
            { title: t('plans.measures.measure'), render: (_, row) => `${row.no ? `${row.no}. ` : ''}${row.title}` },
            {
              title: t('plans.dashboard.completion'),
              width: 170,
              render: (_, row) =>
                row.at.completion === null ? <span className="plans-muted">{t('plans.dashboard.qualitative')}</span> : <Progress percent={percent(row.at.completion) ?? 0} size="small" status={row.at.light === 'red' ? 'exception' : 'normal'} />,
            },
            {
              title: t('plans.dashboard.indicators'),
              width: 260,
              render: (_, row) =>
                row.indicators.map((indicator) => (
                  <div key={indicator.id} className="plans-indicator-line">
                    {indicator.subject}：{indicator.at.achieved === null ? '—' : formatNumber(indicator.at.achieved)} / {indicator.at.target === null ? '—' : formatNumber(indicator.at.target)} {indicator.unit}
                  </div>
                )),
            },
            {
              title: t('plans.dashboard.flags'),
              width: 150,
              render: (_, row) => (
                <>
                  {row.at.isOverdue ? <Tag color="red">{t('plans.dashboard.overdue')}</Tag> : null}
                  {row.at.isAtRisk ? <Tag color="orange">{t('plans.dashboard.atRisk')}</Tag> : null}
                  {row.deadline ? <span className="plans-muted">{row.deadline}</span> : null}
                </>
              ),
            },
            {
              title: t('plans.dashboard.reports'),
              width: 190,
              render: (_, row) => t('plans.dashboard.reportCounts', { accepted: row.at.reports.accepted, submitted: row.at.reports.submitted, returned: row.at.reports.returned }),
            },
          ]}
        />
      </Card>
    </div>
  );
}
