import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TCampaign } from '../aid-contract';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../aid-vocabulary';
import { ASSISTANCE_WRITE } from '../contract';
import { fetchCampaigns } from './aid-api';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { CampaignStatusTag } from './CampaignStatusTag';
import { optionsOf, yuan } from './household-tags';
import './aid.css';
import './households.css';

/** 批量帮扶活动 (/assistance/campaigns): those paid by the caller's union and below, newest first; 新建活动 for clerks. */
export function CampaignsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [status, setStatus] = useState<CampaignStatus | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const loaded = useLoad(() => fetchCampaigns({ status }), [status, me.org.id]);
  const canWrite = me.permissions.includes(ASSISTANCE_WRITE);

  const columns: ColumnsType<TCampaign> = [
    {
      title: t('campaign.col.name'),
      dataIndex: 'name',
      render: (name: string, campaign) => (
        <Link to={`/assistance/campaigns/${campaign.id}`} data-testid={`campaign-link-${campaign.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('campaign.col.payingUnion'), key: 'payingUnion', width: 140, render: (_, campaign) => campaign.payingUnion.name },
    { title: t('campaign.col.category'), dataIndex: 'categoryLabel', width: 100 },
    { title: t('campaign.col.source'), dataIndex: 'fundingSourceLabel', width: 100 },
    { title: t('campaign.col.standard'), dataIndex: 'standardAmount', width: 120, align: 'right', render: (value: number) => yuan(value) },
    { title: t('campaign.col.households'), dataIndex: 'households', width: 70, align: 'right' },
    { title: t('campaign.col.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (value: number) => yuan(value) },
    { title: t('campaign.col.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (value: number) => yuan(value) },
    { title: t('campaign.col.date'), dataIndex: 'aidDate', width: 110 },
    { title: t('campaign.col.status'), dataIndex: 'status', width: 120, render: (value: CampaignStatus) => <CampaignStatusTag status={value} /> },
  ];

  return (
    <div className="hh-page campaign-page" data-testid="campaigns-page">
      <Link to="/assistance" className="hh-back">
        <ArrowLeftOutlined /> {t('campaign.list.back')}
      </Link>
      <Card
        size="small"
        title={t('campaign.list.title')}
        extra={
          <div className="hh-actions">
            <Select<CampaignStatus>
              id="campaign-status-filter"
              allowClear
              placeholder={t('campaign.list.status')}
              value={status}
              onChange={setStatus}
              options={optionsOf(CAMPAIGN_STATUS_LABELS)}
              style={{ width: 140 }}
            />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="campaign-new">
                {t('campaign.list.new')}
              </Button>
            )}
          </div>
        }
      >
        {loaded.error ? (
          <LoadError error={loaded.error} onRetry={loaded.reload} inline />
        ) : (
          <Table<TCampaign>
            rowKey="id"
            size="small"
            loading={loaded.loading}
            columns={columns}
            dataSource={loaded.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('campaign.list.empty') }}
            data-testid="campaign-table"
          />
        )}
      </Card>
      {canWrite && (
        <CampaignFormDrawer
          open={isCreating}
          onClose={() => setIsCreating(false)}
          onSaved={(campaign) => {
            setIsCreating(false);
            void navigate(`/assistance/campaigns/${campaign.id}`);
          }}
        />
      )}
    </div>
  );
}
