import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Spin, Steps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ApiError, isApiError } from '../../../web/api/client';
import { LoadError } from '../../../web/components/LoadError';
import { useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { isUnfinished, uploadImportFile } from './import/api';
import { formatCount } from './import/format';
import { type ImportChoice, ImportChooser } from './import/ImportChooser';
import { ImportProgress } from './import/ImportProgress';
import { ImportResult } from './import/ImportResult';
import { RecentImports } from './import/RecentImports';
import { useImportJob } from './import/useImportJob';
import './import/import.css';
import './members.css';

/** The file last sent, kept so that a dry run can be imported for real (or a broken run continued). */
type Sent = { file: File; unitId: number; jobId: number };

const jobFromUrl = (value: string | null): number | undefined => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

const asApiError = (error: unknown): ApiError | undefined => (isApiError(error) ? error : undefined);

/**
 * 批量导入 (/members/import): choose the union and the file, follow the job
 * while the server imports it, then read the result and the refused rows.
 * The job's id is in the URL (?job=), so a reload or a later visit shows it
 * again; the import itself runs on the server whether or not anyone watches.
 */
export function ImportPage() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const jobId = jobFromUrl(searchParams.get('job'));
  const canWrite = me.permissions.includes('members.write');
  const canPick = me.permissions.includes('orgs.read');
  const orgRoot = useScopeRoot(canPick);

  const [sent, setSent] = useState<Sent | undefined>();
  const [uploading, setUploading] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | undefined>();
  const [recentRound, setRecentRound] = useState(0);

  // The choice belongs to the acting unit: after a switch, start again from the new unit.
  const [chosen, setChosen] = useState<{ orgId: number; choice: ImportChoice }>({
    orgId: me.org.id,
    choice: { unitId: me.org.id, dryRun: true, file: undefined },
  });
  const choice: ImportChoice = chosen.orgId === me.org.id ? chosen.choice : { unitId: me.org.id, dryRun: true, file: undefined };
  const setChoice = (next: ImportChoice) => {
    setChosen({ orgId: me.org.id, choice: next });
    // A refusal is about the file sent: another choice starts afresh.
    setRefusal(undefined);
  };

  const followed = useImportJob(jobId);
  const job = followed.job;

  const openJob = (id: number | undefined) => {
    setRefusal(undefined);
    setSearchParams(id === undefined ? {} : { job: String(id) });
    if (id === undefined) setRecentRound((round) => round + 1);
  };

  const send = async (file: File, unitId: number, dryRun: boolean) => {
    setUploading(true);
    setRefusal(undefined);
    try {
      const started = await uploadImportFile(file, unitId, dryRun);
      setSent({ file, unitId, jobId: started.jobId });
      if (started.resumed) void message.info(t('members.import.resumed'));
      setSearchParams({ job: String(started.jobId) });
    } catch (caught) {
      const error = asApiError(caught);
      if (error) setRefusal(error);
      else void message.error(t('page.loadFailed'));
    } finally {
      setUploading(false);
    }
  };

  const start = () => {
    if (choice.file) void send(choice.file, choice.unitId, choice.dryRun);
  };
  const resendable = job !== undefined && sent !== undefined && sent.jobId === job.id && sent.unitId === job.orgUnitId;
  const commit = () => {
    if (!job || !sent) return;
    modal.confirm({
      title: t('members.import.commit'),
      content:
        job.rejected > 0
          ? t('members.import.commitConfirm', { file: job.fileName, org: job.orgName, count: formatCount(job.rejected) })
          : t('members.import.commitConfirmClean', { file: job.fileName, org: job.orgName }),
      okText: t('members.import.commit'),
      cancelText: t('common.cancel'),
      onOk: () => send(sent.file, job.orgUnitId, false),
    });
  };

  const step = jobId === undefined ? 0 : job && !isUnfinished(job) ? 2 : 1;
  const failed = job?.status === 'failed';

  let body;
  if (jobId === undefined) {
    body = (
      <ImportChooser
        choice={choice}
        onChange={setChoice}
        orgRoot={orgRoot}
        canPick={canPick}
        ownUnit={me.org}
        uploading={uploading}
        onStart={start}
      />
    );
  } else if (!job) {
    body = followed.error && !followed.retrying ? (
      <div className="import-load-error">
        <LoadError error={followed.error} inline />
        <Button onClick={() => openJob(undefined)}>{t('members.import.another')}</Button>
      </div>
    ) : (
      <div className="import-loading">
        <Spin />
      </div>
    );
  } else if (isUnfinished(job)) {
    body = <ImportProgress job={job} />;
  } else {
    body = (
      <ImportResult
        job={job}
        actions={{
          canResend: resendable,
          resending: uploading,
          onCommit: commit,
          onContinue: () => sent && void send(sent.file, job.orgUnitId, false),
          onAnother: ({ commit: forCommit }) => {
            // After a dry run whose file is gone (a reload), the user picks it again to import it for real.
            setChoice({ unitId: job.orgUnitId, dryRun: forCommit ? false : choice.dryRun, file: undefined });
            openJob(undefined);
          },
          canWrite,
        }}
      />
    );
  }

  return (
    <div className="import-page" data-testid="import-page">
      {/* Without members.write (the route is open to readers of the list) only the recent jobs and their results show. */}
      {(canWrite || jobId !== undefined) && (
        <Card size="small" className="import-card" title={t('members.import.title')}>
          <Link to="/members" className="member-back">
            <ArrowLeftOutlined /> {t('members.detail.back')}
          </Link>
          <Steps
            className="import-steps"
            size="small"
            current={step}
            status={failed ? 'error' : step === 2 ? 'finish' : 'process'}
            items={[{ title: t('members.import.step.choose') }, { title: t('members.import.step.run') }, { title: t('members.import.step.result') }]}
          />
          {refusal && (
            <Alert
              type="error"
              showIcon
              className="import-refusal"
              title={`${t('members.import.refused')}：${refusal.message}`}
              description={refusal.requestId ? t('error.requestId', { id: refusal.requestId }) : undefined}
              closable={{ onClose: () => setRefusal(undefined) }}
              data-testid="import-refusal"
            />
          )}
          {job && followed.error && followed.retrying && (
            <Alert type="warning" showIcon className="import-refusal" title={t('members.import.pollFailed', { message: followed.error.message })} />
          )}
          {body}
        </Card>
      )}
      {jobId === undefined && <RecentImports onOpen={openJob} refreshKey={recentRound} />}
    </div>
  );
}
