import { loadMigrations } from '../../core/db/migrations';
import { defineModule } from '../../core/module';
import { PLANS_ISSUE, PLANS_READ, PLANS_REVIEW, PLANS_SUPERVISE, PLANS_WRITE } from './contract';
import { seedDemoPlans } from './server/demo/seed-demo-plans';
import { plansOrgListener } from './server/org-listener';
import { reportWorkflow } from './server/reports/report-workflow';
import { PLAN_ROUTES } from './server/routes';
import './server/schema';
import './server/supervision/schema';
import { supervisionRemindersJob } from './server/supervision/send-automatic-reminders';

/** Work plans (工作部署与督查考核): import and review issued documents, assign, issue down the tree, report, roll up. */
export const plansModule = defineModule({
  id: 'plans',
  label: '工作部署',
  permissions: [
    { code: PLANS_READ, label: '查看工作部署、进展与汇总' },
    { code: PLANS_WRITE, label: '导入与修改工作部署、分工、补充措施、填报进展' },
    { code: PLANS_ISSUE, label: '下发、签收工作部署，分解指标' },
    { code: PLANS_REVIEW, label: '审核下级报送的进展（采纳、退回）' },
    { code: PLANS_SUPERVISE, label: '督办逾期与存在风险的措施' },
  ],
  routes: PLAN_ROUTES,
  nav: [{ path: '/plans', label: '工作部署', icon: 'ScheduleOutlined', permission: PLANS_READ, order: 30 }],
  migrations: loadMigrations('plans', new URL('./migrations/', import.meta.url)),
  workflows: [reportWorkflow],
  orgListeners: plansOrgListener,
  seedDemo: seedDemoPlans,
  // 督办: reminders before and when a measure's deadline passes.
  scheduledJobs: [supervisionRemindersJob],
});
