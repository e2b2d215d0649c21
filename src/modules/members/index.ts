import { loadMigrations } from '../../core/db/migrations';
import { defineModule } from '../../core/module';
import { seedDemoMembers } from './server/demo/seed-demo-members';
import {
  exportMembersRoute,
  findMembersRoute,
  getMemberRoute,
  MEMBERS_EXPORT,
  MEMBERS_READ,
  MEMBERS_REVEAL,
  revealMemberFieldRoute,
} from './server/routes';
import './server/schema';

/** Real-name membership (会员实名制): people, memberships and their history. */
export const membersModule = defineModule({
  id: 'members',
  label: '会员管理',
  permissions: [
    { code: MEMBERS_READ, label: '查看会员（脱敏）' },
    { code: MEMBERS_REVEAL, label: '查看完整身份证号、手机号（须填原因）' },
    { code: MEMBERS_EXPORT, label: '导出会员名册（脱敏，须填用途）' },
  ],
  // `/members/export` before `/members/:id`: Fastify prefers the static path anyway; listed for readers.
  routes: [findMembersRoute, exportMembersRoute, getMemberRoute, revealMemberFieldRoute],
  nav: [{ path: '/members', label: '会员管理', icon: 'TeamOutlined', permission: MEMBERS_READ, order: 20 }],
  migrations: loadMigrations('members', new URL('./migrations/', import.meta.url)),
  seedDemo: seedDemoMembers,
});
