import { InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Popover } from 'antd';
import type { TMemberStats } from '../../contract';
import { StatCard } from './StatCard';
import { TEXT, fill, fmt } from './format';

type Rate = TMemberStats['joinRate'];

/** Formula, numerator, denominator and the note behind a rate. */
function RateDetail({ rate }: { rate: Rate }) {
  return (
    <div className="stats-rate-detail">
      <dl>
        <dt>{TEXT.formula}</dt>
        <dd>{rate.formula}</dd>
        <dt>{TEXT.numerator}</dt>
        <dd className="stats-num">{fmt(rate.numerator)}</dd>
        <dt>{TEXT.denominator}</dt>
        <dd className="stats-num">{fmt(rate.denominator)}</dd>
        <dt>{TEXT.note}</dt>
        <dd className={rate.denominator === 0 ? 'stats-rate-warning' : undefined}>{rate.note}</dd>
      </dl>
    </div>
  );
}

/**
 * 入会率 / 建会率: the percentage, or '—' when the denominator is zero; the
 * formula, the two counts and the note open from the info icon.
 */
export function RateCard({ title, rate, loading, testId }: { title: string; rate: Rate | undefined; loading: boolean; testId: string }) {
  const heading = (
    <span className="stats-card-title">
      {title}
      {rate && (
        <Popover
          title={`${title} · ${TEXT.rateDetail}`}
          content={<RateDetail rate={rate} />}
          trigger={['hover', 'click']}
          placement="bottom"
        >
          <span className="stats-info" role="button" tabIndex={0} aria-label={`${title}${TEXT.rateDetail}`} data-testid={`${testId}-info`}>
            <InfoCircleOutlined />
          </span>
        </Popover>
      )}
    </span>
  );
  let foot;
  if (rate && rate.denominator === 0) {
    foot = (
      <span className="stats-rate-warning">
        <WarningOutlined /> {TEXT.rateNoDenominator}
      </span>
    );
  } else if (rate) {
    foot = fill(TEXT.rateFoot, { numerator: fmt(rate.numerator), denominator: fmt(rate.denominator) });
  }
  const value = rate ? (rate.value === null ? '—' : rate.value.toFixed(1)) : undefined;
  return <StatCard title={heading} value={value} suffix="%" foot={foot} loading={loading} testId={testId} />;
}
