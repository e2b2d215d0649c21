import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { isApiError, withQuery } from '../../../web/api/client';
import { ExportPurposeDialog } from '../../../web/components/ExportPurposeDialog';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import {
  EMPLOYMENT_FORM_LABELS,
  GIG_EMPLOYMENT_FORMS,
  MEMBERSHIP_STATUS_LABELS,
  type EmploymentForm,
  type MembershipStatus,
  type TMemberRow,
} from '../contract';
import { fetchMembers } from './api';
import { RevealDialog, type RevealTarget } from './RevealDialog';

const PAGE = 50;

type Revealed = Record<string, string | null>;
const revealKey = (target: RevealTarget) => `${target.member.id}:${target.field}`;

/** 会员管理: masked list of the members in the user's subtree, search, and reveal with a reason. */
export function MembersPage() {
  const me = useMe();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MembershipStatus | undefined>();
  const [rows, setRows] = useState<TMemberRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [revealTarget, setRevealTarget] = useState<RevealTarget | undefined>();
  const [revealed, setRevealed] = useState<Revealed>({});
  const [isExporting, setIsExporting] = useState(false);
  const canExport = me.permissions.includes('members.export');

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await fetchMembers({ q: search || undefined, status, after: after ?? undefined, limit: PAGE });
        setRows((previous) => (after ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (caught) {
        setError(isApiError(caught) ? caught.message : t('page.loadFailed'));
      } finally {
        setLoading(false);
      }
    },
    [search, status],
  );

  useEffect(() => {
    void load(null);
  }, [load, me.org.id]);

  const canReveal = me.permissions.includes('members.reveal');
  const sensitiveCell = (member: TMemberRow, field: 'idNumber' | 'phone', masked: string | null) => {
    const key = `${member.id}:${field}`;
    const shown = key in revealed ? revealed[key] : masked;
    return (
      <Space size={4}>
        <span className="mono" data-testid={`${field}-${member.id}`}>
          {shown ?? t('members.none')}
        </span>
        {canReveal && masked && !(key in revealed) && (
          <Tooltip title={t('members.reveal.action')}>
            <Button
              type="text"
              size="small"
              icon={<EyeOutlined />}
              aria-label={t('members.reveal.action')}
              data-testid={`reveal-${field}-${member.id}`}
              onClick={() => setRevealTarget({ member, field })}
            />
          </Tooltip>
        )}
      </Space>
    );
  };

  const columns: ColumnsType<TMemberRow> = [
    { title: t('members.field.name'), dataIndex: 'name', width: 90, fixed: 'left' },
    { title: t('members.field.gender'), dataIndex: 'gender', width: 56, render: (gender: string) => (gender === 'male' ? '男' : '女') },
    { title: t('members.field.birthDate'), dataIndex: 'birthDate', width: 104 },
    { title: t('members.field.idNumber'), key: 'idNumber', width: 210, render: (_, member) => sensitiveCell(member, 'idNumber', member.idNumberMasked) },
    { title: t('members.field.phone'), key: 'phone', width: 150, render: (_, member) => sensitiveCell(member, 'phone', member.phoneMasked) },
    { title: t('members.field.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('members.field.employmentForm'),
      dataIndex: 'employmentForm',
      width: 120,
      render: (form: EmploymentForm | null) =>
        form ? (
          <Tag color={GIG_EMPLOYMENT_FORMS.includes(form) ? 'orange' : undefined}>{EMPLOYMENT_FORM_LABELS[form] ?? form}</Tag>
        ) : (
          t('members.none')
        ),
    },
    {
      title: t('members.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (value: MembershipStatus) => MEMBERSHIP_STATUS_LABELS[value] ?? value,
    },
    { title: t('members.field.joinedOn'), dataIndex: 'joinedOn', width: 104 },
  ];

  return (
    <Card size="small" className="members-card">
      <div className="members-toolbar">
        <Input.Search
          id="member-search"
          allowClear
          placeholder={t('members.searchPlaceholder')}
          enterButton={t('members.search')}
          style={{ width: 360 }}
          onSearch={(value) => setSearch(value.trim())}
        />
        <Select<MembershipStatus>
          allowClear
          placeholder={t('members.field.status')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(MEMBERSHIP_STATUS_LABELS).map(([value, label]) => ({ value: value as MembershipStatus, label }))}
        />
        <span className="members-scope">{t('members.scope', { org: me.org.name })}</span>
        {canExport && (
          <Button data-testid="members-export" onClick={() => setIsExporting(true)}>
            {t('members.export')}
          </Button>
        )}
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            <Button size="small" onClick={() => void load(null)}>
              {t('session.retry')}
            </Button>
          }
        />
      )}
      <Table<TMemberRow>
        data-testid="member-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('members.empty') }}
      />
      <div className="members-more">
        {cursor && (
          <Button onClick={() => void load(cursor)} loading={loading}>
            {t('members.more')}
          </Button>
        )}
        <span className="members-count">{t('members.loaded', { count: rows.length })}</span>
      </div>
      <ExportPurposeDialog
        open={isExporting}
        title={t('members.export')}
        intro={t('members.exportIntro', { org: me.org.name })}
        onCancel={() => setIsExporting(false)}
        onConfirm={(purpose) => {
          setIsExporting(false);
          // A plain navigation downloads the file; the server audits it before sending.
          window.location.assign(withQuery('/api/members/export', { q: search || undefined, status, purpose }));
        }}
      />
      <RevealDialog
        target={revealTarget}
        onClose={() => setRevealTarget(undefined)}
        onRevealed={(target, value) => {
          setRevealed((previous) => ({ ...previous, [revealKey(target)]: value }));
          setRevealTarget(undefined);
        }}
      />
    </Card>
  );
}
