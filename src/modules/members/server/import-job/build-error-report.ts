import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { createErrorReportWriter } from '../import/error-report';
import { openTableFile } from '../import/read-table-file';
import { importFilePath } from './import-files';

/** Rows in one error report; beyond it the uploader fixes the file in parts. */
const REPORT_MAX_ROWS = 100_000;

/**
 * 错误报告: the rejected rows as uploaded, each with its reasons, built when
 * asked from the job's file and its recorded errors (the database keeps the
 * reasons, never the rows' values). Read in one pass, row numbers in order.
 */
export async function buildErrorReport(ctx: RequestContext, jobId: number): Promise<{ buffer: Buffer; rows: number; fileName: string }> {
  const job = await ctx.db.selectFrom('members_import_job').select(['id', 'file_kind', 'file_name', 'rejected']).where('id', '=', jobId).executeTakeFirst();
  if (!job) throw notFound('导入任务');
  const source = importFilePath(ctx.config.dataDir, jobId, job.file_kind);
  if (!existsSync(source)) throw new AppError('NOT_FOUND', '导入文件已按保存期限删除，无法再生成错误报告');
  const errors = await ctx.db
    .selectFrom('members_import_error')
    .select(['row_number', 'column_label', 'code', 'message'])
    .where('job_id', '=', jobId)
    .orderBy('row_number')
    .orderBy('seq')
    .limit(REPORT_MAX_ROWS * 3)
    .execute();
  const byRow = new Map<number, Array<{ column: string; code: string; message: string }>>();
  for (const error of errors) {
    const list = byRow.get(error.row_number) ?? [];
    list.push({ column: error.column_label, code: error.code, message: error.message });
    byRow.set(error.row_number, list);
  }
  const target = join(tmpdir(), `gonghui-report-${randomUUID()}.xlsx`);
  const file = await openTableFile(source);
  const writer = createErrorReportWriter(target, file.header, { headerLine: file.headerLine });
  try {
    for await (const row of file.rows) {
      const rowErrors = byRow.get(row.rowNumber);
      if (rowErrors) await writer.add(row.rowNumber, row.cells, rowErrors);
    }
    const { rows } = await writer.close();
    return { buffer: await readFile(target), rows, fileName: `导入错误报告-${job.file_name.replace(/\.(xlsx|csv)$/i, '')}.xlsx` };
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    await file.close();
    await rm(target, { force: true });
  }
}
