import type { TMemberStats } from '../../contract';
import { ChartCard } from './ChartCard';
import { TEXT, fmt } from './format';

/**
 * Union organisations in the subtree by type: a list of bars in the home page's
 * style (its `.by-type` classes), which reads better than a chart for long names.
 */
export function UnionTypes({ stats, height }: { stats: TMemberStats | undefined; height: number }) {
  const rows = stats?.unionsByType ?? [];
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ChartCard title={TEXT.unionsByType} loading={!stats} empty={rows.length === 0} height={height}>
      <ul className="by-type stats-union-types" data-testid="union-types">
        {rows.map((row) => (
          <li key={row.key}>
            <div className="by-type-row">
              <span className="by-type-label" title={row.label}>
                {row.label}
              </span>
              <span className="by-type-count">
                {fmt(row.count)} <span className="stats-unit">{TEXT.unionsUnit}</span>
              </span>
            </div>
            <span className="by-type-bar">
              <span style={{ width: `${(row.count / max) * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
