import { AuditOutlined, GiftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { KeysetTable } from '../../../web/components/KeysetTable';
import { useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { useKeysetPages } from '../../../web/hooks/useKeysetPages';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { ASSISTANCE_REVIEW, ASSISTANCE_WRITE } from '../contract';
import type { THouseholdRow } from '../household-contract';
import { fetchHouseholds } from './household-api';
import { type HouseholdFilters, HouseholdFilterBar } from './HouseholdFilterBar';
import { HouseholdFormDrawer } from './HouseholdFormDrawer';
import { HouseholdStatusTag, TierTag, yuan } from './household-tags';
import './households.css';

const PAGE = 50;

/**
 * 困难职工档案: the masked list of files in the user's subtree (keyset pages),
 * filtered by the start of the worker's name, status, tier, cause and unit; 新建档案 for clerks, 年度复核 for reviewers.
 */
export function HouseholdsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<{ orgId: number; filters: HouseholdFilters }>({ orgId: me.org.id, filters: {} });
  const [isCreating, setIsCreating] = useState(false);
  const canWrite = me.permissions.includes(ASSISTANCE_WRITE);
  const canReview = me.permissions.includes(ASSISTANCE_REVIEW);
  const orgRoot = useScopeRoot(me.permissions.includes('orgs.read'));
  // A unit picked under another acting unit is out of place after a switch: back to the new unit's top.
  const filters = chosen.orgId === me.org.id ? chosen.filters : { ...chosen.filters, orgUnitId: undefined };
  const setFilters = (next: HouseholdFilters) => setChosen({ orgId: me.org.id, filters: next });

  const pages = useKeysetPages(
    (after) => fetchHouseholds({ orgUnitId: filters.orgUnitId, status: filters.status, tier: filters.tier, cause: filters.cause, q: filters.q, after, limit: PAGE }),
    [filters.orgUnitId, filters.status, filters.tier, filters.cause, filters.q, me.org.id],
  );

  const columns: ColumnsType<THouseholdRow> = [
    {
      title: t('hh.field.name'),
      dataIndex: 'name',
      width: 100,
      fixed: 'left',
      render: (name: string, row) => (
        <Link to={`/assistance/${row.id}`} data-testid={`household-link-${row.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('hh.field.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
    { title: t('hh.field.union'), key: 'union', ellipsis: true, render: (_, row) => row.union.name },
    { title: t('hh.field.status'), dataIndex: 'status', width: 150, render: (_, row) => <HouseholdStatusTag status={row.status} /> },
    { title: t('hh.field.tier'), dataIndex: 'tier', width: 130, render: (_, row) => <TierTag tier={row.tier} /> },
    { title: t('hh.field.mainCause'), dataIndex: 'mainCauseLabel', width: 110 },
    { title: t('hh.field.householdSize'), dataIndex: 'householdSize', width: 80, align: 'right' },
    { title: t('hh.field.perCapita'), dataIndex: 'perCapitaMonthly', width: 130, align: 'right', render: (value: number) => yuan(value) },
    { title: t('hh.field.filedOn'), dataIndex: 'filedOn', width: 110, render: (value: string | null) => value ?? t('hh.none') },
  ];

  return (
    <Card
      size="small"
      className="hh-card"
      title={t('hh.list.title')}
      extra={
        <div className="hh-actions">
          {!orgRoot && <span className="hh-muted">{t('hh.list.scope', { org: me.org.name })}</span>}
          <Button icon={<GiftOutlined />} data-testid="household-campaigns" onClick={() => void navigate('/assistance/campaigns')}>
            {t('campaign.list.entry')}
          </Button>
          {canReview && (
            <Button icon={<AuditOutlined />} data-testid="household-reverify" onClick={() => void navigate('/assistance/reverification')}>
              {t('hh.list.reverify')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="household-new" onClick={() => setIsCreating(true)}>
              {t('hh.list.new')}
            </Button>
          )}
        </div>
      }
    >
      <HouseholdFilterBar filters={filters} onChange={setFilters} orgRoot={orgRoot} />
      <KeysetTable<THouseholdRow>
        pages={pages}
        columns={columns}
        testId="household-table"
        scrollX={1150}
        emptyText={t('hh.list.empty')}
        loadedText={t('hh.list.loaded', { count: pages.rows.length })}
        moreText={t('hh.list.more')}
      />
      {canWrite && (
        <HouseholdFormDrawer
          open={isCreating}
          onClose={() => setIsCreating(false)}
          onSaved={(detail) => {
            setIsCreating(false);
            void navigate(`/assistance/${detail.id}`);
          }}
        />
      )}
    </Card>
  );
}
