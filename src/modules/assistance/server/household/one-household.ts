import { sql } from 'kysely';
import type { Executor } from '../../../../core/db/transaction';
import { AppError } from '../../../../core/http/errors';
import type { MemberValues } from './household-members';

/**
 * 一户一档 (总工办〔2016〕36号: one file per household, built on one main worker,
 * never duplicated): refuses a file whose worker, or any of whose members,
 * already belongs to another open file anywhere in the province, naming the
 * union that holds it (assistance_open_households answers across subtrees
 * with the union's name only).
 */
export async function assertOneHousehold(db: Executor, file: { personId: number; members: readonly MemberValues[]; exceptHousehold: number | null }): Promise<void> {
  const indexes = file.members.map((member) => member.id_number_index);
  const result = await sql<{ household_id: number; person_id: number | null; id_number_index: string | null; org_name: string }>`
    select * from assistance_open_households(${[file.personId]}::int[], ${indexes}::text[], ${file.exceptHousehold}::int)
  `.execute(db);
  const worker = result.rows.find((row) => row.person_id === file.personId) ?? result.rows.find((row) => row.id_number_index === indexes[0]);
  if (worker) {
    throw new AppError('CONFLICT', `该职工已在“${worker.org_name}”的困难职工档案中（一户一档，不能重复建档）`);
  }
  for (const [position, member] of file.members.entries()) {
    const hit = result.rows.find((row) => row.id_number_index === member.id_number_index);
    if (hit) {
      throw new AppError('CONFLICT', `家庭成员“${member.name}”已在“${hit.org_name}”的困难职工档案中（一户一档，不能重复建档）`, {
        field: `members.${position - 1}.idNumber`,
      });
    }
  }
}
