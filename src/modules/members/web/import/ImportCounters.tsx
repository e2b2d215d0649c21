import type { TImportJob } from '../../contract';
import { t } from '../../../../web/i18n';
import { formatCount } from './format';

const COUNTERS = [
  { key: 'imported', label: 'members.import.count.imported' },
  { key: 'updated', label: 'members.import.count.updated' },
  { key: 'unchanged', label: 'members.import.count.unchanged' },
  { key: 'rejected', label: 'members.import.count.rejected' },
] as const;

/** 新增 / 更新 / 未变化 / 拒绝 side by side; 拒绝 is red when there are any. */
export function ImportCounters({ job }: { job: Pick<TImportJob, 'imported' | 'updated' | 'unchanged' | 'rejected'> }) {
  return (
    <div className="import-counters" data-testid="import-counters">
      {COUNTERS.map(({ key, label }) => (
        <div key={key} className={`import-counter import-counter-${key}${key === 'rejected' && job.rejected > 0 ? ' is-alert' : ''}`}>
          <div className="import-counter-label">{t(label)}</div>
          <div className="import-counter-value" data-testid={`import-count-${key}`}>
            {formatCount(job[key])}
          </div>
        </div>
      ))}
    </div>
  );
}
