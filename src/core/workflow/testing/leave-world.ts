import type { Kysely, Transaction } from 'kysely';
import { enterPlatformScope } from '../../access/row-security';
import type { Engine } from '../../db/database';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../http/request-context';
import { createOrgUnit, createStaff, type TestOrg } from '../../testing/factories';
import { testPlatformKeys } from '../../platform/test-keys';
import { actAs } from '../../testing/request-context';
import { fakeClock } from '../../testing/test-app';
import type { TWorkflowAttachment } from '../contract';
import type { AnyWorkflow, WorkflowInstance } from '../define-workflow';
import { runDueTimers } from '../run-due-timers';
import { startWorkflow } from '../start-workflow';
import { takeTransition, type TakeTransitionOptions } from '../take-transition';
import { LEAVE_PERMISSIONS, type LeaveRecord, type LeaveState, type LeaveTransition, leaveWorkflow } from './leave-workflow';

/**
 * The org tree and staff the engine's tests act in:
 *
 *   省总 (province, head)
 *   ├─ 甲市 (city: head, clerk)
 *   │   ├─ 甲县 (county: reviewer)
 *   │   │   └─ 甲厂 (grassroots: clerk, reviewer)   ← the records
 *   │   └─ 市直厂 (grassroots directly under the city, no county)
 *   └─ 乙市 (city)
 *       └─ 乙县 (county: reviewer)
 *           └─ 乙厂 (grassroots)
 */
export async function buildLeaveWorld(db: Kysely<DB>, engine: Engine, startAt = new Date('2026-11-16T09:00:00+08:00')) {
  const province = await createOrgUnit(db, { name: '省总工会' });
  const cityA = await createOrgUnit(db, { parent: province, type: 'city', name: '甲市总工会' });
  const countyA = await createOrgUnit(db, { parent: cityA, type: 'county', name: '甲县总工会' });
  const factoryA = await createOrgUnit(db, { parent: countyA, name: '甲厂工会' });
  const cityDirect = await createOrgUnit(db, { parent: cityA, name: '市直厂工会' });
  const cityB = await createOrgUnit(db, { parent: province, type: 'city', name: '乙市总工会' });
  const countyB = await createOrgUnit(db, { parent: cityB, type: 'county', name: '乙县总工会' });
  const factoryB = await createOrgUnit(db, { parent: countyB, name: '乙厂工会' });
  const units = { province, cityA, countyA, factoryA, cityDirect, cityB, countyB, factoryB };

  const staff = async (login: string, org: TestOrg, roles: string[]) => ({ accountId: (await createStaff(db, { login, org, roles })).id, orgUnitId: org.id, login });
  const people = {
    clerkA: await staff('clerk-a', factoryA, ['clerk']),
    reviewerA: await staff('reviewer-a', factoryA, ['reviewer']),
    clerkDirect: await staff('clerk-direct', cityDirect, ['clerk']),
    countyReviewerA: await staff('county-a', countyA, ['reviewer']),
    countyReviewerB: await staff('county-b', countyB, ['reviewer']),
    cityHeadA: await staff('city-head-a', cityA, ['head']),
    cityClerkA: await staff('city-clerk-a', cityA, ['clerk']),
    provinceHead: await staff('province-head', province, ['head']),
  };

  const clock = fakeClock(startAt);
  const keys = testPlatformKeys();
  /** Runs `work` as `who`, in a request-like transaction, on the world's clock. */
  const as = <T>(who: { accountId: number; orgUnitId: number }, work: (ctx: RequestContext) => Promise<T>) =>
    actAs(db, who, { engine, permissions: LEAVE_PERMISSIONS, now: clock.now, keys }, work);

  let records = 0;
  /** Starts a leave request at `org` (default 甲厂) as `who` (default its clerk). */
  const start = (org: TestOrg = factoryA, who: Person = people.clerkA) =>
    as(who, (ctx) => startWorkflow(ctx, leaveWorkflow, { recordType: 'leave_request', recordId: (records += 1), orgUnitId: org.id }));
  /** Takes `transition` as `who` from the version `instance` shows. */
  const take = (
    who: Person,
    instance: Pick<WorkflowInstance, 'id' | 'version'>,
    transition: LeaveTransition,
    input: Partial<TakeTransitionOptions<LeaveRecord>> = {},
    machine: typeof leaveWorkflow = leaveWorkflow,
  ) => as(who, (ctx) => takeTransition(ctx, machine, instance.id, transition, { expectedVersion: instance.version, record: { days: 3 }, ...input }));
  /** Takes the legal path's steps until the instance is in `state`. */
  const advance = async (instance: WorkflowInstance<LeaveState>, state: LeaveState) => {
    let current = instance;
    for (const step of LEGAL_PATH) {
      if (current.state === state) break;
      if (!(leaveWorkflow.transitions[step.transition].from as readonly string[]).includes(current.state)) continue;
      current = await take(people[step.who], current, step.transition, step.input);
    }
    if (current.state !== state) throw new Error(`the legal path does not reach ${state}`);
    return current;
  };
  const runTimers = (machines: readonly AnyWorkflow[] = [leaveWorkflow as unknown as AnyWorkflow]) =>
    runDueTimers(db, machines, clock.now(), { auditKey: keys.auditKey });
  return { units, people, clock, keys, as, start, take, advance, runTimers };
}

type Person = { accountId: number; orgUnitId: number };

/** The legal path from draft to notice: who takes each step, with what. */
export const LEGAL_PATH: readonly { transition: LeaveTransition; who: 'clerkA' | 'reviewerA' | 'countyReviewerA' | 'cityHeadA'; input?: Partial<TakeTransitionOptions<LeaveRecord>> }[] = [
  { transition: 'submit', who: 'clerkA' },
  { transition: 'first_review', who: 'reviewerA', input: { comment: '已电话核实 13912345678' } },
  { transition: 'county_approve', who: 'countyReviewerA', input: { form: { days: 3 } } },
  { transition: 'city_approve', who: 'cityHeadA', input: { attachments: [attachment('signed_form')] } },
];

export type LeaveWorld = Awaited<ReturnType<typeof buildLeaveWorld>>;

/** A file as a module's file store would describe it. */
export function attachment(kind: string, fileId = `f-${kind}`): TWorkflowAttachment {
  return { fileId, kind, name: `${kind}.pdf`, sha256: 'a'.repeat(64), size: 1024 };
}

/** Reads as the kernel's jobs do (platform scope), to check rows row-level security hides from the test's own connection. */
export async function readAsPlatform<T>(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await enterPlatformScope(tx);
    return work(tx);
  });
}
