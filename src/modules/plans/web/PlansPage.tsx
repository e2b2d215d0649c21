import { ImportOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Progress, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { PLAN_STATUS_LABELS, type TPlanList } from '../contract';
import { fetchPlans, fetchReports, fetchRollup } from './api';
import { formatInstant } from './plan-format';
import './plans.css';

type Row = TPlanList['items'][number];
type Box = 'all' | 'own' | 'received';

/** The viewer's pending action on a plan: 待确认 (a draft of its own), 待签收, 待审核 (reports in its inbox) — null when none. */
function PendingTags({ row, canReview }: { row: Row; canReview: boolean }) {
  const toReview = useLoad(
    () => (canReview && row.status === 'confirmed' ? fetchReports(row.id, { box: 'toReview' }).then((items) => items.length) : Promise.resolve(0)),
    [row.id, canReview, row.status],
  );
  return (
    <Space size={4} wrap>
      {row.status === 'draft' && row.relation === 'owner' ? <Tag color="orange">{t('plans.status.toConfirm')}</Tag> : null}
      {row.receipt && !row.receipt.acknowledgedAt ? <Tag color="orange" data-testid="pending-acknowledge">{t('plans.status.toAcknowledge')}</Tag> : null}
      {row.receipt?.acknowledgedAt ? <Tag color="blue">{t('plans.status.toReport')}</Tag> : null}
      {toReview.data ? (
        <Badge count={toReview.data} size="small" offset={[4, 0]}>
          <Tag color="red">{t('plans.status.toReview')}</Tag>
        </Badge>
      ) : null}
    </Space>
  );
}

/** The plan's overall completion from its roll-up at the viewer's union (confirmed plans only). */
function PlanProgress({ row }: { row: Row }) {
  const rollup = useLoad(() => (row.status === 'confirmed' ? fetchRollup(row.id).then((data) => data.summary.completion) : Promise.resolve(null)), [row.id, row.status]);
  if (row.status !== 'confirmed') return <span className="plans-muted">—</span>;
  if (rollup.data === undefined) return null;
  return rollup.data === null ? <span className="plans-muted">{t('plans.list.noFigures')}</span> : <Progress percent={Math.min(100, Math.round(rollup.data))} size="small" />;
}

/**
 * 工作部署 (/plans): the plans the viewer's union issued or received, their
 * status and progress, and what waits for it (待签收, 待上报, 待审核).
 */
export function PlansPage() {
  const me = useMe();
  const [box, setBox] = useState<Box>('all');
  const plans = useLoad(() => fetchPlans(box), [box, me.org.id]);
  const canWrite = me.permissions.includes('plans.write');
  const canReview = me.permissions.includes('plans.review');
  return (
    <div className="plans-page" data-testid="plans-page">
      <Card
        size="small"
        title={<h1 className="page-title">{t('plans.list.title')}</h1>}
        extra={
          canWrite ? (
            <Link to="/plans/import">
              <Button type="primary" icon={<ImportOutlined />} data-testid="plans-import">
                {t('plans.import.open')}
              </Button>
            </Link>
          ) : null
        }
      >
        <Segmented
          className="plans-toolbar"
          value={box}
          onChange={(value) => setBox(value as Box)}
          options={[
            { value: 'all', label: t('plans.list.all') },
            { value: 'own', label: t('plans.list.own') },
            { value: 'received', label: t('plans.list.received') },
          ]}
        />
        {plans.error ? (
          <LoadError error={plans.error} inline onRetry={plans.reload} />
        ) : (
          <Table<Row>
            size="small"
            rowKey="id"
            loading={plans.loading}
            dataSource={plans.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('plans.list.empty') }}
            data-testid="plans-table"
            scroll={{ x: 960 }}
            columns={[
              {
                title: t('plans.list.plan'),
                render: (_, row) => (
                  <div>
                    <Link to={`/plans/${row.id}`} data-testid={`plan-link-${row.id}`}>
                      {row.title ?? t('plans.untitled')}
                    </Link>
                    <div className="plans-muted">{[row.docNumber, t('plans.list.measureCount', { count: row.measureCount })].filter(Boolean).join(' · ')}</div>
                  </div>
                ),
              },
              { title: t('plans.list.from'), width: 170, render: (_, row) => row.receipt?.from.name ?? row.orgUnit.name },
              { title: t('plans.list.status'), width: 90, render: (_, row) => <Tag color={row.status === 'draft' ? 'orange' : 'green'}>{PLAN_STATUS_LABELS[row.status]}</Tag> },
              { title: t('plans.list.progress'), width: 170, render: (_, row) => <PlanProgress row={row} /> },
              { title: t('plans.list.pending'), width: 200, render: (_, row) => <PendingTags row={row} canReview={canReview} /> },
              { title: t('plans.list.updatedAt'), width: 140, render: (_, row) => formatInstant(row.updatedAt) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
