import { CloudUploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { withQuery } from '../../../web/api/client';
import { ExportPurposeDialog } from '../../../web/components/ExportPurposeDialog';
import { useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { KeysetTable } from '../../../web/components/KeysetTable';
import { useKeysetPages } from '../../../web/hooks/useKeysetPages';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { EMPLOYMENT_FORM_LABELS, type EmploymentForm, type TMemberRow } from '../contract';
import { GENDER_LABELS } from '../vocabulary';
import { fetchMembers } from './api';
import { ApplyDrawer } from './ApplyDrawer';
import { labelOf } from './member-labels';
import { type MemberFilters, MemberFilterBar } from './MemberFilterBar';
import { MembershipStatusTag } from './MembershipStatusTag';
import { PendingTransfersLink } from './PendingTransfersLink';
import { isGigForm } from './profile-options';
import { RevealDialog, type RevealTarget } from './RevealDialog';
import { SensitiveValue } from './SensitiveValue';
import './members.css';

const PAGE = 50;

type Revealed = Record<string, string | null>;
const revealKey = (target: RevealTarget) => `${target.member.id}:${target.field}`;

/**
 * 会员管理: the masked list of members in the user's subtree with its filters,
 * reveal with a reason, export, 批量导入, 入会登记 and the way to the transfers.
 */
export function MembersPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<{ orgId: number; filters: MemberFilters }>({ orgId: me.org.id, filters: {} });
  const [revealTarget, setRevealTarget] = useState<RevealTarget | undefined>();
  const [revealed, setRevealed] = useState<Revealed>({});
  const [isExporting, setIsExporting] = useState(false);
  const [isApplying, setIsApplying] = useState(false);
  const canExport = me.permissions.includes('members.export');
  const canReveal = me.permissions.includes('members.reveal');
  const canWrite = me.permissions.includes('members.write');
  const orgRoot = useScopeRoot(me.permissions.includes('orgs.read'));

  // A unit picked under another acting unit is out of place after a switch: back to the new unit's top.
  const filters = chosen.orgId === me.org.id ? chosen.filters : { ...chosen.filters, orgUnitId: undefined };
  const setFilters = (next: MemberFilters) => setChosen({ orgId: me.org.id, filters: next });

  const pages = useKeysetPages(
    (after) => fetchMembers({ ...filters, after, limit: PAGE }),
    [filters.q, filters.orgUnitId, filters.status, filters.employmentForm, filters.joinedYear, filters.review, me.org.id],
  );

  const sensitiveCell = (member: TMemberRow, field: 'idNumber' | 'phone', masked: string | null) => {
    const key = `${member.id}:${field}`;
    return (
      <SensitiveValue
        memberId={member.id}
        field={field}
        masked={masked}
        revealed={key in revealed ? revealed[key] : undefined}
        canReveal={canReveal}
        onReveal={() => setRevealTarget({ member, field })}
      />
    );
  };

  const columns: ColumnsType<TMemberRow> = [
    {
      title: t('members.field.name'),
      dataIndex: 'name',
      width: 96,
      fixed: 'left',
      render: (name: string, member) => (
        <Link to={`/members/${member.id}`} data-testid={`member-link-${member.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('members.field.gender'), dataIndex: 'gender', width: 56, render: (gender: 'male' | 'female') => GENDER_LABELS[gender] ?? gender },
    { title: t('members.field.birthDate'), dataIndex: 'birthDate', width: 104 },
    { title: t('members.field.idNumber'), key: 'idNumber', width: 210, render: (_, member) => sensitiveCell(member, 'idNumber', member.idNumberMasked) },
    { title: t('members.field.phone'), key: 'phone', width: 150, render: (_, member) => sensitiveCell(member, 'phone', member.phoneMasked) },
    { title: t('members.field.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('members.field.employmentForm'),
      dataIndex: 'employmentForm',
      width: 120,
      render: (form: EmploymentForm | null) =>
        form ? <Tag color={isGigForm(form) ? 'orange' : undefined}>{labelOf(EMPLOYMENT_FORM_LABELS, form)}</Tag> : t('members.none'),
    },
    { title: t('members.field.status'), dataIndex: 'status', width: 100, render: (status: string) => <MembershipStatusTag status={status} /> },
    { title: t('members.field.joinedOn'), dataIndex: 'joinedOn', width: 104, render: (joinedOn: string | null) => joinedOn ?? t('members.none') },
  ];

  return (
    <Card
      size="small"
      className="members-card"
      title={t('members.listTitle')}
      extra={
        <div className="members-actions">
          {!orgRoot && <span className="members-scope">{t('members.scope', { org: me.org.name })}</span>}
          <PendingTransfersLink orgId={me.org.id} />
          {canExport && (
            <Button data-testid="members-export" onClick={() => setIsExporting(true)}>
              {t('members.export')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<CloudUploadOutlined />} data-testid="member-import" onClick={() => void navigate('/members/import')}>
              {t('members.import')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<UserAddOutlined />} data-testid="member-apply" onClick={() => setIsApplying(true)}>
              {t('members.apply')}
            </Button>
          )}
        </div>
      }
    >
      <MemberFilterBar filters={filters} onChange={setFilters} orgRoot={orgRoot} />
      <KeysetTable<TMemberRow>
        pages={pages}
        columns={columns}
        testId="member-table"
        scrollX={1100}
        emptyText={t('members.empty')}
        loadedText={t('members.loaded', { count: pages.rows.length })}
        moreText={t('members.more')}
      />
      <ExportPurposeDialog
        open={isExporting}
        title={t('members.export')}
        intro={t('members.exportIntro', { org: me.org.name })}
        onCancel={() => setIsExporting(false)}
        onConfirm={(purpose) => {
          setIsExporting(false);
          // A plain navigation downloads the file; the server audits it before sending.
          window.location.assign(withQuery('/api/members/export', { ...filters, purpose }));
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
      {canWrite && (
        <ApplyDrawer
          open={isApplying}
          onClose={() => setIsApplying(false)}
          onApplied={(membershipId, name) => {
            setIsApplying(false);
            void message.success(t('members.apply.done', { name }));
            void navigate(`/members/${membershipId}`);
          }}
        />
      )}
    </Card>
  );
}
