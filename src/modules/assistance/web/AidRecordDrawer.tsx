import { App, Button, Descriptions, Drawer, Space, Spin, Tag, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import type { TWorkflowAction } from '../../../core/workflow/contract';
import type { TAidRecord, TAidRecordDetail } from '../aid-contract';
import type { TEvidenceFile } from '../household-contract';
import { fetchAidRecord } from './aid-api';
import { AidActionDialog } from './AidActionDialog';
import { AidStatusTag, receiptText } from './AidStatusTag';
import { FilingTimeline } from './FilingTimeline';
import { yuan } from './household-tags';

const DANGER = /^(refuse|cancel)/;

/** A record's facts as the drawer lists them. */
function AidFacts({ record }: { record: TAidRecord }) {
  return (
    <Descriptions size="small" column={2} bordered data-testid="aid-record-facts">
      <Descriptions.Item label={t('aid.col.category')}>{record.categoryLabel}</Descriptions.Item>
      <Descriptions.Item label={t('aid.col.source')}>{record.fundingSourceLabel}</Descriptions.Item>
      <Descriptions.Item label={t('aid.col.amount')}>{yuan(record.amount)}</Descriptions.Item>
      <Descriptions.Item label={t('aid.col.item')}>{record.itemDescription ? `${record.itemDescription} × ${record.quantity ?? ''}` : t('hh.none')}</Descriptions.Item>
      <Descriptions.Item label={t('aid.col.date')}>{record.aidDate}</Descriptions.Item>
      <Descriptions.Item label={t('aid.col.payingUnion')}>{record.payingUnion.name}</Descriptions.Item>
      {record.student && <Descriptions.Item label={t('aid.record.student')}>{record.student.name}</Descriptions.Item>}
      <Descriptions.Item label={t('aid.col.receipt')} span={2}>
        <span data-testid="aid-record-receipt">{receiptText(record)}</span>
      </Descriptions.Item>
      {record.note && (
        <Descriptions.Item label={t('aid.record.note')} span={2}>
          {record.note}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * One 帮扶记录 (opened from the household's tab): its facts, the steps this
 * user may take now (批准 / 不予批准 / 撤销 / 登记发放 / 确认签收; a blocked one
 * shows the guard's reason, such as a cap) and the history. Each read is audited.
 */
export function AidRecordDrawer({
  recordId,
  signer,
  files,
  canUpload,
  onUploaded,
  onClose,
  onChanged,
}: {
  recordId: number | undefined;
  signer: string;
  files: TEvidenceFile[];
  canUpload: boolean;
  onUploaded: (file: TEvidenceFile) => void;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const [choosing, setChoosing] = useState<TWorkflowAction | undefined>();
  const loaded = useLoad<TAidRecordDetail | undefined>(() => (recordId === undefined ? Promise.resolve(undefined) : fetchAidRecord(recordId)), [recordId, round]);
  // While the drawer closes it keeps showing the record it had (no spinner flash).
  const shown = useRef<TAidRecordDetail | undefined>(undefined);
  if (loaded.data) shown.current = loaded.data;
  const record = recordId === undefined ? shown.current : loaded.data?.id === recordId ? loaded.data : undefined;

  return (
    <Drawer
      className="aid-record-drawer"
      title={recordId === undefined ? '' : t('aid.record.title', { id: recordId })}
      open={recordId !== undefined}
      onClose={onClose}
      size={720}
      destroyOnHidden
    >
      {loaded.error && recordId !== undefined ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} inline />
      ) : !record ? (
        <Spin />
      ) : (
        <div className="aid-record" data-testid="aid-record">
          <Space className="aid-record-head" wrap>
            <AidStatusTag status={record.status} testId="aid-record-status" />
            <Tag>{record.household.name}</Tag>
          </Space>
          <AidFacts record={record} />
          <h3 className="aid-section">{t('aid.record.workflow')}</h3>
          {record.campaignId !== null ? (
            <span className="hh-muted">{t('aid.record.campaign')}</span>
          ) : record.actions.length === 0 ? (
            <span className="hh-muted">{t('aid.record.noActions')}</span>
          ) : (
            <Space wrap data-testid="aid-record-actions">
              {record.actions.map((action) => {
                const button = (
                  <Button
                    key={action.transition}
                    type={DANGER.test(action.transition) ? 'default' : 'primary'}
                    danger={DANGER.test(action.transition)}
                    disabled={action.blockedBy !== null}
                    onClick={() => setChoosing(action)}
                    data-testid={`aid-action-${action.transition}`}
                  >
                    {action.label}
                  </Button>
                );
                return action.blockedBy ? (
                  <Tooltip key={action.transition} title={action.blockedBy}>
                    <span>{button}</span>
                  </Tooltip>
                ) : (
                  button
                );
              })}
            </Space>
          )}
          {record.actions
            .filter((action) => action.blockedBy)
            .map((action) => (
              <div key={action.transition} className="hh-blocked" data-testid={`aid-blocked-${action.transition}`}>
                {t('hh.action.blocked')}「{action.label}」：{action.blockedBy}
              </div>
            ))}
          <h3 className="aid-section">{t('aid.record.history')}</h3>
          <FilingTimeline steps={record.history} />
          <AidActionDialog
            record={record}
            action={choosing}
            signer={signer}
            files={files}
            canUpload={canUpload}
            onUploaded={onUploaded}
            onClose={() => setChoosing(undefined)}
            onDone={(label) => {
              setChoosing(undefined);
              void message.success(t('aid.action.done', { label }));
              setRound((value) => value + 1);
              onChanged();
            }}
            onStale={() => {
              setChoosing(undefined);
              void message.warning(t('aid.action.stale'));
              setRound((value) => value + 1);
              onChanged();
            }}
          />
        </div>
      )}
    </Drawer>
  );
}
