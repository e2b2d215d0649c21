import { DownloadOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Result, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../../../../web/i18n';
import type { TImportJob } from '../../contract';
import { errorReportUrl } from './api';
import { ImportCounters } from './ImportCounters';
import { ImportErrorTable } from './ImportErrorTable';
import { formatCount } from './format';

export type ResultActions = {
  /** The uploaded file is still in memory: 正式导入 (after a dry run) or continuing a failed run sends it again. */
  canResend: boolean;
  resending: boolean;
  onCommit: () => void;
  onContinue: () => void;
  /** Back to step 1 (keeping the union; for a dry run, set to import for real). */
  onAnother: (options: { commit: boolean }) => void;
  /** members.write: downloads the report and imports. */
  canWrite: boolean;
};

function titleOf(job: TImportJob): string {
  if (job.status === 'failed') return t('members.import.failed');
  const count = formatCount(job.rejected);
  if (job.dryRun) return job.rejected > 0 ? t('members.import.dryDoneWithRejects', { count }) : t('members.import.dryDone');
  return job.rejected > 0 ? t('members.import.doneWithRejects', { count }) : t('members.import.done');
}

/**
 * Step 3: how the import ended, its four counters, the rows refused with their
 * reasons, the error report, and what to do next (正式导入 after a dry run).
 */
export function ImportResult({ job, actions }: { job: TImportJob; actions: ResultActions }) {
  const navigate = useNavigate();
  const failed = job.status === 'failed';
  const status = failed ? 'error' : job.rejected > 0 ? 'warning' : 'success';
  const facts = { file: job.fileName, org: job.orgName, total: formatCount(job.totalRows ?? job.committedRows) };
  const subTitle = failed ? job.message : job.dryRun ? t('members.import.drySummary', facts) : t('members.import.summary', facts);

  const buttons = [];
  if (job.dryRun && !failed && actions.canWrite) {
    buttons.push(
      actions.canResend ? (
        <Button key="commit" type="primary" icon={<UploadOutlined />} loading={actions.resending} onClick={actions.onCommit} data-testid="import-commit">
          {t('members.import.commit')}
        </Button>
      ) : (
        <Button key="commit" type="primary" icon={<UploadOutlined />} onClick={() => actions.onAnother({ commit: true })} data-testid="import-commit-choose">
          {t('members.import.chooseAgainToCommit')}
        </Button>
      ),
    );
  }
  if (failed && !job.dryRun && actions.canWrite && actions.canResend) {
    buttons.push(
      <Button key="continue" type="primary" icon={<UploadOutlined />} loading={actions.resending} onClick={actions.onContinue} data-testid="import-continue">
        {t('members.import.continue')}
      </Button>,
    );
  }
  if (job.rejected > 0 && actions.canWrite) {
    buttons.push(
      <Button key="report" icon={<DownloadOutlined />} href={errorReportUrl(job.id)} download data-testid="import-error-report">
        {t('members.import.downloadErrors')}
      </Button>,
    );
  }
  buttons.push(
    <Button key="members" icon={<TeamOutlined />} onClick={() => void navigate('/members')} data-testid="import-view-members">
      {t('members.import.viewMembers')}
    </Button>,
  );
  if (actions.canWrite) {
    buttons.push(
      <Button key="another" type="link" onClick={() => actions.onAnother({ commit: false })} data-testid="import-another">
        {t('members.import.another')}
      </Button>,
    );
  }

  return (
    <div className="import-result" data-testid="import-result">
      <Result
        status={status}
        title={
          <span data-testid="import-result-title">
            {titleOf(job)}
            {job.dryRun && (
              <Tag color="blue" className="import-result-tag">
                {t('members.import.dryRunTag')}
              </Tag>
            )}
          </span>
        }
        subTitle={subTitle}
        extra={buttons}
      >
        {/* A file refused as a whole (no header, not a table) has nothing to count. */}
        {!(failed && job.committedRows === 0) && <ImportCounters job={job} />}
      </Result>
      {job.errors.length > 0 && <ImportErrorTable errors={job.errors} rejected={job.rejected} />}
    </div>
  );
}
