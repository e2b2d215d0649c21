import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';

/**
 * One key figure: title, value (already formatted, or '—'), unit and a one-line
 * footnote. `testId` marks the card for the browser tests.
 */
export function StatCard({
  title,
  value,
  suffix,
  foot,
  loading,
  testId,
}: {
  title: ReactNode;
  value: string | undefined;
  suffix?: string;
  foot?: ReactNode;
  loading: boolean;
  testId: string;
}) {
  const shown = value ?? '—';
  return (
    <Card size="small" className="stat-card stats-card" data-testid={testId}>
      <Statistic title={title} value={shown} suffix={shown === '—' ? undefined : suffix} loading={loading} />
      <div className="stats-card-foot">{loading ? '\u00a0' : foot}</div>
    </Card>
  );
}
