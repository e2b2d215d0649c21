import { loadMigrations } from '../../core/db/migrations';
import { defineModule } from '../../core/module';
import { seedDemoMembers } from './server/demo/seed-demo-members';
import {
  acceptTransferRoute,
  applyRoute,
  approveRoute,
  cancelTransferRoute,
  endRoute,
  findTransfersRoute,
  memberStatsRoute,
  uploadImportRoute,
  findImportJobsRoute,
  getImportJobRoute,
  importErrorReportRoute,
  importTemplateRoute,
  MEMBERS_REVIEW,
  MEMBERS_WRITE,
  reactivateRoute,
  refuseRoute,
  refuseTransferRoute,
  requestTransferRoute,
  retainRoute,
  unionDirectoryRoute,
  exportMembersRoute,
  findMembersRoute,
  getMemberRoute,
  MEMBERS_EXPORT,
  MEMBERS_READ,
  MEMBERS_REVEAL,
  revealMemberFieldRoute,
} from './server/routes';
import { startImportQueue } from './server/import-job/import-queue';
import { MEMBERS_METRICS } from './server/metrics';
import { membersOrgListener } from './server/org-listener';
import './server/schema';

/** Real-name membership (会员实名制): people, memberships and their history. */
export const membersModule = defineModule({
  id: 'members',
  label: '会员管理',
  permissions: [
    { code: MEMBERS_READ, label: '查看会员（脱敏）' },
    { code: MEMBERS_REVEAL, label: '查看完整身份证号、手机号（须填原因）' },
    { code: MEMBERS_EXPORT, label: '导出会员名册（脱敏，须填用途）' },
    { code: MEMBERS_WRITE, label: '登记入会申请、转会、保留会籍、退会' },
    { code: MEMBERS_REVIEW, label: '批准或不予批准入会' },
  ],
  // `/members/export` before `/members/:id`: Fastify prefers the static path anyway; listed for readers.
  routes: [
    findMembersRoute,
    exportMembersRoute,
    findTransfersRoute,
    memberStatsRoute,
    uploadImportRoute,
    findImportJobsRoute,
    importTemplateRoute,
    getImportJobRoute,
    importErrorReportRoute,
    unionDirectoryRoute,
    getMemberRoute,
    revealMemberFieldRoute,
    applyRoute,
    approveRoute,
    refuseRoute,
    requestTransferRoute,
    retainRoute,
    reactivateRoute,
    endRoute,
    acceptTransferRoute,
    refuseTransferRoute,
    cancelTransferRoute,
  ],
  nav: [
    { path: '/members', label: '会员管理', icon: 'TeamOutlined', permission: MEMBERS_READ, order: 20 },
    { path: '/stats', label: '会员统计', icon: 'BarChartOutlined', permission: MEMBERS_READ, order: 25 },
  ],
  migrations: loadMigrations('members', new URL('./migrations/', import.meta.url)),
  seedDemo: seedDemoMembers,
  orgListeners: membersOrgListener,
  background: startImportQueue,
  // Counts a work plan's indicators can bind to (members.total, members.joined…), read from members_stat.
  metrics: MEMBERS_METRICS,
});

export { importMembersFile } from './server/import-job/import-members-file';
export { ImportFileRefused } from './server/import-job/run-import-job';
export { findStatDrift, rebuildStats } from './server/stats/rebuild-stats';
