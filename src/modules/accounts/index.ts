import { loadMigrations } from '../../core/db/migrations';
import { defineModule } from '../../core/module';
import { ACCOUNTS_READ, ACCOUNTS_SECURITY, ACCOUNTS_WRITE } from './contract';
import { accountsOrgListener } from './server/org-listener';
import { ACCOUNT_ROUTES } from './server/routes';

/**
 * Staff account administration (账号管理) under 等保 level 3's separation of
 * duties: the system administrator creates accounts and grants roles, the
 * security administrator unlocks accounts and resets second factors.
 */
export const accountsModule = defineModule({
  id: 'accounts',
  label: '账号管理',
  permissions: [
    { code: ACCOUNTS_READ, label: '查看账号' },
    { code: ACCOUNTS_WRITE, label: '管理账号与角色' },
    { code: ACCOUNTS_SECURITY, label: '解锁账号、重置二次验证' },
  ],
  routes: ACCOUNT_ROUTES,
  nav: [{ path: '/accounts', label: '账号管理', icon: 'SafetyCertificateOutlined', permission: ACCOUNTS_READ, order: 80 }],
  migrations: loadMigrations('accounts', new URL('./migrations/', import.meta.url)),
  // Roles held at a dissolved or merged union are revoked with it.
  orgListeners: accountsOrgListener,
});
