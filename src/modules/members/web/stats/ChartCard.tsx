import { Card, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { TEXT } from './format';

/**
 * A dashboard panel: a small card with a skeleton while the figures load and an
 * empty state instead of an empty chart.
 */
export function ChartCard({
  title,
  extra,
  loading,
  empty,
  emptyText,
  height,
  testId,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  loading: boolean;
  empty?: boolean;
  emptyText?: string;
  height: number;
  testId?: string;
  children?: ReactNode;
}) {
  let body: ReactNode;
  if (loading) {
    body = (
      <div className="stats-chart-skeleton" style={{ height }}>
        <Skeleton active title={false} paragraph={{ rows: Math.max(3, Math.floor(height / 44)) }} />
      </div>
    );
  } else if (empty) {
    body = (
      <div className="chart-empty" style={{ height: Math.min(height, 240) }} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? TEXT.empty} />
      </div>
    );
  } else {
    body = children;
  }
  return (
    <Card size="small" title={title} extra={extra} className="stats-chart-card">
      {body}
    </Card>
  );
}
