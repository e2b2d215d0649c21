import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { TNavItem } from '../core/auth/contract';

export type PageComponent = LazyExoticComponent<ComponentType>;

/**
 * The page registry: route path -> lazily loaded page. A module adds its pages
 * here under the nav path its server manifest declares (sub-routes such as
 * '/members/:id' belong to the nav entry '/members'). Each page is its own chunk.
 */
export const PAGES: Readonly<Record<string, PageComponent>> = {
  '/': lazy(() => import('./pages/HomePage').then((module) => ({ default: module.HomePage }))),
  '/orgs': lazy(() => import('../modules/orgs/web/OrgTreePage').then((module) => ({ default: module.OrgTreePage }))),
  '/members': lazy(() => import('../modules/members/web/MembersPage').then((module) => ({ default: module.MembersPage }))),
  // A static segment outranks a parameter in react-router, so '/members/transfers' and '/members/import' never reach ':id'.
  '/members/transfers': lazy(() => import('../modules/members/web/TransfersPage').then((module) => ({ default: module.TransfersPage }))),
  '/members/import': lazy(() => import('../modules/members/web/ImportPage').then((module) => ({ default: module.ImportPage }))),
  '/members/:id': lazy(() => import('../modules/members/web/MemberDetailPage').then((module) => ({ default: module.MemberDetailPage }))),
  '/stats': lazy(() => import('../modules/members/web/StatsPage').then((module) => ({ default: module.StatsPage }))),
  '/plans': lazy(() => import('../modules/plans/web/PlansPage').then((module) => ({ default: module.PlansPage }))),
  '/plans/import': lazy(() => import('../modules/plans/web/PlanImportPage').then((module) => ({ default: module.PlanImportPage }))),
  '/plans/:id': lazy(() => import('../modules/plans/web/PlanPage').then((module) => ({ default: module.PlanPage }))),
  '/assistance': lazy(() => import('../modules/assistance/web/HouseholdsPage').then((module) => ({ default: module.HouseholdsPage }))),
  '/assistance/campaigns': lazy(() => import('../modules/assistance/web/CampaignsPage').then((module) => ({ default: module.CampaignsPage }))),
  '/assistance/campaigns/:id': lazy(() => import('../modules/assistance/web/CampaignPage').then((module) => ({ default: module.CampaignPage }))),
  '/assistance/dashboard': lazy(() => import('../modules/assistance/web/AssistanceDashboardPage').then((module) => ({ default: module.AssistanceDashboardPage }))),
  '/assistance/reverification': lazy(() => import('../modules/assistance/web/ReverificationPage').then((module) => ({ default: module.ReverificationPage }))),
  '/assistance/:id': lazy(() => import('../modules/assistance/web/HouseholdPage').then((module) => ({ default: module.HouseholdPage }))),
  '/assistance/:id/notice': lazy(() => import('../modules/assistance/web/HouseholdNoticePage').then((module) => ({ default: module.HouseholdNoticePage }))),
  '/audit': lazy(() => import('./pages/AuditPage').then((module) => ({ default: module.AuditPage }))),
  '/accounts': lazy(() => import('../modules/accounts/web/AccountsPage').then((module) => ({ default: module.AccountsPage }))),
};

/**
 * Public pages: shown without signing in and outside the console's layout and
 * session (nothing is asked of /api/auth/me). For the people the platform serves.
 */
export const PUBLIC_PAGES: Readonly<Record<string, PageComponent>> = {
  '/self-test': lazy(() => import('../modules/assistance/web/SelfTestPage').then((module) => ({ default: module.SelfTestPage }))),
};

/** The nav entry a route belongs to: the one with the longest path that prefixes it. */
export function navEntryFor(nav: readonly TNavItem[], pathname: string): TNavItem | undefined {
  let best: TNavItem | undefined;
  for (const entry of nav) {
    const matches =
      entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}
