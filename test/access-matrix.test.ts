import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/core/db/database';
import { createTestDatabase, TEST_ENGINES } from '../src/core/db/testing';
import { seedDemo } from '../src/core/platform/seed-demo';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { createOrgUnit, createStaff } from '../src/core/testing/factories';
import { buildTestApp, type SessionHeaders, signIn } from '../src/core/testing/test-app';
import { makeIdNumber } from '../src/core/cn/id-number';
import { MODULES } from '../src/server/modules';
import {
  aidFixture,
  CHILD_TYPE,
  draftVersion,
  freshChild,
  freshRoundTitle,
  freshScoredRound,
  freshSupervisionItem,
  freshUnitName,
  MATRIX_DATA_DIR,
  MATRIX_PDF,
  MATRIX_SCHEME_TREE,
  type Probe,
  planProbe,
  schemeVersion,
  type SupervisionFixture,
  supervisionProbe,
  supervisionVersion,
  type Target,
} from './support/access-matrix-world';

/**
 * The generated access matrix (security.md §5.1, after hitobito's per-level
 * permission specs): every route that touches rows, called by users at five
 * levels of the tree, on rows inside and outside their subtree. A row outside
 * must never answer 200; a route without the permission answers 403.
 */

const ONCE = [200, 409] as const;
/** Fresh valid ID numbers for the application probe. */
let applications = 0;
const applicationIdNumber = () => makeIdNumber('610113', '1991-01-01', (applications += 1) * 2);

/** Accounts the matrix creates get fresh logins. */
let newLogins = 0;
const MATRIX_PLAN_TEXT = '一、总体要求\n1.做好矩阵测试工作。';

/** A scoring step inside the subtree: the issuing union scores; the assessed union cannot lock the round (404); a union above is refused (403). */
const scoringAnswer = (f: SupervisionFixture, actorPath: string) => (actorPath === f.issuerPath ? [200] : actorPath === f.supervisedPath ? [404] : [403]);

/** How to aim each route at a target unit. A route missing here fails the test. */
/**
 * Routes open to every signed-in user whose answer still depends on a
 * permission the route cannot name in advance (a metric carries its own).
 */
const EFFECTIVE_ACCESS: Record<string, string> = { 'GET /metrics/:metricId/value': 'members.read' };

const PROBES: Record<string, Probe | 'not-row-scoped'> = {
  'GET /health': 'not-row-scoped',
  'POST /auth/login': 'not-row-scoped',
  'POST /auth/logout': 'not-row-scoped',
  'GET /auth/me': 'not-row-scoped',
  'POST /auth/switch-org': 'not-row-scoped',
  'POST /auth/second-factor/enrolment/start': 'not-row-scoped',
  'POST /auth/second-factor/enrolment/confirm': 'not-row-scoped',
  'POST /auth/second-factor/verify': 'not-row-scoped',
  'POST /auth/password': 'not-row-scoped',
  'POST /assistance/self-test': 'not-row-scoped', // public, stores nothing: household figures in, a classification out
  'GET /assistance/regions': 'not-row-scoped', // public list of regions with a 低保 standard (rule table)
  'GET /orgs/:id': (t) => ({ request: { method: 'GET', url: `/api/orgs/${t.unitId}` }, rowPath: t.unitPath }),
  'GET /orgs/children': (t) => ({ request: { method: 'GET', url: `/api/orgs/children?parentId=${t.unitId}` }, rowPath: t.unitPath }),
  'GET /orgs/summary': (t) => ({ request: { method: 'GET', url: `/api/orgs/summary?rootId=${t.unitId}` }, rowPath: t.unitPath }),
  'POST /orgs': (t) => ({
    request: { method: 'POST', url: '/api/orgs', payload: { parentId: t.unitId, type: CHILD_TYPE[t.unitType], name: freshUnitName('矩阵测试组织') } },
    rowPath: t.unitPath,
  }),
  // An edit that changes nothing, from the current version: answerable 200 however often the matrix repeats it.
  'PUT /orgs/:id': async (t, db) => {
    const unit = await db.selectFrom('org_unit').select(['name', 'updated_at']).where('id', '=', t.unitId).executeTakeFirstOrThrow();
    return { request: { method: 'PUT', url: `/api/orgs/${t.unitId}`, payload: { updatedAt: unit.updated_at.toISOString(), name: unit.name } }, rowPath: t.unitPath };
  },
  // A fresh child "moved" to the parent it has: every scope check runs, nothing changes.
  'POST /orgs/:id/move': async (t, db) => ({
    request: { method: 'POST', url: `/api/orgs/${(await freshChild(t, db)).id}/move`, payload: { parentId: t.unitId } },
    rowPath: t.unitPath,
  }),
  'POST /orgs/:id/dissolve': async (t, db) => ({
    request: { method: 'POST', url: `/api/orgs/${(await freshChild(t, db)).id}/dissolve`, payload: {} },
    rowPath: t.unitPath,
  }),
  'POST /orgs/:id/merge': async (t, db) => ({
    request: { method: 'POST', url: `/api/orgs/${(await freshChild(t, db)).id}/merge`, payload: { intoId: t.unitId } },
    rowPath: t.unitPath,
  }),
  'GET /members': (t) => ({ request: { method: 'GET', url: `/api/members?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  'GET /members/export': (t) => ({
    // A filter that matches no one keeps each export small: scope is decided before any row is read.
    request: { method: 'GET', url: `/api/members/export?orgUnitId=${t.unitId}&status=deceased&purpose=${encodeURIComponent('权限矩阵测试')}` },
    rowPath: t.unitPath,
  }),
  'GET /members/:id': (t) => ({ request: { method: 'GET', url: `/api/members/${t.membershipId}` }, rowPath: t.membershipPath }),
  'POST /members/:id/reveal': (t) => ({
    request: { method: 'POST', url: `/api/members/${t.membershipId}/reveal`, payload: { field: 'phone', reason: '权限矩阵测试' } },
    rowPath: t.membershipPath,
  }),
  'GET /members/stats': (t) => ({ request: { method: 'GET', url: `/api/members/stats?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  'GET /members/imports': 'not-row-scoped', // the caller's own subtree (row-level security on the jobs)
  'GET /members/import-template': 'not-row-scoped',
  'POST /members/imports': (t) => ({
    request: {
      method: 'POST',
      url: `/api/members/imports?orgUnitId=${t.unitId}&dryRun=true`,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'matrix.csv' },
      payload: Buffer.from(`姓名,身份证号\n矩阵,${applicationIdNumber()}\n`),
    },
    rowPath: t.unitPath,
  }),
  'GET /members/imports/:id': (t) => ({ request: { method: 'GET', url: `/api/members/imports/${t.importJobId}` }, rowPath: t.unitPath }),
  'GET /members/imports/:id/errors': (t) => ({ request: { method: 'GET', url: `/api/members/imports/${t.importJobId}/errors` }, rowPath: t.unitPath }),
  'GET /members/transfers': 'not-row-scoped', // lists the caller's own subtree only; lifecycle-routes.test.ts checks a third union sees nothing
  'GET /members/union-directory': 'not-row-scoped', // the public province-wide union directory (names and codes)
  'POST /members/applications': (t) => ({
    request: { method: 'POST', url: '/api/members/applications', payload: { orgUnitId: t.unitId, profile: { idNumber: applicationIdNumber(), name: '矩阵测试' } } },
    rowPath: t.unitPath,
    inside: [200, 400],
  }),
  'POST /members/:id/approve': (t) => ({ request: { method: 'POST', url: `/api/members/${t.membershipId}/approve`, payload: {} }, rowPath: t.membershipPath, inside: [409] }),
  'POST /members/:id/refuse': (t) => ({
    request: { method: 'POST', url: `/api/members/${t.membershipId}/refuse`, payload: { reason: '权限矩阵测试' } },
    rowPath: t.membershipPath,
    inside: [409],
  }),
  // Aimed at the province union, which holds no members: the request is refused after the membership is found.
  'POST /members/:id/transfer': (t) => ({
    request: { method: 'POST', url: `/api/members/${t.membershipId}/transfer`, payload: { toOrgUnitId: 1, reason: 'job_change' } },
    rowPath: t.membershipPath,
    inside: [400, 409],
  }),
  'POST /members/:id/retain': (t) => ({
    request: { method: 'POST', url: `/api/members/${t.membershipId}/retain`, payload: { reason: 'retired' } },
    rowPath: t.membershipPath,
    inside: ONCE,
  }),
  'POST /members/:id/reactivate': (t) => ({ request: { method: 'POST', url: `/api/members/${t.membershipId}/reactivate` }, rowPath: t.membershipPath, inside: ONCE }),
  'POST /members/:id/end': (t) => ({
    request: { method: 'POST', url: `/api/members/${t.membershipId}/end`, payload: { kind: 'exited', reason: '权限矩阵测试' } },
    rowPath: t.membershipPath,
    inside: ONCE,
  }),
  'POST /members/transfers/:id/accept': (t) => ({
    request: { method: 'POST', url: `/api/members/transfers/${t.transfer.id}/accept`, payload: {} },
    rowPath: t.transfer.toPath,
    inside: ONCE,
  }),
  'POST /members/transfers/:id/refuse': (t) => ({
    request: { method: 'POST', url: `/api/members/transfers/${t.transfer.id}/refuse`, payload: { reason: '权限矩阵测试' } },
    rowPath: t.transfer.toPath,
    inside: ONCE,
  }),
  'POST /members/transfers/:id/cancel': (t) => ({
    request: { method: 'POST', url: `/api/members/transfers/${t.transfer.id}/cancel`, payload: {} },
    rowPath: t.transfer.fromPath,
    inside: ONCE,
  }),
  'GET /metrics': 'not-row-scoped', // the registry's list of metrics and their parameters, no figures
  // A metric is read with its publishing module's permission (members.read here), for a unit of the caller's subtree.
  'GET /metrics/:metricId/value': (t) => ({ request: { method: 'GET', url: `/api/metrics/members.total/value?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  'GET /assistance/households': (t) => ({ request: { method: 'GET', url: `/api/assistance/households?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  // The target's member may hold a file already (一户一档: 409), or sit where no 低保 standard is on file (400).
  'POST /assistance/households': (t) => ({
    request: { method: 'POST', url: '/api/assistance/households', payload: { membershipId: t.membershipId, annualIncome: 12000, mainCause: 'illness' } },
    rowPath: t.membershipPath,
    inside: [200, 400, 409],
  }),
  'GET /assistance/households/:id': (t) => ({ request: { method: 'GET', url: `/api/assistance/households/${t.household.id}` }, rowPath: t.household.path }),
  // An edit from the current version: answerable 200 however often the matrix repeats it.
  'PUT /assistance/households/:id': async (t, db) => {
    const { version } = await db.selectFrom('assistance_household').select('version').where('id', '=', t.household.id).executeTakeFirstOrThrow();
    return {
      request: { method: 'PUT', url: `/api/assistance/households/${t.household.id}`, payload: { expectedVersion: version, annualIncome: 12000, mainCause: 'illness', bank: null } },
      rowPath: t.household.path,
    };
  },
  'POST /assistance/households/:id/reveal': (t) => ({
    request: { method: 'POST', url: `/api/assistance/households/${t.household.id}/reveal`, payload: { field: 'bankAccount', reason: '权限矩阵测试' } },
    rowPath: t.household.path,
  }),
  'GET /assistance/households/:id/actions': (t) => ({ request: { method: 'GET', url: `/api/assistance/households/${t.household.id}/actions` }, rowPath: t.household.path }),
  // A filed file takes no more steps: found, then refused by its state (or its version).
  'POST /assistance/households/:id/actions/:transition': (t) => ({
    request: { method: 'POST', url: `/api/assistance/households/${t.household.id}/actions/submit`, payload: { expectedVersion: 1 } },
    rowPath: t.household.path,
    inside: [409],
  }),
  'GET /assistance/households/:id/history': (t) => ({ request: { method: 'GET', url: `/api/assistance/households/${t.household.id}/history` }, rowPath: t.household.path }),
  'GET /assistance/households/:id/notice': (t) => ({ request: { method: 'GET', url: `/api/assistance/households/${t.household.id}/notice` }, rowPath: t.household.path, inside: [409] }),
  'POST /assistance/households/:id/files': (t) => ({
    request: {
      method: 'POST',
      url: `/api/assistance/households/${t.household.id}/files?kind=photo`,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'matrix.pdf' },
      payload: MATRIX_PDF,
    },
    rowPath: t.household.path,
  }),
  'POST /assistance/households/:id/files/:fileId/open': (t) => ({
    request: { method: 'POST', url: `/api/assistance/households/${t.household.id}/files/${t.household.fileId}/open`, payload: { reason: '权限矩阵测试' } },
    rowPath: t.household.path,
  }),
  // A token the caller was never issued: inside, the file is found and the token refused (403);
  // outside, the household is not found first (404). households-routes.test.ts redeems real tokens.
  'GET /assistance/households/:id/files/:fileId': (t) => ({
    request: { method: 'GET', url: `/api/assistance/households/${t.household.id}/files/${t.household.fileId}?token=${'A'.repeat(43)}` },
    rowPath: t.household.path,
    inside: [403],
  }),
  'POST /assistance/reverifications': (t) => ({ request: { method: 'POST', url: '/api/assistance/reverifications', payload: { orgUnitId: t.unitId } }, rowPath: t.unitPath }),
  // 帮扶记录 and 批量帮扶 (server/aid/): aidFixture puts one draft record on the target's household and a draft
  // campaign at the target. The steps that need a workflow run are exempt here; aid-records.test.ts and
  // aid-campaigns.test.ts check another city gets 404 for each.
  'POST /assistance/aid/records': (t) => ({
    request: { method: 'POST', url: '/api/assistance/aid/records', payload: { householdId: t.household.id, payingOrgUnitId: Number(t.household.path.split('.').filter(Boolean).at(-1)), category: 'employment', fundingSource: 'union_funds', amount: 1, aidDate: '2026-11-24' } },
    rowPath: t.household.path,
  }),
  'GET /assistance/aid/records/:id': async (t, db) => ({ request: { method: 'GET', url: `/api/assistance/aid/records/${(await aidFixture(t, db)).recordId}` }, rowPath: t.household.path }),
  'POST /assistance/aid/records/:id/actions/:transition': 'not-row-scoped', // needs a workflow run; aid-records.test.ts: another city's approval answers 404
  'GET /assistance/aid/households/:id/records': (t) => ({ request: { method: 'GET', url: `/api/assistance/aid/households/${t.household.id}/records` }, rowPath: t.household.path }),
  'GET /assistance/aid/summary': (t) => ({ request: { method: 'GET', url: `/api/assistance/aid/summary?orgUnitId=${t.unitId}&year=2026` }, rowPath: t.unitPath }),
  'GET /assistance/dashboard': (t) => ({ request: { method: 'GET', url: `/api/assistance/dashboard?orgUnitId=${t.unitId}&year=2026` }, rowPath: t.unitPath }),
  'GET /assistance/dashboard.xlsx': (t) => ({ request: { method: 'GET', url: `/api/assistance/dashboard.xlsx?orgUnitId=${t.unitId}&year=2026` }, rowPath: t.unitPath }),
  'GET /assistance/campaigns': 'not-row-scoped', // the caller's own subtree (row-level security); aid-campaigns.test.ts checks another city sees none
  'POST /assistance/campaigns': (t) => ({
    request: { method: 'POST', url: '/api/assistance/campaigns', payload: { name: '矩阵测试送温暖', payingOrgUnitId: t.unitId, category: 'warmth', fundingSource: 'union_funds', standardAmount: 100, budget: 1000, aidDate: '2026-12-28' } },
    rowPath: t.unitPath,
  }),
  'GET /assistance/campaigns/:id': async (t, db) => ({ request: { method: 'GET', url: `/api/assistance/campaigns/${(await aidFixture(t, db)).campaignId}` }, rowPath: t.unitPath }),
  'POST /assistance/campaigns/:id/select': 'not-row-scoped', // list edits, approval, distribution, receipts and export need a campaign's workflow run:
  'POST /assistance/campaigns/:id/households': 'not-row-scoped', // aid-campaigns.test.ts walks them; loadCampaign answers 404 outside the
  'DELETE /assistance/campaigns/:id/households/:householdId': 'not-row-scoped', // paying union's subtree for each of them
  'POST /assistance/campaigns/:id/approve': 'not-row-scoped',
  'POST /assistance/campaigns/:id/distribute': 'not-row-scoped',
  'POST /assistance/campaigns/:id/cancel': 'not-row-scoped',
  'POST /assistance/campaigns/:id/receipts': 'not-row-scoped',
  'GET /assistance/campaigns/:id/export': 'not-row-scoped',
  // 脱困 and 返困监测 (server/monitoring/). The lists and figures are probed; the steps need a household in
  // monitoring or an alert (a workflow run), and monitoring.test.ts checks another subtree gets 404 for each.
  'GET /assistance/households/:id/income-checks': (t) => ({ request: { method: 'GET', url: `/api/assistance/households/${t.household.id}/income-checks` }, rowPath: t.household.path }),
  'POST /assistance/households/:id/income-checks': 'not-row-scoped', // one row per household and month: monitoring.test.ts (scope: 404 outside)
  'POST /assistance/households/:id/exit': 'not-row-scoped', // a workflow step: monitoring.test.ts
  'POST /assistance/households/:id/risk-signals': 'not-row-scoped', // needs a monitored household: monitoring.test.ts
  'GET /assistance/monitoring/callbacks': (t) => ({ request: { method: 'GET', url: `/api/assistance/monitoring/callbacks?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  'POST /assistance/monitoring/callbacks/:id': 'not-row-scoped', // needs a due call-back: monitoring.test.ts
  'GET /assistance/monitoring/alerts': (t) => ({ request: { method: 'GET', url: `/api/assistance/monitoring/alerts?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  'POST /assistance/monitoring/alerts/:id/reentry': 'not-row-scoped', // needs an open alert: monitoring.test.ts
  'POST /assistance/monitoring/alerts/:id/dismiss': 'not-row-scoped', // needs an open alert: monitoring.test.ts
  'GET /assistance/monitoring/summary': (t) => ({ request: { method: 'GET', url: `/api/assistance/monitoring/summary?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  // Notifications belong to an account, not to a union: notifications.test.ts checks only the owner reads them.
  'GET /notifications': 'not-row-scoped',
  'POST /notifications/:id/read': 'not-row-scoped',
  'POST /notifications/read-all': 'not-row-scoped',
  // Work plans (plans module): see planFixture. Owners and the unions above them are inside; a state
  // change the fixture's state refuses answers 409, one the caller's union cannot take part in too.
  'GET /plans': 'not-row-scoped', // the plans the caller's own subtree sees (row-level security); plans-review.test.ts checks a county sees none of its city's drafts
  'POST /plans/drafts': (t) => ({ request: { method: 'POST', url: '/api/plans/drafts', payload: { text: MATRIX_PLAN_TEXT, orgUnitId: t.unitId } }, rowPath: t.unitPath }),
  'POST /plans/drafts/upload': (t) => ({
    request: {
      method: 'POST',
      url: `/api/plans/drafts/upload?orgUnitId=${t.unitId}`,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'matrix.txt' },
      payload: Buffer.from(MATRIX_PLAN_TEXT),
    },
    rowPath: t.unitPath,
  }),
  'GET /plans/:id': planProbe((f) => ({ method: 'GET', url: `/api/plans/${f.planId}` })),
  'PUT /plans/:id': planProbe(async (f, db) => ({ method: 'PUT', url: `/api/plans/${f.draftId}`, payload: { version: await draftVersion(db, f.draftId), title: '矩阵测试工作部署' } })),
  'POST /plans/:id/confirm': planProbe(async (f, db) => ({ method: 'POST', url: `/api/plans/${f.planId}/confirm`, payload: { version: await draftVersion(db, f.planId) } }), [409]),
  'POST /plans/:id/reopen': planProbe(async (f, db) => ({ method: 'POST', url: `/api/plans/${f.planId}/reopen`, payload: { version: await draftVersion(db, f.planId) } }), [409]),
  'PUT /plans/sections/:id': planProbe(async (f, db) => ({ method: 'PUT', url: `/api/plans/sections/${f.draftSectionId}`, payload: { version: await draftVersion(db, f.draftId), title: '总体' } })),
  'POST /plans/:id/measures': planProbe(async (f, db) => ({ method: 'POST', url: `/api/plans/${f.draftId}/measures`, payload: { version: await draftVersion(db, f.draftId), sectionId: f.draftSectionId, text: '矩阵测试措施。' } })),
  'PUT /plans/measures/:id': planProbe(async (f, db) => ({ method: 'PUT', url: `/api/plans/measures/${f.draftMeasureId}`, payload: { version: await draftVersion(db, f.draftId), title: '做好工作' } })),
  'POST /plans/measures/:id/split': planProbe((f) => ({ method: 'POST', url: `/api/plans/measures/${f.measureId}/split`, payload: { version: 1, offset: 3 } }), [409]),
  'POST /plans/measures/:id/merge': planProbe((f) => ({ method: 'POST', url: `/api/plans/measures/${f.measureId}/merge`, payload: { version: 1 } }), [409]),
  'POST /plans/measures/:id/indicators': planProbe(async (f, db) => ({
    method: 'POST',
    url: `/api/plans/measures/${f.draftMeasureId}/indicators`,
    payload: { version: await draftVersion(db, f.draftId), value: 1, unit: '个', subject: '矩阵' },
  })),
  'PUT /plans/indicators/:id': planProbe(async (f, db) => ({ method: 'PUT', url: `/api/plans/indicators/${f.draftIndicatorId}`, payload: { version: await draftVersion(db, f.draftId), value: 10 } })),
  'DELETE /plans/indicators/:id': planProbe((f) => ({ method: 'DELETE', url: `/api/plans/indicators/${f.indicatorId}?version=1` }), [409]),
  'PUT /plans/measures/:id/assignment': planProbe(async (f, db) => {
    const { version } = await db.selectFrom('plans_measure').select('version').where('id', '=', f.measureId).executeTakeFirstOrThrow();
    return { method: 'PUT', url: `/api/plans/measures/${f.measureId}/assignment`, payload: { version, leadDepartment: '办公室', coOwners: [], responsibleOrgUnitIds: [], deadline: null, cadence: null } };
  }),
  // The owner issues again to its recipient (already has it: 200); a union above did not receive the plan (409).
  'POST /plans/:id/issue': planProbe((f) => ({ method: 'POST', url: `/api/plans/${f.planId}/issue`, payload: { orgUnitIds: [f.recipientId] } }), [200, 409]),
  'POST /plans/:id/acknowledge': planProbe((f) => ({ method: 'POST', url: `/api/plans/${f.planId}/acknowledge` }), [409]),
  'GET /plans/indicators/:id/allocations': planProbe((f) => ({ method: 'GET', url: `/api/plans/indicators/${f.indicatorId}/allocations` }), [200, 409]),
  'PUT /plans/indicators/:id/allocations': planProbe((f) => ({ method: 'PUT', url: `/api/plans/indicators/${f.indicatorId}/allocations`, payload: { allocations: [] } }), [200, 409]),
  'POST /plans/indicators/:id/binding': planProbe((f) => ({ method: 'POST', url: `/api/plans/indicators/${f.indicatorId}/binding`, payload: { metricId: null } })),
  'GET /plans/:id/rollup': planProbe((f) => ({ method: 'GET', url: `/api/plans/${f.planId}/rollup` })),
  'GET /plans/:id/status-report.xlsx': planProbe((f) => ({ method: 'GET', url: `/api/plans/${f.planId}/status-report.xlsx` })),
  'GET /plans/:id/status-report.pdf': planProbe((f) => ({ method: 'GET', url: `/api/plans/${f.planId}/status-report.pdf` })),
  'GET /plans/:id/supervision': planProbe((f) => ({ method: 'GET', url: `/api/plans/${f.planId}/supervision` })),
  // 督办 and 考核 (see supervisionFixture): the target is supervised and assessed by its parent. Who may take a step
  // inside the subtree is one union: the issuer (or a union above it) issues and closes, the supervised union
  // replies — another union inside gets 403 for it (or 409 for supervising itself); outside, the row does not exist.
  'POST /plans/:id/supervision': supervisionProbe(
    (f) => ({ method: 'POST', url: `/api/plans/${f.planId}/supervision`, payload: { measureId: f.measureId, orgUnitId: f.supervisedId, kind: 'reminder', comment: '矩阵测试督办' } }),
    (f, actor) => (actor === f.supervisedPath ? [409] : [200]),
  ),
  // An open item takes replies again and again; each reads its current version.
  'POST /plans/:id/supervision/:supervisionId/reply': supervisionProbe(
    async (f, db) => ({
      method: 'POST',
      url: `/api/plans/${f.planId}/supervision/${f.itemId}/reply`,
      payload: { version: await supervisionVersion(db, f.itemId), comment: '矩阵测试答复', expectedCompletionOn: '2026-12-31' },
    }),
    (f, actor) => (actor === f.supervisedPath ? [200] : [403]),
  ),
  // A closed item takes no step: each call closes an item of its own.
  'POST /plans/:id/supervision/:supervisionId/close': supervisionProbe(
    async (f, db) => ({ method: 'POST', url: `/api/plans/${f.planId}/supervision/${await freshSupervisionItem(f, db)}/close`, payload: { version: 1, comment: '矩阵测试办结' } }),
    (f, actor) => (actor === f.supervisedPath ? [403] : [200]),
  ),
  'GET /plans/assessments': 'not-row-scoped', // a list with no row named: the schemes the caller's own subtree issued or is assessed by (row-level security); plans-assessment.test.ts checks each union sees only its subtree
  // A new scheme of the caller's union assessing the target (a union may not assess itself: 400).
  'POST /plans/assessments': supervisionProbe(
    (f) => ({ method: 'POST', url: '/api/plans/assessments', payload: { planId: null, year: 2026, title: '矩阵测试考核方案', fullScore: 100, orgUnitIds: [f.supervisedId], tree: MATRIX_SCHEME_TREE } }),
    (f, actor) => (actor === f.supervisedPath ? [400] : [200]),
  ),
  'GET /plans/assessments/:id': supervisionProbe((f) => ({ method: 'GET', url: `/api/plans/assessments/${f.schemeId}` })),
  // An edit that changes nothing, from the current version. Building and scoring are the issuing union's own acts (考核单位).
  'PUT /plans/assessments/:id': supervisionProbe(
    async (f, db) => ({
      method: 'PUT',
      url: `/api/plans/assessments/${f.schemeId}`,
      payload: { version: await schemeVersion(db, f.schemeId), planId: null, year: 2026, title: '矩阵测试考核方案', fullScore: 100, orgUnitIds: [f.supervisedId], tree: MATRIX_SCHEME_TREE },
    }),
    (f, actor) => (actor === f.issuerPath ? [200] : [403]),
  ),
  'POST /plans/assessments/:id/rounds': supervisionProbe(
    (f) => ({ method: 'POST', url: `/api/plans/assessments/${f.schemeId}/rounds`, payload: { title: freshRoundTitle() } }),
    (f, actor) => (actor === f.issuerPath ? [200] : [403]),
  ),
  'GET /plans/assessments/rounds/:id/ranking': supervisionProbe((f) => ({ method: 'GET', url: `/api/plans/assessments/rounds/${f.roundId}/ranking` })),
  'GET /plans/assessments/rounds/:id/sheet': supervisionProbe((f) => ({ method: 'GET', url: `/api/plans/assessments/rounds/${f.roundId}/sheet?orgUnitId=${f.supervisedId}` })),
  // Scoring locks the round, which row-level security lets only the issuing side do: the assessed union sees the
  // round but finds none to score (404, as plans-assessment.test.ts asserts for 西安); a union above the issuer
  // is refused by name (403). The same entry and a fresh adjustment row each time: answerable however often repeated.
  'PUT /plans/assessments/rounds/:id/entries': supervisionProbe(
    (f) => ({ method: 'PUT', url: `/api/plans/assessments/rounds/${f.roundId}/entries`, payload: { orgUnitId: f.supervisedId, ruleKey: 'r1', value: 80, note: '矩阵测试' } }),
    (f, actor) => scoringAnswer(f, actor),
  ),
  'POST /plans/assessments/rounds/:id/adjustments': supervisionProbe(
    (f) => ({ method: 'POST', url: `/api/plans/assessments/rounds/${f.roundId}/adjustments`, payload: { orgUnitId: f.supervisedId, itemKey: 'i1', delta: 1, reason: '矩阵测试调整' } }),
    (f, actor) => scoringAnswer(f, actor),
  ),
  // A published round is frozen: each call publishes a scored round of its own.
  'POST /plans/assessments/rounds/:id/publish': supervisionProbe(
    async (f, db) => ({ method: 'POST', url: `/api/plans/assessments/rounds/${await freshScoredRound(f, db)}/publish` }),
    (f, actor) => scoringAnswer(f, actor),
  ),
  'GET /plans/assessments/rounds/:id/export': supervisionProbe((f) => ({ method: 'GET', url: `/api/plans/assessments/rounds/${f.roundId}/export` })),
  'GET /plans/:id/reports': planProbe((f) => ({ method: 'GET', url: `/api/plans/${f.planId}/reports` })),
  // The owner does not report on its own plan, a union above it did not receive it: 409 either way.
  'POST /plans/reports': planProbe((f) => ({ method: 'POST', url: '/api/plans/reports', payload: { measureId: f.measureId, period: '2026-Q1', progress: 'on_track' } }), [409]),
  'GET /plans/reports/:id': planProbe((f) => ({ method: 'GET', url: `/api/plans/reports/${f.reportId}` })),
  // The fixture's report is accepted: found, then refused by its state.
  'PUT /plans/reports/:id': planProbe((f) => ({ method: 'PUT', url: `/api/plans/reports/${f.reportId}`, payload: { version: 1, narrative: '矩阵' } }), [409]),
  'POST /plans/reports/:id/submit': planProbe((f) => ({ method: 'POST', url: `/api/plans/reports/${f.reportId}/submit`, payload: { version: 1 } }), [409]),
  'POST /plans/reports/:id/accept': planProbe((f) => ({ method: 'POST', url: `/api/plans/reports/${f.reportId}/accept`, payload: { version: 1 } }), [409]),
  'POST /plans/reports/:id/return': planProbe((f) => ({ method: 'POST', url: `/api/plans/reports/${f.reportId}/return`, payload: { version: 1, comment: '矩阵' } }), [409]),
  'POST /plans/reports/:id/evidence': planProbe((f) => ({
    method: 'POST',
    url: `/api/plans/reports/${f.reportId}/evidence`,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'matrix.pdf' },
    payload: MATRIX_PDF,
  }), [409]),
  'DELETE /plans/evidence/:id': planProbe((f) => ({ method: 'DELETE', url: `/api/plans/evidence/${f.evidenceId}` }), [409]),
  'GET /plans/evidence/:id': planProbe((f) => ({ method: 'GET', url: `/api/plans/evidence/${f.evidenceId}` })),
  'GET /audit/events': (t) => ({ request: { method: 'GET', url: `/api/audit/events?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  'GET /audit/export': (t) => ({
    request: { method: 'GET', url: `/api/audit/export?orgUnitId=${t.unitId}&purpose=${encodeURIComponent('权限矩阵测试')}` },
    rowPath: t.unitPath,
  }),
  'GET /accounts': (t) => ({ request: { method: 'GET', url: `/api/accounts?orgUnitId=${t.unitId}` }, rowPath: t.unitPath }),
  'POST /accounts': (t) => ({
    request: { method: 'POST', url: '/api/accounts', payload: { login: `matrix-${(newLogins += 1)}`, name: '矩阵测试', orgUnitId: t.unitId, roles: ['clerk'] } },
    rowPath: t.unitPath,
  }),
  // Grant and revoke the same role: each stays answerable 200 however often the matrix repeats it.
  'POST /accounts/:id/roles': (t) => ({
    request: { method: 'POST', url: `/api/accounts/${t.accountId}/roles`, payload: { orgUnitId: t.unitId, role: 'reviewer' } },
    rowPath: t.unitPath,
  }),
  'POST /accounts/:id/roles/revoke': (t) => ({
    request: { method: 'POST', url: `/api/accounts/${t.accountId}/roles/revoke`, payload: { orgUnitId: t.unitId, role: 'reviewer' } },
    rowPath: t.unitPath,
  }),
  'POST /accounts/:id/disable': (t) => ({ request: { method: 'POST', url: `/api/accounts/${t.accountId}/disable` }, rowPath: t.unitPath }),
  'POST /accounts/:id/enable': (t) => ({ request: { method: 'POST', url: `/api/accounts/${t.accountId}/enable` }, rowPath: t.unitPath }),
  'POST /accounts/:id/unlock': (t) => ({ request: { method: 'POST', url: `/api/accounts/${t.accountId}/unlock` }, rowPath: t.unitPath }),
  'POST /accounts/:id/reset-second-factor': (t) => ({
    request: { method: 'POST', url: `/api/accounts/${t.accountId}/reset-second-factor` },
    rowPath: t.unitPath,
  }),
};

const ROUTES = MODULES.flatMap((module) => module.routes);

describe('access matrix coverage', () => {
  it('has a probe (or an explicit exemption) for every route', () => {
    const unprobed = ROUTES.map((route) => `${route.method} ${route.url}`).filter((key) => !(key in PROBES));
    expect(unprobed, 'add the new route to PROBES in test/access-matrix.test.ts').toEqual([]);
  });
});

for (const engine of TEST_ENGINES) {
  describe(`access matrix [${engine}]`, () => {
    let database: Database;
    let app: FastifyInstance;
    const keys = testPlatformKeys();
    const units: Record<string, { id: number; path: string }> = {};
    const targets: Record<string, Target> = {};
    const sessions: Record<string, SessionHeaders> = {};
    const permissions: Record<string, string[]> = {};

    // Actors at five levels; 咸阳 is the sibling of 西安. Demo password for the demo accounts.
    // The three administrators sit at 西安 (separation of duties: each sees only their own routes).
    const ACTORS = ['sheng', 'xian', 'xianyang', 'yanta', 'jiceng', 'audit-xian', 'sys-xian', 'sec-xian'] as const;
    const actorUnit: Record<string, string> = {};

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      const db = database.kysely;
      await seedDemo(db, MODULES, { keys, log: () => {} });
      const xian = await db.selectFrom('org_unit').select(['id', 'path', 'code', 'name']).where('code', '=', 'SX610100').executeTakeFirstOrThrow();
      await createStaff(db, { login: 'audit-xian', password: 'Gonghui@2026', org: xian, roles: ['auditadmin'] });
      await createStaff(db, { login: 'sys-xian', password: 'Gonghui@2026', org: xian, roles: ['sysadmin'] });
      await createStaff(db, { login: 'sec-xian', password: 'Gonghui@2026', org: xian, roles: ['secadmin'] });
      // Each actor's unit, as the demo seed placed them.
      for (const actor of ACTORS) {
        const held = await db
          .selectFrom('role_assignment')
          .innerJoin('account', 'account.id', 'role_assignment.account_id')
          .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
          .select('org_unit.code')
          .where('account.login', '=', actor)
          .executeTakeFirstOrThrow();
        actorUnit[actor] = held.code;
      }
      for (const code of new Set(Object.values(actorUnit))) {
        const unit = await db.selectFrom('org_unit').select(['id', 'path', 'code', 'type']).where('code', '=', code).executeTakeFirstOrThrow();
        units[code] = unit;
        const membership = await db
          .selectFrom('members_membership')
          .select(['id', 'org_path'])
          .where('org_path', 'like', `${unit.path}%`)
          .orderBy('org_path', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
        const account = await createStaff(db, { login: `target-${code.toLowerCase()}`, org: { ...unit, name: code }, roles: ['clerk'] });
        // A pending transfer of another member of the subtree to a new project union under the unit,
        // for the transfer decision routes (sending side: from_path; receiving side: to_path).
        const receiver = await createOrgUnit(db, { parent: { ...unit, name: code }, type: 'project', name: `矩阵测试项目工会${code}` });
        const source = await db
          .selectFrom('members_membership')
          .select(['id', 'person_id', 'org_unit_id', 'org_path'])
          .where('org_path', 'like', `${unit.path}%`)
          .where('status', '=', 'active')
          .where('id', '<>', membership.id)
          .orderBy('id')
          .limit(1)
          .executeTakeFirstOrThrow();
        await db.updateTable('members_membership').set({ status: 'transferring' }).where('id', '=', source.id).execute();
        const transfer = await db
          .insertInto('members_transfer')
          .values({
            membership_id: source.id, person_id: source.person_id, from_org_unit_id: source.org_unit_id, from_path: source.org_path,
            to_org_unit_id: receiver.id, to_path: receiver.path, reason: 'job_change', requested_on: '2026-11-20',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // A finished import job at the unit, with its file where the error report reads it.
        const importJob = await db
          .insertInto('members_import_job')
          .values({ org_unit_id: unit.id, org_path: unit.path, file_name: 'matrix.csv', file_sha256: '0'.repeat(64), file_size: 20, file_kind: 'csv', status: 'completed' })
          .returning('id')
          .executeTakeFirstOrThrow();
        mkdirSync(join(MATRIX_DATA_DIR, 'imports'), { recursive: true });
        writeFileSync(join(MATRIX_DATA_DIR, 'imports', `job-${importJob.id}.csv`), '姓名,身份证号\n矩阵,1\n');
        // A filed demo hardship file in the subtree, with an evidence file on disk.
        const household = await db
          .selectFrom('assistance_household')
          .select(['id', 'org_path'])
          .where('org_path', 'like', `${unit.path}%`)
          .where('status', '=', 'filed')
          .orderBy('org_path', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
        const evidence = await db
          .insertInto('assistance_household_file')
          .values({ household_id: household.id, org_path: household.org_path, kind: 'photo', name: 'matrix.pdf', content_type: 'application/pdf', size: MATRIX_PDF.length, sha256: '0'.repeat(64), uploaded_at: new Date() })
          .returning('id')
          .executeTakeFirstOrThrow();
        mkdirSync(join(MATRIX_DATA_DIR, 'assistance', 'files'), { recursive: true });
        writeFileSync(join(MATRIX_DATA_DIR, 'assistance', 'files', String(evidence.id)), MATRIX_PDF);
        targets[code] = { unitId: unit.id, unitPath: unit.path, unitType: unit.type, membershipId: membership.id, membershipPath: membership.org_path, accountId: account.id,
          transfer: { id: transfer.id, fromPath: source.org_path, toPath: receiver.path }, importJobId: importJob.id,
          household: { id: household.id, path: household.org_path, fileId: evidence.id } };
      }
      app = await buildTestApp(database, MODULES, { keys, env: { DATA_DIR: MATRIX_DATA_DIR } });
      for (const actor of ACTORS) {
        sessions[actor] = await signIn(app, actor, 'Gonghui@2026');
        permissions[actor] = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: sessions[actor] })).json().permissions;
      }
    }, 300_000); // Seeds the whole demo province (every module's part) on a shared machine.
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    it('never answers 200 for a row outside the caller subtree, and 403 without the permission', async () => {
      const leaks: string[] = [];
      const wrong: string[] = [];
      let cells = 0;
      for (const route of ROUTES) {
        const probe = PROBES[`${route.method} ${route.url}`];
        if (!probe || probe === 'not-row-scoped') continue;
        for (const actor of ACTORS) {
          const actorPath = units[actorUnit[actor]!]!.path;
          const access = EFFECTIVE_ACCESS[`${route.method} ${route.url}`] ?? route.access;
          const hasPermission = access === 'signed-in' || permissions[actor]!.includes(access);
          for (const [code, target] of Object.entries(targets)) {
            const { request, rowPath, inside = [200] } = await probe(target, database.kysely, actorPath);
            const isInside = rowPath.startsWith(actorPath);
            const response = await app.inject({ ...request, headers: { ...(request.headers as Record<string, string> | undefined), ...sessions[actor] } });
            cells += 1;
            const cell = `${actor} ${route.method} ${route.url} -> ${code} (${isInside ? 'inside' : 'outside'}): ${response.statusCode}`;
            const expected = !hasPermission ? [403] : isInside ? inside : [404];
            if (!isInside && response.statusCode === 200) leaks.push(cell);
            if (!expected.includes(response.statusCode)) wrong.push(`${cell}, expected ${expected.join(' or ')}`);
          }
        }
      }
      expect(leaks, 'rows leaked outside the subtree').toEqual([]);
      expect(wrong).toEqual([]);
      expect(cells).toBeGreaterThanOrEqual(16 * 8 * 5);
      console.log(`access matrix [${engine}]: ${cells} cells, 0 leaks`);
    }, 600_000); // 1,440 cells per engine; CI machines are shared
  });
}
