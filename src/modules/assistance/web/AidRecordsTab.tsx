import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import type { TAidRecord } from '../aid-contract';
import type { TEvidenceFile, THouseholdDetail } from '../household-contract';
import { fetchHouseholdAid } from './aid-api';
import { AidRecordDrawer } from './AidRecordDrawer';
import { AidRecordFormDrawer } from './AidRecordFormDrawer';
import { AidStatusTag, receiptText } from './AidStatusTag';
import { yuan } from './household-tags';
import './aid.css';

/**
 * 帮扶记录 of one household (its tab on the household page): every payment and
 * in-kind delivery with category, source, amount or item, status and receipt,
 * the year's totals, 登记帮扶 for a filed household, and each record's steps
 * in a drawer. The list read is audited (sensitive-read), so it loads when the tab opens.
 */
export function AidRecordsTab({
  household,
  canWrite,
  onUploaded,
}: {
  household: THouseholdDetail;
  canWrite: boolean;
  onUploaded: (file: TEvidenceFile) => void;
}) {
  const [round, setRound] = useState(0);
  const [isCreating, setIsCreating] = useState(false);
  const [opened, setOpened] = useState<number | undefined>();
  const loaded = useLoad(() => fetchHouseholdAid(household.id), [household.id, round]);
  const reload = () => setRound((value) => value + 1);

  const columns: ColumnsType<TAidRecord> = [
    { title: t('aid.col.date'), dataIndex: 'aidDate', width: 110 },
    {
      title: t('aid.col.category'),
      dataIndex: 'categoryLabel',
      width: 170,
      render: (label: string, record) => (
        <Space size={4}>
          {label}
          {record.campaignId !== null && <Tag>{t('aid.col.campaign')}</Tag>}
        </Space>
      ),
    },
    { title: t('aid.col.source'), dataIndex: 'fundingSourceLabel', width: 100 },
    {
      title: t('aid.col.amount'),
      dataIndex: 'amount',
      width: 160,
      align: 'right',
      render: (amount: number, record) => (record.itemDescription ? `${yuan(amount)}（${record.itemDescription} × ${record.quantity ?? ''}）` : yuan(amount)),
    },
    { title: t('aid.col.payingUnion'), key: 'payingUnion', ellipsis: true, render: (_, record) => record.payingUnion.name },
    { title: t('aid.col.status'), dataIndex: 'status', width: 100, render: (_, record) => <AidStatusTag status={record.status} /> },
    { title: t('aid.col.receipt'), key: 'receipt', width: 180, render: (_, record) => receiptText(record) },
    {
      key: 'open',
      width: 80,
      render: (_, record) => (
        <Button type="link" size="small" onClick={() => setOpened(record.id)} data-testid={`aid-open-${record.id}`}>
          {t('aid.tab.open')}
        </Button>
      ),
    },
  ];

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} inline />;
  if (!loaded.data) return <Spin />;
  const filed = household.status === 'filed';
  return (
    <div className="aid-tab" data-testid="aid-tab">
      <div className="aid-tab-head">
        <Space wrap data-testid="aid-totals">
          {loaded.data.totals.map((total) => (
            <Tag key={total.year} color="blue">
              {t('aid.tab.totals', { year: total.year, committed: yuan(total.committed), disbursed: yuan(total.disbursed) })}
            </Tag>
          ))}
        </Space>
        {canWrite && filed && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="aid-new">
            {t('aid.tab.new')}
          </Button>
        )}
      </div>
      {canWrite && !filed && <Alert type="info" showIcon className="hh-form-alert" title={t('aid.tab.notFiled')} />}
      <Table<TAidRecord>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={loaded.data.items}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('aid.tab.empty') }}
        data-testid="aid-table"
      />
      {canWrite && filed && (
        <AidRecordFormDrawer
          open={isCreating}
          household={household}
          onClose={() => setIsCreating(false)}
          onSaved={(record) => {
            setIsCreating(false);
            reload();
            setOpened(record.id);
          }}
        />
      )}
      <AidRecordDrawer
        recordId={opened}
        signer={household.worker.name}
        files={household.files}
        canUpload={canWrite}
        onUploaded={onUploaded}
        onClose={() => setOpened(undefined)}
        onChanged={reload}
      />
    </div>
  );
}
