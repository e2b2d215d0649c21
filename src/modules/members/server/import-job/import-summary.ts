import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';

/** What an import did: the CLI's JSON summary, and the UI's result card. `row` 1 = first row under the header. */
export type ImportSummary = {
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: Array<{ row: number; column: string; code: string; message: string }>;
};

/** Errors listed in a summary (the error report file has them all). */
export const SUMMARY_ERROR_LIMIT = 10_000;

export async function loadImportSummary(db: Kysely<DB>, jobId: number, errorLimit = SUMMARY_ERROR_LIMIT): Promise<ImportSummary> {
  const job = await db
    .selectFrom('members_import_job')
    .select(['committed_rows', 'imported', 'updated', 'unchanged', 'rejected'])
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  const errors = await db
    .selectFrom('members_import_error')
    .select(['row_number', 'column_label', 'code', 'message'])
    .where('job_id', '=', jobId)
    .orderBy('row_number')
    .orderBy('seq')
    .limit(errorLimit)
    .execute();
  return {
    total: job.committed_rows,
    imported: job.imported,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    errors: errors.map((error) => ({ row: error.row_number, column: error.column_label, code: error.code, message: error.message })),
  };
}
