import { loginRoute, logoutRoute, meRoute, switchOrgRoute } from './auth/auth-routes';
import { loadMigrations } from './db/migrations';
import { defineModule } from './module';
import { healthRoute } from './platform/health-route';

/** The kernel's own part of the platform: sign-in, health, home, and the core tables. */
export const coreModule = defineModule({
  id: 'core',
  label: '平台',
  permissions: [],
  routes: [healthRoute, loginRoute, logoutRoute, meRoute, switchOrgRoute],
  nav: [{ path: '/', label: '首页', icon: 'HomeOutlined', order: 0 }],
  migrations: loadMigrations('core', new URL('./migrations/', import.meta.url)),
});
