import { loadMigrations } from '../../core/db/migrations';
import { defineModule } from '../../core/module';
import { ASSISTANCE_READ, ASSISTANCE_REVIEW, ASSISTANCE_RULES, ASSISTANCE_WRITE } from './contract';
import { selfTestRoute, standardRegionsRoute } from './server/routes';
import './server/schema';

/**
 * 困难职工帮扶 (issue 6). First slice: the rule tables (低保 standards, multiples and
 * ratios with their dates and documents), the classification, and the public self-test.
 * Filing, households and assistance follow.
 */
export const assistanceModule = defineModule({
  id: 'assistance',
  label: '困难职工帮扶',
  permissions: [
    { code: ASSISTANCE_READ, label: '查看困难职工档案' },
    { code: ASSISTANCE_WRITE, label: '登记困难职工档案、记录帮扶' },
    { code: ASSISTANCE_REVIEW, label: '审核困难职工建档与帮扶' },
    { code: ASSISTANCE_RULES, label: '维护帮扶规则（低保标准、认定倍数与比例）' },
  ],
  routes: [selfTestRoute, standardRegionsRoute],
  nav: [],
  migrations: loadMigrations('assistance', new URL('./migrations/', import.meta.url)),
});

export { classifyWithRules } from './server/use-cases/classify-with-rules';
