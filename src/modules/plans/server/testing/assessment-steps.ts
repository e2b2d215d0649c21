import type { TAssessmentScheme, TRanking, TRoundSheet } from '../../assessment-contract';
import type { PlanWorld } from './plan-world';

/**
 * Assessment steps as the console takes them, for tests about something else
 * than scoring: a stand-alone scheme of one manual rule (综合评价, 10 points),
 * rounds, entries, adjustments, publishing, the ranking and a sheet.
 */
export async function createManualScheme(world: PlanWorld, clerk: string, orgUnitIds: number[], title = '基层工会建设考核'): Promise<TAssessmentScheme> {
  return world.ok<TAssessmentScheme>(
    world.post(clerk, '/api/plans/assessments', {
      planId: null,
      year: 2026,
      title,
      fullScore: 10,
      orgUnitIds,
      tree: [{ key: 'd', title: '综合', weight: 10, items: [{ key: 'i', title: '综合评价', weight: 10, rules: [{ key: 'r', title: '综合评价', kind: 'manual', weight: 10 }] }] }],
    }),
  );
}

/** A new round of the scheme; its id. */
export async function createRound(world: PlanWorld, reviewer: string, schemeId: number, title: string): Promise<number> {
  const scheme = await world.ok<TAssessmentScheme>(world.post(reviewer, `/api/plans/assessments/${schemeId}/rounds`, { title }));
  return scheme.rounds.find((round) => round.title === title)!.id;
}

/** The manual score of a union. */
export const enterScore = (world: PlanWorld, reviewer: string, roundId: number, orgUnitId: number, value: number) =>
  world.ok<TRoundSheet>(world.put(reviewer, `/api/plans/assessments/rounds/${roundId}/entries`, { orgUnitId, ruleKey: 'r', value }));

/** An adjustment of the one item, with its reason. */
export const adjustScore = (world: PlanWorld, reviewer: string, roundId: number, orgUnitId: number, delta: number, reason: string) =>
  world.ok<TRoundSheet>(world.post(reviewer, `/api/plans/assessments/rounds/${roundId}/adjustments`, { orgUnitId, itemKey: 'i', delta, reason }));

export const publishRound = (world: PlanWorld, reviewer: string, roundId: number) => world.ok<TRanking>(world.post(reviewer, `/api/plans/assessments/rounds/${roundId}/publish`));

export const rankingOf = (world: PlanWorld, login: string, roundId: number) => world.ok<TRanking>(world.get(login, `/api/plans/assessments/rounds/${roundId}/ranking`));

/** The ranking as [union, total, rank] rows. */
export const standings = async (world: PlanWorld, login: string, roundId: number) =>
  (await rankingOf(world, login, roundId)).rows.map((row) => [row.orgUnit.name, row.total, row.rank]);

export const sheetOf = (world: PlanWorld, login: string, roundId: number, orgUnitId: number) => world.get(login, `/api/plans/assessments/rounds/${roundId}/sheet?orgUnitId=${orgUnitId}`);
