import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Select, Spin, Statistic } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useLoad } from '../../../web/api/use-load';
import { EChart } from '../../../web/components/EChart';
import { LoadError } from '../../../web/components/LoadError';
import { OrgTreeSelect, useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { BUDGET_NOTE, type TAssistanceDashboard } from '../dashboard-contract';
import { dashboardXlsxUrl, fetchAssistanceDashboard } from './dashboard-api';
import { causeBar, type DashboardChartOption, exitsChart, fundsBar, tierPie, unitBar } from './dashboard-charts';

// The years a user may pick: this one and the four before (the funds and exits are per year).
const YEARS_BACK = 5;

function ChartPanel({ title, option, height = 280, testId, empty, note }: { title: string; option: DashboardChartOption; height?: number; testId: string; empty: boolean; note?: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={`${testId}-card`}>
      {empty ? <Empty description={t('assist.dash.empty')} style={{ height, paddingTop: height / 3, margin: 0 }} /> : <EChart option={option} height={height} testId={testId} ariaLabel={title} />}
      {note && <div className="card-note" style={{ marginTop: 8, fontSize: 12, color: '#666' }}>{note}</div>}
    </Card>
  );
}

const yuan = (value: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

function Figures({ board }: { board: TAssistanceDashboard }) {
  const { households, funds, monitoring } = board;
  const items: [string, ReactNode, string][] = [
    [t('assist.dash.filed'), households.filed, 'filed'],
    [t('assist.dash.inProgress'), households.inProgress, 'in-progress'],
    [t('assist.dash.disbursed'), yuan(funds.disbursed), 'disbursed'],
    [t('assist.dash.budget'), yuan(funds.budget), 'budget'],
    [t('assist.dash.exits'), `${monitoring.exits} / ${monitoring.returns}`, 'exits'],
    [t('assist.dash.monitoring'), monitoring.monitoring, 'monitoring'],
    [t('assist.dash.alerts'), monitoring.openAlerts, 'alerts'],
    [t('assist.dash.overdue'), monitoring.overdueCallbacks, 'overdue'],
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map(([title, value, key]) => (
        <Col key={key} xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={title} value={value as string | number} data-testid={`dash-${key}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 帮扶统计: a union's subtree (default: the acting union) for a year — files by
 * tier, cause and child union, funds by source and category against the
 * campaigns' budgets, exits and returns — with the .xlsx of the same figures.
 */
export function AssistanceDashboardPage() {
  const me = useMe();
  // The picker lists units from /api/orgs/children, which needs orgs.read.
  const canPick = me.permissions.includes('orgs.read');
  const scopeRoot = useScopeRoot(canPick);
  const [orgUnitId, setOrgUnitId] = useState(me.org.id);
  // Unset at first: the server answers for its own current year (Beijing time), which the picker then offers.
  const [year, setYear] = useState<number | undefined>();
  const load = useLoad(() => fetchAssistanceDashboard({ orgUnitId, year }), [orgUnitId, year]);
  const board = load.data;
  const [latestYear, setLatestYear] = useState<number | undefined>();
  if (board && latestYear === undefined) setLatestYear(board.year);
  const options = useMemo(
    () =>
      board && {
        tier: tierPie(board),
        cause: causeBar(board),
        unit: unitBar(board),
        source: fundsBar(board.funds.bySource),
        category: fundsBar(board.funds.byCategory),
        exits: exitsChart(board),
      },
    [board],
  );

  const toolbar = (
    <Card size="small" style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }}>
        <span>{t('assist.dash.scope')}</span>
        <div style={{ minWidth: 260 }} data-testid="dash-org">
          {canPick ? <OrgTreeSelect id="dash-org" root={scopeRoot} value={scopeRoot ? orgUnitId : undefined} onChange={setOrgUnitId} /> : <strong>{board?.orgUnit.name ?? me.org.name}</strong>}
        </div>
        <span>{t('assist.dash.year')}</span>
        <Select
          style={{ width: 110 }}
          value={year ?? board?.year}
          onChange={setYear}
          data-testid="dash-year"
          options={latestYear === undefined ? [] : Array.from({ length: YEARS_BACK }, (_, index) => latestYear - index).map((value) => ({ value, label: t('assist.dash.yearOption', { year: value }) }))}
        />
        <span style={{ color: '#666' }}>
          {t('assist.dash.asOf')} {board?.asOf ?? '—'}
        </span>
        <Button style={{ marginLeft: 'auto' }} icon={<DownloadOutlined />} href={dashboardXlsxUrl({ orgUnitId, year: year ?? board?.year })} data-testid="dash-export">
          {t('assist.dash.export')}
        </Button>
      </div>
    </Card>
  );

  if (load.error && !board) {
    return (
      <div>
        {toolbar}
        <LoadError error={load.error} onRetry={load.reload} />
      </div>
    );
  }
  return (
    <div data-testid="assistance-dashboard" data-org-id={board?.orgUnit.id}>
      {toolbar}
      <Spin spinning={load.loading} delay={200}>
        {board && options ? (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <Figures board={board} />
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={8}>
                <ChartPanel title={t('assist.dash.byTier')} option={options.tier} testId="dash-tier" empty={board.households.filed === 0} />
              </Col>
              <Col xs={24} xl={16}>
                <ChartPanel title={t('assist.dash.byCause')} option={options.cause} testId="dash-cause" empty={board.households.filed === 0} />
              </Col>
              <Col xs={24}>
                <ChartPanel title={t('assist.dash.byUnit')} option={options.unit} height={320} testId="dash-unit" empty={board.households.byUnit.length === 0} />
              </Col>
              <Col xs={24} xl={12}>
                <ChartPanel title={t('assist.dash.bySource')} option={options.source} testId="dash-source" empty={false} note={<><InfoCircleOutlined /> {BUDGET_NOTE}</>} />
              </Col>
              <Col xs={24} xl={12}>
                <ChartPanel title={t('assist.dash.byCategory')} option={options.category} testId="dash-category" empty={false} />
              </Col>
              <Col xs={24}>
                <ChartPanel title={t('assist.dash.exitsByYear')} option={options.exits} testId="dash-exits" empty={board.monitoring.byYear.length === 0} />
              </Col>
            </Row>
          </div>
        ) : (
          <div style={{ height: 400 }} />
        )}
      </Spin>
    </div>
  );
}
