import type { HouseholdStatus } from '../../vocabulary';

export type DemoStep = {
  transition: string | null;
  from: string | null;
  to: string;
  /** Who acted: the file's own union, the union that checks the finances, or the system. */
  by: 'own' | 'checker' | 'system';
  at: Date;
  comment: string | null;
  form: Record<string, unknown> | null;
};

const DAY_MS = 86_400_000;

/** Days after the opening each step of the legal path was taken (a filing takes about two weeks before its notice). */
export const CIVIL_CHECK_DAY = 12;

/**
 * The steps a demo file has taken to reach `status`, as the filing workflow
 * records them (server/filing/filing-workflow.ts), from its opening. The
 * notice's automatic end is added by the seed, which knows the working days.
 */
export function demoSteps(status: HouseholdStatus, openedAt: Date): DemoStep[] {
  const at = (days: number) => new Date(openedAt.getTime() + days * DAY_MS);
  const start: DemoStep = { transition: null, from: null, to: 'draft', by: 'own', at: openedAt, comment: null, form: null };
  if (status === 'withdrawn') return [start, { transition: 'withdraw', from: 'draft', to: 'withdrawn', by: 'own', at: at(2), comment: '职工本人撤回申请', form: null }];
  const path: DemoStep[] = [
    start,
    { transition: 'submit', from: 'draft', to: 'first_review', by: 'own', at: at(1), comment: null, form: null },
    { transition: 'approve_first_review', from: 'first_review', to: 'home_visit', by: 'own', at: at(3), comment: '申请材料齐全', form: null },
    {
      transition: 'record_home_visit',
      from: 'home_visit',
      to: 'financial_check',
      by: 'own',
      at: at(7),
      comment: null,
      form: { visitDate: at(6).toISOString().slice(0, 10), visitors: '工会主席、经办人', findings: '入户核实家庭人口、收入和支出情况，与申报基本相符；已签署家庭经济状况核对授权委托书。' },
    },
    { transition: 'civil_check', from: 'financial_check', to: 'financial_check', by: 'checker', at: at(CIVIL_CHECK_DAY), comment: null, form: { status: 'clear', findings: [], driver: 'local' } },
    { transition: 'approve_financial_check', from: 'financial_check', to: 'notice', by: 'checker', at: at(CIVIL_CHECK_DAY + 1), comment: null, form: null },
  ];
  if (status === 'refused') {
    return [...path.slice(0, 2), { transition: 'refuse_first_review', from: 'first_review', to: 'refused', by: 'own', at: at(3), comment: '经初审，家庭人均收入不符合困难职工认定条件', form: null }];
  }
  // The demo seeds no exited or monitored files (their steps would need income checks first).
  if (status === 'monitoring' || status === 'exited') throw new Error(`demo files do not reach ${status}`);
  const reach: Record<Exclude<HouseholdStatus, 'refused' | 'withdrawn' | 'monitoring' | 'exited'>, number> = { draft: 1, first_review: 2, home_visit: 3, financial_check: 4, notice: 6, filed: 6 };
  return path.slice(0, reach[status]);
}
