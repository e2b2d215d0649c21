import { loadMigrations } from '../../core/db/migrations';
import { defineModule } from '../../core/module';
import type { AnyWorkflow } from '../../core/workflow/engine';
import { ASSISTANCE_READ, ASSISTANCE_REVEAL, ASSISTANCE_REVIEW, ASSISTANCE_RULES, ASSISTANCE_WRITE } from './contract';
import { seedDemoHouseholds } from './server/demo/seed-demo-households';
import { filingWorkflow } from './server/filing/filing-workflow';
import {
  createHouseholdRoute,
  findHouseholdsRoute,
  getHouseholdRoute,
  householdActionsRoute,
  householdHistoryRoute,
  householdNoticeRoute,
  openEvidenceRoute,
  readEvidenceRoute,
  revealHouseholdRoute,
  reverifyHouseholdsRoute,
  takeHouseholdActionRoute,
  updateHouseholdRoute,
  uploadEvidenceRoute,
} from './server/household-routes';
import { MONITORING_ROUTES } from './server/monitoring/monitoring-routes';
import { assistanceOrgListener } from './server/org-listener';
import { selfTestRoute, standardRegionsRoute } from './server/routes';
import './server/schema';
// 帮扶记录 and 批量帮扶活动 (issue 6, server/aid/).
import { ASSISTANCE_EXPORT } from './aid-contract';
import { aidWorkflow } from './server/aid/aid-workflow';
import { AID_ROUTES } from './server/aid/aid-routes';
import { campaignWorkflow } from './server/aid/campaign-workflow';
// 帮扶统计 (server/dashboard/).
import { DASHBOARD_ROUTES } from './server/dashboard/dashboard-routes';

/**
 * 困难职工帮扶 (issue 6). The rule tables (低保 standards, multiples and ratios
 * with their dates and documents), the classification and the public
 * self-test; hardship files (一户一档) with their filing workflow, the
 * civil-affairs check adapter and the annual re-verification. Assistance
 * (payments, caps), exit and return-to-hardship monitoring follow.
 */
export const assistanceModule = defineModule({
  id: 'assistance',
  label: '困难职工帮扶',
  permissions: [
    { code: ASSISTANCE_READ, label: '查看困难职工档案' },
    { code: ASSISTANCE_WRITE, label: '登记困难职工档案、记录帮扶' },
    { code: ASSISTANCE_REVIEW, label: '审核困难职工建档与帮扶' },
    { code: ASSISTANCE_REVEAL, label: '查看档案中完整的身份证号、银行账号（须填原因）' },
    { code: ASSISTANCE_RULES, label: '维护帮扶规则（低保标准、认定倍数与比例）' },
    { code: ASSISTANCE_EXPORT, label: '导出帮扶发放签收表' },
  ],
  routes: [
    selfTestRoute,
    standardRegionsRoute,
    findHouseholdsRoute,
    createHouseholdRoute,
    getHouseholdRoute,
    updateHouseholdRoute,
    revealHouseholdRoute,
    householdActionsRoute,
    takeHouseholdActionRoute,
    householdHistoryRoute,
    householdNoticeRoute,
    uploadEvidenceRoute,
    openEvidenceRoute,
    readEvidenceRoute,
    reverifyHouseholdsRoute,
    ...AID_ROUTES,
    // 脱困与返困监测 (server/monitoring/).
    ...MONITORING_ROUTES,
    ...DASHBOARD_ROUTES,
  ],
  nav: [
    { path: '/assistance', label: '困难职工帮扶', icon: 'HeartOutlined', permission: ASSISTANCE_READ, order: 40 },
    { path: '/assistance/dashboard', label: '帮扶统计', icon: 'BarChartOutlined', permission: ASSISTANCE_READ, order: 41 },
  ],
  migrations: loadMigrations('assistance', new URL('./migrations/', import.meta.url)),
  seedDemo: seedDemoHouseholds,
  orgListeners: assistanceOrgListener,
  workflows: [filingWorkflow as unknown as AnyWorkflow, aidWorkflow as unknown as AnyWorkflow, campaignWorkflow as unknown as AnyWorkflow],
});

export { classifyWithRules } from './server/use-cases/classify-with-rules';
export { reportHardshipRiskSignal } from './server/monitoring/report-hardship-risk-signal';
