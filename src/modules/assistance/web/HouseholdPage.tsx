import { ArrowLeftOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Spin, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TWorkflowAction } from '../../../core/workflow/contract';
import { ASSISTANCE_REVEAL, ASSISTANCE_WRITE } from '../contract';
import type { THouseholdDetail } from '../household-contract';
import { EDITABLE_HOUSEHOLD_STATUSES } from '../vocabulary';
import { AidRecordsTab } from './AidRecordsTab';
import { ClassificationCard } from './ClassificationCard';
import { EvidencePanel } from './EvidencePanel';
import { FilingActionDialog } from './FilingActionDialog';
import { FilingActions } from './FilingActions';
import { FilingTimeline } from './FilingTimeline';
import { fetchHousehold, fetchHouseholdActions, fetchHouseholdHistory } from './household-api';
import { HouseholdFacts } from './HouseholdFacts';
import { HouseholdFormDrawer } from './HouseholdFormDrawer';
import { HouseholdStatusTag, TierTag } from './household-tags';
import './households.css';

/** The history tab: loaded when opened (each read is audited), again after every step. */
function HistoryTab({ householdId, round }: { householdId: number; round: number }) {
  const history = useLoad(() => fetchHouseholdHistory(householdId), [householdId, round]);
  if (history.error) return <LoadError error={history.error} onRetry={history.reload} inline />;
  if (!history.data) return <Spin />;
  return <FilingTimeline steps={history.data.steps} />;
}

/**
 * One hardship file (/assistance/:id): the classification with its reasons,
 * the facts (sensitive fields masked, 查看完整 with a reason), evidence, the
 * filing steps this user may take now, the history, and 打印公示 during the
 * notice, and 帮扶记录 (payments and deliveries with their approval and receipt).
 */
export function HouseholdPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [round, setRound] = useState(0);
  const loaded = useLoad(() => Promise.all([fetchHousehold(id), fetchHouseholdActions(id)]), [id, me.org.id, round]);
  const [household, setHousehold] = useState<THouseholdDetail | undefined>();
  const [choosing, setChoosing] = useState<TWorkflowAction | undefined>();
  const [isEditing, setIsEditing] = useState(false);
  useEffect(() => setHousehold(loaded.data?.[0]), [loaded.data]);

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!household || !loaded.data) return <Spin className="hh-spin" />;
  const { workflow, actions } = loaded.data[1];
  const canWrite = me.permissions.includes(ASSISTANCE_WRITE);
  const canEdit = canWrite && EDITABLE_HOUSEHOLD_STATUSES.includes(household.status);
  const refresh = () => setRound((value) => value + 1);
  const tab = params.get('tab') ?? 'file';
  const addFile = (file: THouseholdDetail['files'][number]) => setHousehold((previous) => (previous ? { ...previous, files: [...previous.files, file] } : previous));

  return (
    <div className="hh-page" data-testid="household-page">
      <div className="hh-page-head">
        <Link to="/assistance" className="hh-back">
          <ArrowLeftOutlined /> {t('hh.detail.back')}
        </Link>
        <h1 className="page-title hh-title" data-testid="household-title">
          {household.worker.name}
        </h1>
        <Space size={4} wrap>
          <HouseholdStatusTag status={household.status} testId="household-status" />
          <TierTag tier={household.classification.tier} />
          <Tag>{household.union.name}</Tag>
          {workflow?.noticeEndsOn && household.status === 'notice' && <Tag color="gold">{t('hh.detail.noticeEnds', { day: workflow.noticeEndsOn })}</Tag>}
          <span className="hh-muted">{t('hh.detail.version', { version: household.version })}</span>
        </Space>
        <Space className="hh-head-actions">
          {household.status === 'notice' && (
            <Link to={`/assistance/${household.id}/notice`} data-testid="household-notice-link">
              <Button icon={<PrinterOutlined />}>{t('hh.detail.notice')}</Button>
            </Link>
          )}
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="household-edit">
              {t('hh.detail.edit')}
            </Button>
          )}
        </Space>
      </div>
      <Card size="small" title={t('hh.detail.workflow')} className="hh-workflow-card">
        <FilingActions actions={actions} onChoose={setChoosing} />
      </Card>
      <Card size="small" className="hh-tabs-card">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'file',
              label: t('hh.detail.tab.file'),
              children: (
                <div className="hh-file-tab">
                  <ClassificationCard household={household} />
                  <HouseholdFacts household={household} canReveal={me.permissions.includes(ASSISTANCE_REVEAL)} />
                </div>
              ),
            },
            {
              key: 'evidence',
              label: `${t('hh.detail.tab.evidence')}（${household.files.length}）`,
              children: <EvidencePanel householdId={household.id} files={household.files} canUpload={canWrite} onUploaded={addFile} />,
            },
            { key: 'history', label: t('hh.detail.tab.history'), children: <HistoryTab householdId={household.id} round={round} /> },
            { key: 'aid', label: t('hh.detail.tab.aid'), children: <AidRecordsTab household={household} canWrite={canWrite} onUploaded={addFile} /> },
          ]}
        />
      </Card>
      {workflow && (
        <FilingActionDialog
          householdId={household.id}
          version={workflow.version}
          action={choosing}
          files={household.files}
          canUpload={canWrite}
          onUploaded={addFile}
          onClose={() => setChoosing(undefined)}
          onDone={(label) => {
            setChoosing(undefined);
            void message.success(t('hh.action.done', { label }));
            refresh();
          }}
          onStale={() => {
            setChoosing(undefined);
            void message.warning(t('hh.action.stale'));
            refresh();
          }}
        />
      )}
      {canEdit && (
        <HouseholdFormDrawer
          open={isEditing}
          household={household}
          onClose={() => setIsEditing(false)}
          onSaved={() => {
            setIsEditing(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
