import { CURRENT_STATUSES, GIG_EMPLOYMENT_FORMS, type MembershipStatus } from '../../contract';

/**
 * What one membership contributes to the maintained statistics (the keys are
 * documented in migration 1330). Both the incremental path (StatDelta) and
 * the rebuild SQL (rebuild-stats.ts) must agree with this function; a
 * property test holds them together.
 */
export type StatSubject = {
  orgPath: string;
  status: MembershipStatus;
  joinedOn: string | null;
  startedOn: string | null;
  leftOn: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  employmentForm: string | null;
};

const ENDED: ReadonlySet<MembershipStatus> = new Set(['transferred', 'exited', 'expelled', 'deceased']);
const NEVER_STARTED: ReadonlySet<MembershipStatus> = new Set(['pending', 'refused']);
const CURRENT: ReadonlySet<MembershipStatus> = new Set(CURRENT_STATUSES);
const GIG: ReadonlySet<string> = new Set(GIG_EMPLOYMENT_FORMS);

export function statKeys(subject: StatSubject): string[] {
  const keys: string[] = [];
  if (subject.startedOn && !NEVER_STARTED.has(subject.status)) {
    keys.push(`in:${subject.startedOn.slice(0, 7)}`);
  }
  if (CURRENT.has(subject.status)) {
    keys.push('members', `status:${subject.status}`, `form:${subject.employmentForm ?? ''}`, `gender:${subject.gender}`);
    keys.push(`born:${subject.birthDate.slice(0, 4)}`);
    if (subject.employmentForm && GIG.has(subject.employmentForm)) keys.push('gig');
    if (subject.joinedOn) {
      keys.push(`joined:${subject.joinedOn.slice(0, 4)}`, `joined_form:${subject.joinedOn.slice(0, 4)}:${subject.employmentForm ?? ''}`);
    }
  } else if (ENDED.has(subject.status) && subject.leftOn) {
    keys.push(`out:${subject.leftOn.slice(0, 7)}`);
  }
  return keys;
}

export const ENDED_STATUSES = [...ENDED];
export const GIG_FORMS = [...GIG];
