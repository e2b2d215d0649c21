import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { roleLabel, t } from '../../../web/i18n';
import { KeysetTable } from '../../../web/components/KeysetTable';
import { useKeysetPages } from '../../../web/hooks/useKeysetPages';
import { useMe } from '../../../web/session/session';
import { ACCOUNTS_SECURITY, ACCOUNTS_WRITE, isAdminRole, type Role, type TAccountRole, type TAccountRow, type TCreatedAccount } from '../contract';
import { CreateAccountDialog, GrantRoleDialog, InitialPasswordDialog } from './AccountDialogs';
import { type AccountAction, fetchAccounts, revokeRole, runAccountAction } from './api';
import { useScopeRoot } from '../../../web/components/OrgTreeSelect';

const PAGE = 50;
const NONE = t('accounts.none');

const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const ACTION_DONE: Record<AccountAction, 'accounts.done.disable' | 'accounts.done.enable' | 'accounts.done.unlock' | 'accounts.done.reset'> = {
  disable: 'accounts.done.disable',
  enable: 'accounts.done.enable',
  unlock: 'accounts.done.unlock',
  'reset-second-factor': 'accounts.done.reset',
};

const SUBTLE = { color: '#8a919c', fontSize: 12 } as const;

/** 账号管理: the staff accounts with a role in the caller's subtree; create, roles, disable, unlock, reset the second factor. */
export function AccountsPage() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TCreatedAccount | undefined>();
  const [granting, setGranting] = useState<TAccountRow | undefined>();
  const [busy, setBusy] = useState<number | undefined>();

  const canWrite = me.permissions.includes(ACCOUNTS_WRITE);
  const canSecure = me.permissions.includes(ACCOUNTS_SECURITY);
  const root = useScopeRoot(canWrite);
  const atRoot = root?.parentId === null;

  const pages = useKeysetPages(
    (after) => fetchAccounts({ q: search || undefined, after, limit: PAGE }),
    [search, me.org.id],
  );
  const { setRows } = pages;

  /** Puts a changed row back in place; one with no role left in scope has left the list. */
  const replace = (row: TAccountRow) =>
    setRows((previous) => (row.roles.length === 0 ? previous.filter((item) => item.id !== row.id) : previous.map((item) => (item.id === row.id ? row : item))));

  const act = async (account: TAccountRow, action: AccountAction) => {
    setBusy(account.id);
    try {
      replace(await runAccountAction(account.id, action));
      void message.success(t(ACTION_DONE[action], { login: account.login }));
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setBusy(undefined);
    }
  };

  const confirmRevoke = (account: TAccountRow, role: TAccountRole) => {
    modal.confirm({
      title: t('accounts.confirm.revoke', { login: account.login, org: role.orgName, role: roleLabel(role.role) }),
      okText: t('accounts.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          replace(await revokeRole(account.id, { orgUnitId: role.orgUnitId, role: role.role as Role }));
          void message.success(t('accounts.done.revoke', { login: account.login }));
        } catch (caught) {
          void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
        }
      },
    });
  };

  const isAdminAccount = (account: TAccountRow) => account.roles.some((role) => isAdminRole(role.role));

  /**
   * Why a row's action is off, if it is: the caller's own account, roles beyond the caller's scope,
   * or an administrator account switched on or off below the root (the server refuses all three).
   */
  const lockedReason = (account: TAccountRow, action: AccountAction): string | undefined => {
    if (account.id === me.account.id) return t('accounts.selfHint');
    if (account.managedElsewhere) return t('accounts.managedElsewhereHint');
    if ((action === 'disable' || action === 'enable') && !atRoot && isAdminAccount(account)) return t('accounts.adminAccountHint');
    return undefined;
  };

  const confirmButton = (account: TAccountRow, action: AccountAction, label: string, confirm: string, options: { danger?: boolean; disabled?: boolean } = {}) => {
    const reason = lockedReason(account, action);
    const button = (
      <Button
        type="link"
        size="small"
        disabled={reason !== undefined || options.disabled || busy === account.id}
        data-testid={`${action}-${account.login}`}
      >
        {label}
      </Button>
    );
    if (reason) return <Tooltip title={reason}>{button}</Tooltip>;
    if (options.disabled) return button;
    return (
      <Popconfirm
        title={confirm}
        okText={t('accounts.confirm.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: options.danger }}
        onConfirm={() => act(account, action)}
        overlayStyle={{ maxWidth: 340 }}
      >
        {button}
      </Popconfirm>
    );
  };

  const roleTags = (account: TAccountRow): ReactNode => {
    const self = account.id === me.account.id;
    return (
      <Space size={[4, 4]} wrap>
        {account.roles.map((role) => {
          // Administrator roles are changed only from the root; the server refuses it anywhere else.
          const closable = canWrite && !self && (atRoot || !isAdminRole(role.role)) && account.roles.length > 1;
          return (
            <Tag
              key={`${role.orgUnitId}:${role.role}`}
              color={isAdminRole(role.role) ? 'purple' : 'blue'}
              closable={closable}
              closeIcon={closable ? undefined : false}
              onClose={(event) => {
                event.preventDefault();
                confirmRevoke(account, role);
              }}
              title={closable ? t('accounts.action.revoke') : undefined}
              style={{ marginInlineEnd: 0 }}
            >
              <span style={{ color: '#5c6370' }}>{role.orgName}</span> · {roleLabel(role.role)}
            </Tag>
          );
        })}
        {account.managedElsewhere && (
          <Tooltip title={t('accounts.managedElsewhereHint')}>
            <Tag style={{ marginInlineEnd: 0, borderStyle: 'dashed' }}>{t('accounts.managedElsewhere')}</Tag>
          </Tooltip>
        )}
        {/* An administrator holds one role and nothing else (三员分立): nothing to add. */}
        {canWrite && !self && !isAdminAccount(account) && (
          <Tooltip title={t('accounts.action.grant')}>
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              aria-label={t('accounts.action.grant')}
              data-testid={`grant-${account.login}`}
              onClick={() => setGranting(account)}
              style={{ height: 22, width: 24 }}
            />
          </Tooltip>
        )}
      </Space>
    );
  };

  const columns: ColumnsType<TAccountRow> = [
    {
      title: t('accounts.form.name'),
      dataIndex: 'name',
      width: 110,
      fixed: 'left',
      render: (name: string, account) => (
        <Space size={4}>
          <span>{name}</span>
          {account.id === me.account.id && <Tag style={{ marginInlineEnd: 0 }}>{t('accounts.self')}</Tag>}
        </Space>
      ),
    },
    { title: t('accounts.col.account'), dataIndex: 'login', width: 130, render: (login: string) => <span className="mono">{login}</span> },
    {
      title: t('accounts.col.phone'),
      dataIndex: 'phoneMasked',
      width: 116,
      render: (phone: string | null) => <span className="mono">{phone ?? NONE}</span>,
    },
    { title: t('accounts.col.roles'), key: 'roles', render: (_, account) => roleTags(account) },
    {
      title: t('accounts.col.status'),
      key: 'status',
      width: 150,
      render: (_, account) => (
        <Space size={4} wrap>
          {account.status === 'active' ? (
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('accounts.status.active')}
            </Tag>
          ) : (
            <Tag style={{ marginInlineEnd: 0 }}>{t('accounts.status.disabled')}</Tag>
          )}
          {account.locked && (
            <Tooltip title={t('accounts.status.lockedUntil', { time: account.lockedUntil ? BEIJING_TIME.format(new Date(account.lockedUntil)) : '' })}>
              <Tag color="error" style={{ marginInlineEnd: 0 }}>
                {t('accounts.status.locked')}
              </Tag>
            </Tooltip>
          )}
          {account.mustChangePassword && (
            <Tooltip title={t('accounts.status.mustChangePasswordHint')}>
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                {t('accounts.status.mustChangePassword')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('accounts.col.secondFactor'),
      key: 'secondFactor',
      width: 90,
      render: (_, account) =>
        !account.secondFactor.required ? (
          <span style={SUBTLE}>{t('accounts.secondFactor.exempt')}</span>
        ) : account.secondFactor.enrolled ? (
          <Tag color="success" style={{ marginInlineEnd: 0 }}>
            {t('accounts.secondFactor.enrolled')}
          </Tag>
        ) : (
          <Tooltip title={t('accounts.secondFactor.pendingHint')}>
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {t('accounts.secondFactor.pending')}
            </Tag>
          </Tooltip>
        ),
    },
  ];
  if (canWrite || canSecure) {
    columns.push({
      title: t('accounts.col.actions'),
      key: 'actions',
      width: canWrite && canSecure ? 200 : 130,
      fixed: 'right',
      render: (_, account) => (
        <Space size={0} className="account-actions">
          {canWrite &&
            (account.status === 'active'
              ? confirmButton(account, 'disable', t('accounts.action.disable'), t('accounts.confirm.disable', { login: account.login }), { danger: true })
              : confirmButton(account, 'enable', t('accounts.action.enable'), t('accounts.confirm.enable', { login: account.login })))}
          {canSecure &&
            confirmButton(account, 'unlock', t('accounts.action.unlock'), t('accounts.confirm.unlock', { login: account.login }), { disabled: !account.locked })}
          {canSecure &&
            confirmButton(account, 'reset-second-factor', t('accounts.action.resetSecondFactor'), t('accounts.confirm.reset', { login: account.login }), {
              danger: true,
              disabled: !account.secondFactor.enrolled,
            })}
        </Space>
      ),
    });
  }

  return (
    <Card size="small" data-testid="accounts-page">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 10, flexWrap: 'wrap' }}>
        <Input.Search
          id="account-search"
          allowClear
          placeholder={t('accounts.searchPlaceholder')}
          enterButton={t('accounts.search')}
          style={{ width: 340 }}
          onSearch={(value) => setSearch(value.trim())}
        />
        <span style={SUBTLE}>{t('accounts.scope', { org: me.org.name })}</span>
        {canWrite && (
          <Button type="primary" icon={<UserAddOutlined />} style={{ marginInlineStart: 'auto' }} onClick={() => setCreating(true)} data-testid="account-create">
            {t('accounts.create')}
          </Button>
        )}
      </div>
      <KeysetTable<TAccountRow>
        pages={pages}
        columns={columns}
        testId="account-table"
        scrollX={1080}
        emptyText={t('accounts.empty')}
        loadedText={t('accounts.loaded', { count: pages.rows.length })}
        moreText={t('accounts.more')}
      />

      {canWrite && (
        <>
          <CreateAccountDialog
            open={creating}
            root={root}
            onClose={() => setCreating(false)}
            onCreated={(result) => {
              setCreating(false);
              setCreated(result);
              setRows((previous) => [result.account, ...previous.filter((item) => item.id !== result.account.id)]);
            }}
          />
          <GrantRoleDialog
            account={granting}
            root={root}
            onClose={() => setGranting(undefined)}
            onGranted={(row) => {
              setGranting(undefined);
              replace(row);
              void message.success(t('accounts.done.grant', { login: row.login }));
            }}
          />
        </>
      )}
      <InitialPasswordDialog created={created} onClose={() => setCreated(undefined)} />
    </Card>
  );
}
