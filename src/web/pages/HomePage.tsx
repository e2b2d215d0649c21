import { Alert, Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { type TOrgSummary, orgTypeLabel } from '../../modules/orgs/contract';
// The home page shows the org module's tree and summary: it is the platform's overview.
import { fetchOrgSummary } from '../../modules/orgs/web/api';
import { OrgTree } from '../../modules/orgs/web/OrgTree';
import { useLoad } from '../api/use-load';
import { type BarChartOption, EChart } from '../components/EChart';
import { LoadError } from '../components/LoadError';
import { t } from '../i18n';
import { useMe } from '../session/session';
import { BRAND_BLUE } from '../theme';

const GRASSROOTS_TYPES = new Set(['grassroots', 'joint_grassroots']);
const CHART_TOP = 15;
const PANEL_HEIGHT = 400;

function StatCard({ title, value, suffix, loading }: { title: string; value: number | undefined; suffix: string; loading: boolean }) {
  return (
    <Card size="small" className="stat-card">
      <Statistic title={title} value={value ?? 0} suffix={suffix} loading={loading} groupSeparator="," />
    </Card>
  );
}

function childChartOption(byChild: TOrgSummary['byChild']): BarChartOption {
  const rows = [...byChild].sort((a, b) => b.grassroots - a.grassroots).slice(0, CHART_TOP);
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 4, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisTick: { show: false },
      axisLabel: { color: '#333', width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('home.chartSeries'),
        data: rows.map((row) => row.grassroots),
        barMaxWidth: 16,
        itemStyle: { color: BRAND_BLUE, borderRadius: [0, 2, 2, 0] },
        label: { show: true, position: 'right', color: '#555' },
      },
    ],
  };
}

function ChildChart({ summary }: { summary: TOrgSummary }) {
  const option = useMemo(() => childChartOption(summary.byChild), [summary.byChild]);
  if (summary.byChild.length === 0) {
    return (
      <div data-testid="child-chart" className="chart-empty" style={{ height: PANEL_HEIGHT }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.chartEmpty')} />
      </div>
    );
  }
  return <EChart option={option} height={PANEL_HEIGHT} testId="child-chart" ariaLabel={t('home.chart')} />;
}

function ByType({ summary }: { summary: TOrgSummary }) {
  const max = Math.max(1, ...summary.byType.map((row) => row.count));
  return (
    <ul className="by-type">
      {summary.byType.map((row) => (
        <li key={row.type}>
          <div className="by-type-row">
            <span className="by-type-label" title={orgTypeLabel(row.type)}>
              {orgTypeLabel(row.type)}
            </span>
            <span className="by-type-count">{row.count.toLocaleString('zh-CN')}</span>
          </div>
          <span className="by-type-bar">
            <span style={{ width: `${(row.count / max) * 100}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The overview: greeting, key figures, the org tree and grassroots units per child. */
export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  // The audit and security administrators see no org data: no overview for them.
  const canReadOrgs = me.permissions.includes('orgs.read');
  const summary = useLoad(() => (canReadOrgs ? fetchOrgSummary() : Promise.resolve(undefined)), [canReadOrgs]);
  const data = summary.data;

  const grassroots = data?.byType.filter((row) => GRASSROOTS_TYPES.has(row.type)).reduce((sum, row) => sum + row.count, 0);
  const below = data ? data.unitCount - (data.root.status === 'active' ? 1 : 0) : undefined;
  const loading = summary.loading && !data;

  let chart: ReactNode;
  let byType: ReactNode;
  if (summary.error) {
    chart = <LoadError inline error={summary.error} onRetry={summary.reload} />;
    byType = null;
  } else if (!data) {
    chart = <Skeleton active paragraph={{ rows: 8 }} />;
    byType = <Skeleton active paragraph={{ rows: 6 }} />;
  } else {
    chart = <ChildChart summary={data} />;
    byType = <ByType summary={data} />;
  }
  const topNote =
    data && data.byChild.length > CHART_TOP
      ? t('home.chartTop', { n: CHART_TOP, total: data.byChild.length })
      : undefined;

  return (
    <div className="home">
      <div className="home-greeting">
        <div>
          <span className="home-greeting-name">{t('home.greeting', { name: me.account.name })}</span>
          <span className="home-greeting-org">{t('home.acting', { org: me.org.name })}</span>
        </div>
        <span className="home-greeting-date">{t('home.today', { date: dayjs().format('YYYY年M月D日 dddd') })}</span>
      </div>

      {!canReadOrgs && <Alert className="home-no-overview" type="info" showIcon title={t('home.noOverview')} />}
      {!canReadOrgs || summary.error?.code === 'FORBIDDEN' ? null : (
        <Row gutter={[12, 12]}>
          <Col xs={12} lg={6}>
            <StatCard title={t('home.stat.units')} value={below} suffix={t('home.stat.unitSuffix')} loading={loading} />
          </Col>
          <Col xs={12} lg={6}>
            <StatCard
              title={t('home.stat.children')}
              value={data?.root.childCount}
              suffix={t('home.stat.unitSuffix')}
              loading={loading}
            />
          </Col>
          <Col xs={12} lg={6}>
            <StatCard title={t('home.stat.grassroots')} value={grassroots} suffix={t('home.stat.unitSuffix')} loading={loading} />
          </Col>
          <Col xs={12} lg={6}>
            <StatCard
              title={t('home.stat.employees')}
              value={data?.employeeCount}
              suffix={t('home.stat.personSuffix')}
              loading={loading}
            />
          </Col>
        </Row>
      )}

      {canReadOrgs && (
      <Row gutter={[12, 12]} className="home-panels">
        <Col xs={24} lg={12} xl={8}>
          <Card size="small" title={t('home.tree')} extra={<Link to="/orgs">{t('home.treeMore')}</Link>}>
            <OrgTree height={PANEL_HEIGHT} testId="org-tree" onSelect={(org) => navigate(`/orgs?id=${org.id}`)} />
          </Card>
        </Col>
        <Col xs={24} lg={12} xl={10}>
          <Card size="small" title={t('home.chart')} extra={topNote && <span className="card-note">{topNote}</span>}>
            {chart}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Card size="small" title={t('home.byType')}>
            <div className="by-type-box">{byType}</div>
          </Card>
        </Col>
      </Row>
      )}
    </div>
  );
}
