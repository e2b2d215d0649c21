import { Alert, Col, Row } from 'antd';
import type { TMemberStats } from '../../contract';
import { RateCard } from './RateCard';
import { StatCard } from './StatCard';
import { TEXT, fill, fmt, percentText, shareOf } from './format';

const statusCount = (stats: TMemberStats, key: string) => stats.byStatus.find((row) => row.key === key)?.count ?? 0;

/** The row of key figures: members, new this year, gig workers and the two rates. */
export function StatCards({ stats }: { stats: TMemberStats | undefined }) {
  const loading = !stats;
  const thisMonth = stats?.trend.at(-1)?.started ?? 0;
  const noDenominator = stats && stats.unionizationRate.denominator === 0;
  const COL = { flex: '1 1 150px' } as const;
  return (
    <>
      <Row gutter={[12, 12]} className="stats-cards">
        <Col {...COL}>
          <StatCard
            testId="stat-members"
            title={TEXT.members}
            value={stats && fmt(stats.members)}
            suffix={TEXT.personSuffix}
            loading={loading}
            foot={stats && fill(TEXT.membersFoot, { active: fmt(statusCount(stats, 'active')), retained: fmt(statusCount(stats, 'retained')) })}
          />
        </Col>
        <Col {...COL}>
          <StatCard
            testId="stat-new"
            title={TEXT.newThisYear}
            value={stats && fmt(stats.newThisYear)}
            suffix={TEXT.personSuffix}
            loading={loading}
            foot={stats && fill(TEXT.newThisYearFoot, { month: fmt(thisMonth) })}
          />
        </Col>
        <Col {...COL}>
          <StatCard
            testId="stat-gig"
            title={TEXT.gig}
            value={stats && fmt(stats.gig)}
            suffix={TEXT.personSuffix}
            loading={loading}
            foot={stats && fill(TEXT.gigFoot, { share: percentText(shareOf(stats.gig, stats.members)) })}
          />
        </Col>
        <Col {...COL}>
          <RateCard testId="stat-join-rate" title={TEXT.joinRate} rate={stats?.joinRate} loading={loading} />
        </Col>
        <Col {...COL}>
          <RateCard testId="stat-unionization-rate" title={TEXT.unionizationRate} rate={stats?.unionizationRate} loading={loading} />
        </Col>
      </Row>
      {noDenominator && (
        <Alert
          className="stats-alert"
          type="warning"
          showIcon
          data-testid="unionization-note"
          title={TEXT.noDenominatorTitle}
          description={`${stats.unionizationRate.note}。${stats.unionizationRate.formula}`}
        />
      )}
    </>
  );
}
