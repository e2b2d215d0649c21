import { BankOutlined, DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Dropdown, Layout, Menu, Select, Spin } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { TMe } from '../../core/auth/contract';
import { isApiError } from '../api/client';
import { Brand } from '../components/Brand';
import { roleLabel, t } from '../i18n';
import { navEntryFor } from '../modules';
import { useMe, useSession } from '../session/session';
import { NavIcon } from './nav-icons';
import { NotificationBell } from './NotificationBell';

const { Header, Sider, Content } = Layout;

const rolesText = (roles: readonly string[]) => roles.map(roleLabel).join('、');

/** The acting org; a switcher when the user holds roles in several units. */
function OrgSwitcher({ me }: { me: TMe }) {
  const { switchOrg } = useSession();
  const { message } = App.useApp();
  const [switching, setSwitching] = useState(false);

  if (me.orgs.length <= 1) {
    return (
      <span className="header-org" title={t('header.currentOrg')}>
        <BankOutlined /> {me.org.name}
      </span>
    );
  }
  const change = async (orgUnitId: number) => {
    if (orgUnitId === me.org.id) return;
    setSwitching(true);
    try {
      const next = await switchOrg(orgUnitId);
      void message.success(t('header.switched', { name: next.org.name }));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : t('page.loadFailed'));
    } finally {
      setSwitching(false);
    }
  };
  return (
    <span className="header-org">
      <BankOutlined />
      <Select<number>
        className="header-org-select"
        aria-label={t('header.switchOrg')}
        value={me.org.id}
        loading={switching}
        disabled={switching}
        onChange={(value) => void change(value)}
        popupMatchSelectWidth={false}
        variant="borderless"
        options={me.orgs.map((org) => ({
          value: org.id,
          label: org.name,
          title: org.name,
          roles: rolesText(org.roles),
        }))}
        optionRender={(option) => (
          <div className="org-option">
            <span>{option.data.label}</span>
            <span className="org-option-roles">{option.data.roles}</span>
          </div>
        )}
      />
    </span>
  );
}

function UserMenu({ me }: { me: TMe }) {
  const { logout } = useSession();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', disabled: true, label: `${t('header.account')}：${me.account.login}` },
          { key: 'roles', disabled: true, label: `${t('header.roles')}：${rolesText(me.roles) || t('orgs.empty')}` },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') void logout().finally(() => navigate('/login', { replace: true }));
        },
      }}
    >
      <button type="button" className="header-user">
        <UserOutlined /> <span>{me.account.name}</span> <DownOutlined className="header-user-caret" />
      </button>
    </Dropdown>
  );
}

/** Header, side navigation from TMe.nav, and the page frame with breadcrumb and title. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const entry = navEntryFor(me.nav, location.pathname);
  const home = me.nav.find((item) => item.path === '/');

  useEffect(() => {
    document.title = entry && entry.path !== '/' ? `${entry.label} - ${t('app.name')}` : t('app.name');
  }, [entry]);

  return (
    <Layout className="app-shell">
      <Header className="app-header">
        <Link to="/" className="app-header-brand">
          <Brand />
        </Link>
        <div className="app-header-org">
          <OrgSwitcher me={me} />
        </div>
        <div className="app-header-right">
          <NotificationBell key={me.org.id} />
          <UserMenu me={me} />
        </div>
      </Header>
      <Layout>
        <Sider
          className="app-sider"
          theme="light"
          width={200}
          collapsedWidth={56}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
        >
          <Menu
            mode="inline"
            selectedKeys={entry ? [entry.path] : []}
            items={me.nav.map((item) => ({ key: item.path, icon: <NavIcon name={item.icon} />, label: item.label }))}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
        <Layout className="app-main">
          {/* The home page opens with its own greeting; other pages get breadcrumb and title. */}
          {entry && entry.path !== '/' && (
            <div className="page-head">
              <Breadcrumb
                items={[{ title: <Link to="/">{home?.label ?? t('page.home')}</Link> }, { title: entry.label }]}
              />
              <h1 className="page-title">{entry.label}</h1>
            </div>
          )}
          <Content className="app-content">
            <Suspense fallback={<Spin className="page-spin" />}>
              {/* Remount the page when the acting org changes: its data belongs to the old org. */}
              <Outlet key={me.org.id} />
            </Suspense>
          </Content>
        </Layout>
      </Layout>
    </Layout>
  );
}
