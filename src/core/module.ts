import type { Kysely } from 'kysely';
import type { Migration } from './db/migrations';
import type { DB } from './db/schema';
import type { AnyRoute } from './http/route';
import type { ScheduledJob } from './jobs/scheduled-job';
import type { AnyMetric } from './metrics/define-metric';
import type { OrgChangeListener } from './org/org-changes';
import type { PlatformKeys } from './platform/platform-keys';
import type { AnyWorkflow } from './workflow/define-workflow';

export type PermissionDeclaration = { code: string; label: string };

export type NavEntry = {
  /** Web path, e.g. `/orgs`. */
  path: string;
  label: string;
  /** Name of an @ant-design/icons icon, e.g. `ApartmentOutlined`. */
  icon: string;
  /** Shown only to users who hold this permission (omit: every signed-in user). */
  permission?: string;
  order: number;
};

export type SeedContext = {
  db: Kysely<DB>;
  /** Demo data is sealed like real data. */
  keys: PlatformKeys;
  /** Progress lines for the console. */
  log: (line: string) => void;
};

export type ModuleManifest = {
  id: string;
  label: string;
  permissions: PermissionDeclaration[];
  routes: AnyRoute[];
  nav: NavEntry[];
  migrations: Migration[];
  /** Adds this module's part of the demo province; runs in manifest order. */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
  /** Called in the same transaction when org units move, dissolve or merge (org-changes.ts). */
  orgListeners?: OrgChangeListener;
  /**
   * Work the module runs beside requests (import jobs…): started with the
   * app, stopped when it closes. Route handlers reach the service through
   * `ctx.platform.services[moduleId]`.
   */
  background?: (context: BackgroundContext) => BackgroundService;
  /** The module's workflows (defineWorkflow): the kernel fires their timers (notice periods, deadlines). */
  workflows?: readonly AnyWorkflow[];
  /** Named, scoped, parameterized counts other modules may bind to (a work plan's indicators): defineMetric. */
  metrics?: readonly AnyMetric[];
  /** Idempotent jobs the kernel runs at start and on a clock (automatic reminders): defineScheduledJob. */
  scheduledJobs?: readonly ScheduledJob[];
};

export type BackgroundContext = {
  /** The platform database (not a request's transaction). */
  db: Kysely<DB>;
  keys: PlatformKeys;
  dataDir: string;
  now: () => Date;
  log: { info: (message: string) => void; error: (error: unknown, message: string) => void };
};

export type BackgroundService = { service: unknown; stop: () => Promise<void> };

/** Declares a module once: the server, CLI and tests are built from these. */
export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}
