import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TImportJob } from '../../contract';
import type { ImportQueue } from './import-queue';

const selectJobs = (ctx: RequestContext) =>
  ctx.db
    .selectFrom('members_import_job as j')
    .innerJoin('org_unit as o', 'o.id', 'j.org_unit_id')
    .select([
      'j.id', 'j.file_name', 'j.org_unit_id', 'o.name as org_name', 'j.status', 'j.dry_run', 'j.file_size', 'j.committed_rows', 'j.total_rows',
      'j.imported', 'j.updated', 'j.unchanged', 'j.rejected', 'j.message', 'j.created_at', 'j.finished_at',
    ]);

type JobRecord = Awaited<ReturnType<ReturnType<typeof selectJobs>['executeTakeFirstOrThrow']>>;

const toJob = (ctx: RequestContext, row: JobRecord): Omit<TImportJob, 'errors'> => ({
  id: row.id,
  fileName: row.file_name,
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  status: row.status,
  dryRun: row.dry_run,
  fileBytes: Number(row.file_size),
  committedRows: row.committed_rows,
  totalRows: row.total_rows,
  imported: row.imported,
  updated: row.updated,
  unchanged: row.unchanged,
  rejected: row.rejected,
  rowsPerSecond: (ctx.platform.services.members as ImportQueue | undefined)?.progress(row.id)?.rowsPerSecond ?? null,
  message: row.message,
  createdAt: new Date(row.created_at).toISOString(),
  finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
});

/** The import jobs of the caller's subtree (row-level security), newest first. */
export async function findImportJobs(ctx: RequestContext) {
  const rows = await selectJobs(ctx).orderBy('j.id', 'desc').limit(50).execute();
  return { items: rows.map((row) => toJob(ctx, row)) };
}

/** One job with its progress and its first errors (the report has them all). */
export async function getImportJob(ctx: RequestContext, id: number): Promise<TImportJob> {
  const row = await selectJobs(ctx).where('j.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('导入任务');
  const errors = await ctx.db
    .selectFrom('members_import_error')
    .select(['row_number', 'column_label', 'code', 'message'])
    .where('job_id', '=', id)
    .orderBy('row_number')
    .orderBy('seq')
    .limit(200)
    .execute();
  return {
    ...toJob(ctx, row),
    errors: errors.map((error) => ({ row: error.row_number, column: error.column_label, code: error.code, message: error.message })),
  };
}
