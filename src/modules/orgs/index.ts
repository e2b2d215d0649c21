import { defineModule } from '../../core/module';
import { seedDemoOrgs } from './server/demo/seed-demo-orgs';
import { ORGS_READ, orgChildrenRoute, orgDetailRoute, orgSummaryRoute } from './server/routes';

export { DEMO_PASSWORD } from './server/demo/seed-demo-orgs';

/** Org tree management (组织机构). Browsing now; editing, moving and merging come with membership. */
export const orgsModule = defineModule({
  id: 'orgs',
  label: '组织机构',
  permissions: [{ code: ORGS_READ, label: '查看组织机构' }],
  routes: [orgChildrenRoute, orgSummaryRoute, orgDetailRoute],
  nav: [{ path: '/orgs', label: '组织机构', icon: 'ApartmentOutlined', permission: ORGS_READ, order: 10 }],
  migrations: [],
  seedDemo: seedDemoOrgs,
});
