import { Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLoad } from '../../../../web/api/use-load';
import { LoadError } from '../../../../web/components/LoadError';
import { t } from '../../../../web/i18n';
import { fetchImportJobs, type TImportJobRow } from './api';
import { formatCount, formatMinute } from './format';

function StatusTag({ job }: { job: TImportJobRow }) {
  switch (job.status) {
    case 'queued':
      return <Tag>{t('members.import.status.queued')}</Tag>;
    case 'running':
      return <Tag color="processing">{t('members.import.status.running')}</Tag>;
    case 'failed':
      return <Tag color="error">{t('members.import.status.failed')}</Tag>;
    case 'completed':
      return job.dryRun ? <Tag color="blue">{t('members.import.status.dryRun')}</Tag> : <Tag color="success">{t('members.import.status.completed')}</Tag>;
  }
}

const count = (key: 'imported' | 'updated' | 'unchanged' | 'rejected') => ({
  title: t(`members.import.count.${key}`),
  dataIndex: key,
  width: 72,
  align: 'right' as const,
  render: (value: number) => <span className={key === 'rejected' && value > 0 ? 'import-rejected-count' : undefined}>{formatCount(value)}</span>,
});

/** 最近导入: the subtree's recent jobs; a row opens the job's progress or result. */
export function RecentImports({ onOpen, refreshKey }: { onOpen: (jobId: number) => void; refreshKey: number }) {
  const jobs = useLoad(fetchImportJobs, [refreshKey]);
  const columns: ColumnsType<TImportJobRow> = [
    {
      title: t('members.import.col.file'),
      dataIndex: 'fileName',
      ellipsis: true,
      render: (fileName: string, job) => (
        <Button type="link" size="small" className="import-recent-file" onClick={(event) => {
            event.stopPropagation();
            onOpen(job.id);
          }}
          data-testid={`import-job-${job.id}`}>
          {fileName}
        </Button>
      ),
    },
    { title: t('members.import.col.org'), dataIndex: 'orgName', ellipsis: true, width: 220 },
    { title: t('members.import.col.status'), key: 'status', width: 96, render: (_, job) => <StatusTag job={job} /> },
    count('imported'),
    count('updated'),
    count('unchanged'),
    count('rejected'),
    {
      title: t('members.import.col.time'),
      dataIndex: 'createdAt',
      width: 140,
      render: (createdAt: string) => <span className="import-time">{formatMinute(createdAt)}</span>,
    },
  ];
  return (
    <Card size="small" title={t('members.import.recent')} className="import-recent" data-testid="import-recent">
      {jobs.error ? (
        <LoadError error={jobs.error} onRetry={jobs.reload} inline />
      ) : (
        <Table<TImportJobRow>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.loading}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('members.import.recentEmpty') }}
          onRow={(job) => ({ onClick: () => onOpen(job.id), className: 'import-recent-row' })}
          scroll={{ x: 900 }}
        />
      )}
    </Card>
  );
}
