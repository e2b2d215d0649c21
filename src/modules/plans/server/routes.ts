import { ASSESSMENT_ROUTES } from './assessment/assessment-routes';
import { DRAFT_ROUTES } from './routes/draft-routes';
import { EXPORT_ROUTES } from './routes/export-routes';
import { ISSUE_ROUTES } from './routes/issue-routes';
import { REPORT_ROUTES } from './routes/report-routes';
import { ROLLUP_ROUTES } from './routes/rollup-routes';
import { SUPERVISION_ROUTES } from './routes/supervision-routes';

/** Every plans route; the files under routes/ group them by screen. */
export const PLAN_ROUTES = [...DRAFT_ROUTES, ...ISSUE_ROUTES, ...REPORT_ROUTES, ...ROLLUP_ROUTES, ...ASSESSMENT_ROUTES, ...EXPORT_ROUTES, ...SUPERVISION_ROUTES];
