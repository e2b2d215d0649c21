import { loginRoute } from './auth/routes/login-route';
import { confirmEnrolmentRoute, startEnrolmentRoute, verifySecondFactorRoute } from './auth/routes/second-factor-routes';
import { logoutRoute, meRoute, switchOrgRoute } from './auth/routes/session-routes';
import { loadMigrations } from './db/migrations';
import { defineModule } from './module';
import { healthRoute } from './platform/health-route';

/** The kernel's own part of the platform: sign-in, health, home, and the core tables. */
export const coreModule = defineModule({
  id: 'core',
  label: '平台',
  permissions: [],
  routes: [
    healthRoute,
    loginRoute,
    startEnrolmentRoute,
    confirmEnrolmentRoute,
    verifySecondFactorRoute,
    logoutRoute,
    meRoute,
    switchOrgRoute,
  ],
  nav: [{ path: '/', label: '首页', icon: 'HomeOutlined', order: 0 }],
  migrations: loadMigrations('core', new URL('./migrations/', import.meta.url)),
});
