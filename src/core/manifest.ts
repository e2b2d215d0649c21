import { auditEventsRoute, auditExportRoute } from './audit/audit-routes';
import { AUDIT_EXPORT, AUDIT_READ } from './audit/contract';
import { loginRoute } from './auth/routes/login-route';
import { changePasswordRoute } from './auth/routes/password-route';
import { confirmEnrolmentRoute, startEnrolmentRoute, verifySecondFactorRoute } from './auth/routes/second-factor-routes';
import { logoutRoute, meRoute, switchOrgRoute } from './auth/routes/session-routes';
import { loadMigrations } from './db/migrations';
import { defineModule } from './module';
import { listMetricsRoute, metricValueRoute } from './metrics/metric-routes';
import { NOTIFICATION_ROUTES } from './notifications/notification-routes';
import { healthRoute } from './platform/health-route';
import { workflowOrgListener } from './workflow/org-listener';

/** The kernel's own part of the platform: sign-in, health, home, the metric registry, the core tables and the workflow engine's. */
export const coreModule = defineModule({
  id: 'core',
  label: '平台',
  permissions: [
    { code: AUDIT_READ, label: '查看审计日志' },
    { code: AUDIT_EXPORT, label: '导出审计日志' },
  ],
  routes: [
    healthRoute,
    loginRoute,
    startEnrolmentRoute,
    confirmEnrolmentRoute,
    verifySecondFactorRoute,
    changePasswordRoute,
    logoutRoute,
    meRoute,
    switchOrgRoute,
    auditEventsRoute,
    auditExportRoute,
    listMetricsRoute,
    metricValueRoute,
    ...NOTIFICATION_ROUTES,
  ],
  nav: [
    { path: '/', label: '首页', icon: 'HomeOutlined', order: 0 },
    { path: '/audit', label: '审计日志', icon: 'AuditOutlined', permission: AUDIT_READ, order: 90 },
  ],
  migrations: loadMigrations('core', new URL('./migrations/', import.meta.url)),
  // Workflow instances follow their records when unions move, dissolve or merge.
  orgListeners: workflowOrgListener,
});
