import { defineModule } from '../../core/module';
import { ORGS_READ, ORGS_WRITE } from './contract';
import { seedDemoOrgs } from './server/demo/seed-demo-orgs';
import { ORG_ROUTES } from './server/routes';

export { DEMO_PASSWORD } from './server/demo/seed-demo-orgs';
export { ORG_CONTACT_PHONE_CONTEXT } from './server/org-fields';

/** Org tree management (组织机构): browse; create, edit, move, dissolve and merge units. */
export const orgsModule = defineModule({
  id: 'orgs',
  label: '组织机构',
  permissions: [
    { code: ORGS_READ, label: '查看组织机构' },
    { code: ORGS_WRITE, label: '新建、修改、调整、撤销与合并组织' },
  ],
  routes: ORG_ROUTES,
  nav: [{ path: '/orgs', label: '组织机构', icon: 'ApartmentOutlined', permission: ORGS_READ, order: 10 }],
  migrations: [],
  seedDemo: seedDemoOrgs,
});
