import { InfoCircleOutlined } from '@ant-design/icons';
import { Progress, Tag } from 'antd';
import { t } from '../../../../web/i18n';
import type { TImportJob } from '../../contract';
import { ImportCounters } from './ImportCounters';
import { formatCount } from './format';

/**
 * Step 2: a job on its way. The share done when the row count is known,
 * otherwise a moving bar with the rows so far; the speed and the counters.
 */
export function ImportProgress({ job }: { job: TImportJob }) {
  const known = job.totalRows !== null && job.totalRows > 0;
  const percent = known ? Math.min(99, Math.floor((job.committedRows / job.totalRows!) * 100)) : 100;
  const queued = job.status === 'queued';
  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-job-title">
        <span className="import-job-title-text">{t('members.import.jobOf', { file: job.fileName, org: job.orgName })}</span>
        {job.dryRun && <Tag color="blue">{t('members.import.dryRunTag')}</Tag>}
        <Tag color={queued ? 'default' : 'processing'}>{t(queued ? 'members.import.status.queued' : 'members.import.status.running')}</Tag>
      </div>
      <Progress
        className={known ? undefined : 'import-progress-indeterminate'}
        percent={percent}
        status="active"
        format={() =>
          known
            ? `${percent}%`
            : t('members.import.rows', { count: formatCount(job.committedRows) })
        }
      />
      {queued && <div className="import-queued">{t('members.import.queued')}</div>}
      <div className="import-progress-facts">
        <span data-testid="import-processed">
          {known
            ? t('members.import.processedOf', { count: formatCount(job.committedRows), total: formatCount(job.totalRows!) })
            : t('members.import.processed', { count: formatCount(job.committedRows) })}
        </span>
        {job.rowsPerSecond !== null && job.rowsPerSecond > 0 && (
          <span data-testid="import-speed">{t('members.import.speed', { count: formatCount(Math.round(job.rowsPerSecond)) })}</span>
        )}
      </div>
      <ImportCounters job={job} />
      <div className="card-note">
        <InfoCircleOutlined /> {t('members.import.background')}
      </div>
    </div>
  );
}
