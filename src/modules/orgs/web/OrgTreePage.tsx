import { ApartmentOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Breadcrumb, Button, Card, Descriptions, type DescriptionsProps, Empty, Input, Skeleton, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { INDUSTRY_LABELS, ORGS_WRITE, type TOrgChangeResult, type TOrgDetail, type TOrgNode, UNIT_CATEGORY_LABELS } from '../contract';
import { childTypesOf } from '../type-rules';
import { fetchOrgChildren, fetchOrgDetail } from './api';
import { type OrgChange, OrgChangeDialog } from './OrgChangeDialogs';
import { OrgFormDrawer, type OrgFormTarget } from './OrgFormDrawer';
import { OrgTree } from './OrgTree';
import { OrgTypeTag } from './OrgTypeTag';
import { useElementHeight } from './useElementHeight';
import './orgs.css';

const EMPTY = t('orgs.empty');
const text = (value: string | null | undefined) => (value ? value : EMPTY);
const count = (value: number | null | undefined) => (value === null || value === undefined ? EMPTY : value.toLocaleString('zh-CN'));
const labelled = (labels: Readonly<Record<string, string>>, code: string | null) => (code ? `${code} ${labels[code] ?? ''}`.trim() : EMPTY);

function StatusBadge({ status }: { status: string }) {
  return status === 'active' ? (
    <Badge status="success" text={t('orgs.status.active')} />
  ) : (
    <Badge status="default" text={status === 'dissolved' ? t('orgs.status.dissolved') : status} />
  );
}

function OrgDetailPanel({ detail, actingId, onPick }: { detail: TOrgDetail; actingId: number; onPick: (id: number) => void }) {
  const path = [...detail.ancestors, { id: detail.id, name: detail.name, type: detail.type }];
  // Units above the acting org are shown for context only: the user may not open them.
  const firstInScope = Math.max(0, path.findIndex((item) => item.id === actingId));
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('orgs.field.name'), children: detail.name, span: 'filled' },
    { key: 'type', label: t('orgs.field.type'), children: <OrgTypeTag type={detail.type} /> },
    { key: 'status', label: t('orgs.field.status'), children: <StatusBadge status={detail.status} /> },
    { key: 'code', label: t('orgs.field.code'), children: <span className="mono">{detail.code}</span> },
    { key: 'shortName', label: t('orgs.field.shortName'), children: text(detail.shortName) },
    {
      key: 'creditCode',
      label: t('orgs.field.creditCode'),
      children: <span className="mono" style={{ whiteSpace: 'nowrap' }}>{text(detail.creditCode)}</span>,
    },
    {
      key: 'regionCode',
      label: t('orgs.field.regionCode'),
      children: <span className="mono">{text(detail.regionCode)}</span>,
    },
    { key: 'establishedOn', label: t('orgs.field.establishedOn'), children: text(detail.establishedOn) },
    { key: 'employerName', label: t('orgs.field.employerName'), children: text(detail.employerName) },
    {
      key: 'employerCreditCode',
      label: t('orgs.field.employerCreditCode'),
      children: <span className="mono" style={{ whiteSpace: 'nowrap' }}>{text(detail.employerCreditCode)}</span>,
    },
    { key: 'industryCode', label: t('orgs.field.industryCode'), children: labelled(INDUSTRY_LABELS, detail.industryCode) },
    { key: 'unitCategory', label: t('orgs.field.unitCategory'), children: labelled(UNIT_CATEGORY_LABELS, detail.unitCategory) },
    { key: 'address', label: t('orgs.field.address'), children: text(detail.address), span: 'filled' },
    { key: 'chairName', label: t('orgs.field.chairName'), children: text(detail.chairName) },
    {
      key: 'contact',
      label: t('orgs.field.contact'),
      children: detail.contactName || detail.contactPhoneMasked ? [detail.contactName, detail.contactPhoneMasked].filter(Boolean).join('　') : EMPTY,
    },
    { key: 'employeeCount', label: t('orgs.field.employeeCount'), children: count(detail.employeeCount) },
    {
      key: 'womenMigrant',
      label: `${t('orgs.field.womenCount')} / ${t('orgs.field.migrantCount')}`,
      children: `${count(detail.womenCount)} / ${count(detail.migrantCount)}`,
    },
    { key: 'childCount', label: t('orgs.field.childCount'), children: count(detail.childCount) },
    ...(detail.status === 'dissolved'
      ? [
          { key: 'dissolvedOn', label: t('orgs.field.dissolvedOn'), children: text(detail.dissolvedOn) },
          { key: 'mergedInto', label: t('orgs.field.mergedInto'), children: detail.mergedInto ? detail.mergedInto.name : EMPTY },
        ]
      : []),
    {
      key: 'path',
      label: t('orgs.field.path'),
      span: 'filled',
      children: (
        <Breadcrumb
          className="org-path"
          items={path.map((item, index) =>
            index === path.length - 1 || index < firstInScope
              ? { title: item.name }
              : {
                  title: (
                    <a
                      href={`?id=${item.id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        onPick(item.id);
                      }}
                    >
                      {item.name}
                    </a>
                  ),
                },
          )}
        />
      ),
    },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 2, xxl: 2 }}
      items={items}
      styles={{ label: { width: 150 } }}
    />
  );
}

function ChildList({ parent, onPick }: { parent: TOrgDetail; onPick: (id: number) => void }) {
  const children = useLoad(() => fetchOrgChildren(parent.id), [parent.id]);
  const columns: ColumnsType<TOrgNode> = [
    {
      title: t('orgs.field.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, row) => (
        <a
          href={`?id=${row.id}`}
          onClick={(event) => {
            event.preventDefault();
            onPick(row.id);
          }}
        >
          {name}
        </a>
      ),
    },
    { title: t('orgs.field.type'), dataIndex: 'type', width: 160, render: (type: string) => <OrgTypeTag type={type} /> },
    {
      title: t('orgs.field.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: t('orgs.field.employeeCount'),
      dataIndex: 'employeeCount',
      width: 80,
      align: 'right',
      render: (value: number | null) => count(value),
    },
    { title: t('orgs.field.childCount'), dataIndex: 'childCount', width: 90, align: 'right', render: count },
    {
      title: t('orgs.field.status'),
      dataIndex: 'status',
      width: 72,
      render: (status: string) => <StatusBadge status={status} />,
    },
  ];
  if (children.error) return <LoadError inline error={children.error} onRetry={children.reload} />;
  const data = children.data;
  return (
    <Table<TOrgNode>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={children.loading}
      scroll={{ x: 760 }}
      pagination={{
        pageSize: 10,
        size: 'small',
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: () =>
          data && data.total > data.items.length
            ? t('orgs.more', { shown: data.items.length, total: data.total })
            : t('orgs.childTotal', { n: data?.total ?? 0 }),
      }}
    />
  );
}

/** The buttons for a holder of orgs.write: what may be done to the selected unit. */
function OrgActions({ detail, isOwnUnit, onForm, onChange }: {
  detail: TOrgDetail;
  isOwnUnit: boolean;
  onForm: (target: OrgFormTarget) => void;
  onChange: (change: OrgChange) => void;
}) {
  if (detail.status !== 'active') return null;
  const parentType = detail.ancestors.at(-1)?.type;
  return (
    <Space size={4} wrap>
      {childTypesOf(detail.type).length > 0 && (
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => onForm({ mode: 'create', parent: detail })} data-testid="org-create">
          {t('orgs.action.create')}
        </Button>
      )}
      <Button size="small" icon={<EditOutlined />} onClick={() => onForm({ mode: 'edit', unit: detail, parentType, isOwnUnit })} data-testid="org-edit">
        {t('orgs.action.edit')}
      </Button>
      {!isOwnUnit && (
        <>
          <Button size="small" icon={<ApartmentOutlined />} onClick={() => onChange('move')} data-testid="org-move">
            {t('orgs.action.move')}
          </Button>
          <Button size="small" icon={<MergeCellsOutlined />} onClick={() => onChange('merge')} data-testid="org-merge">
            {t('orgs.action.merge')}
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onChange('dissolve')} data-testid="org-dissolve">
            {t('orgs.action.dissolve')}
          </Button>
        </>
      )}
    </Space>
  );
}

const handedOverText = (result: TOrgChangeResult) =>
  result.handedOver.map((item) => t('orgs.done.handedOver', { label: item.label, count: item.count })).join('，');

/** 组织机构: the lazy tree on the left, the selected unit's details and children on the right; changes for orgs.write. */
export function OrgTreePage() {
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState('');
  const [treeBox, treeHeight] = useElementHeight<HTMLDivElement>(480);
  const requested = Number(params.get('id'));
  const selectedId = Number.isInteger(requested) && requested > 0 ? requested : me.org.id;
  // Bumped after every change: the detail, the child list and the tree load again.
  const [version, setVersion] = useState(0);
  const detail = useLoad(() => fetchOrgDetail(selectedId), [selectedId, version]);
  const pick = (id: number) => setParams(id === me.org.id ? {} : { id: String(id) });
  const reveal = useMemo(() => detail.data?.ancestors.map((item) => item.id), [detail.data]);
  const canWrite = me.permissions.includes(ORGS_WRITE);
  const scopeRoot = useScopeRoot(canWrite);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | undefined>();
  const [change, setChange] = useState<OrgChange | undefined>();

  const saved = (unit: TOrgDetail, mode: 'create' | 'edit') => {
    setFormTarget(undefined);
    message.success(t(mode === 'create' ? 'orgs.done.create' : 'orgs.done.edit', { name: unit.name }));
    setVersion((value) => value + 1);
    if (mode === 'create') pick(unit.id);
  };
  const changed = (kind: OrgChange, result: TOrgChangeResult) => {
    setChange(undefined);
    const done =
      kind === 'move'
        ? t('orgs.done.move', { n: result.movedUnits })
        : t(kind === 'merge' ? 'orgs.done.merge' : 'orgs.done.dissolve', { name: result.unit.name });
    const moved = handedOverText(result);
    message.success(moved ? `${done}（${moved}）` : done);
    setVersion((value) => value + 1);
  };

  return (
    <div className="orgs-page">
      <Card size="small" className="orgs-tree-card" title={t('orgs.title')}>
        <Input.Search
          allowClear
          size="small"
          placeholder={t('orgs.search')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="orgs-search"
        />
        <div ref={treeBox} className="orgs-tree-box">
          <OrgTree
            key={version}
            height={treeHeight}
            selectedId={selectedId}
            onSelect={(org) => pick(org.id)}
            filter={filter}
            reveal={reveal}
            testId="org-tree"
          />
        </div>
      </Card>
      <div className="orgs-detail">
        <Card
          size="small"
          title={detail.data?.name ?? t('orgs.detail')}
          extra={
            canWrite && detail.data ? (
              <OrgActions detail={detail.data} isOwnUnit={detail.data.id === me.org.id} onForm={setFormTarget} onChange={setChange} />
            ) : undefined
          }
        >
          {detail.error ? (
            <LoadError inline error={detail.error} onRetry={detail.reload} />
          ) : detail.data ? (
            <OrgDetailPanel detail={detail.data} actingId={me.org.id} onPick={pick} />
          ) : detail.loading ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : (
            <Empty description={t('orgs.selectHint')} />
          )}
        </Card>
        {detail.data && detail.data.childCount > 0 && (
          <Card size="small" title={t('orgs.children')} className="orgs-children">
            <ChildList key={version} parent={detail.data} onPick={pick} />
          </Card>
        )}
      </div>
      {canWrite && <OrgFormDrawer target={formTarget} onClose={() => setFormTarget(undefined)} onSaved={saved} />}
      {canWrite && detail.data && (
        <OrgChangeDialog change={change} unit={detail.data} root={scopeRoot} onClose={() => setChange(undefined)} onDone={changed} />
      )}
    </div>
  );
}
