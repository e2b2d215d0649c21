import type { Kysely } from 'kysely';
import { enterCallerScope } from '../../../../core/access/row-security';
import type { DB } from '../../../../core/db/schema';
import { beijingDate } from '../../../../core/files/beijing-time';
import { inlinePersonSealer, type PersonSealer, workerPersonSealer } from '../../../../core/person/person-sealer';
import type { PlatformKeys } from '../../../../core/platform/platform-keys';
import { matchHeader } from '../import/header-map';
import { openTableFile, TableFileError } from '../import/read-table-file';
import { RowFieldView, validateMemberRow } from '../import/validate-member-row';
import { CardNumberIssuer } from '../membership/card-number-issuer';
import { addImportedToStats } from '../stats/rebuild-stats';
import { loadImportSummary, type ImportSummary } from './import-summary';
import { FirstRowById } from './first-row-by-id';
import { checkUnion, UnionResolver } from './union-resolver';
import { type BatchError, type PreparedRow, writeImportBatch } from './write-import-batch';

export type ImportProgress = { jobId: number; committedRows: number; imported: number; updated: number; unchanged: number; rejected: number; rowsPerSecond: number };

export type ImportRunner = {
  db: Kysely<DB>;
  keys: PlatformKeys;
  now: () => Date;
  /** Rows per transaction: a crash loses at most one batch, and running again redoes only it. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between batches: a stopping server leaves the job to resume at its next start. */
  signal?: AbortSignal;
};

export class ImportFileRefused extends Error {}
export class ImportPaused extends Error {}

const DEFAULT_BATCH = 5_000;
const RELOAD_PAGE = 20_000;
/** Batches this big are sealed in a worker thread (started once per run); smaller files seal here. */
const WORKER_SEALING_ROWS = 1_000;

/** A valid row placed at its union, before its sensitive fields are sealed. */
type PlacedRow = Omit<PreparedRow, 'idIndex' | 'phoneIndex' | 'sealedId' | 'sealedPhone'>;

/**
 * Runs (or resumes) an import job over its file: rows are read as a stream,
 * validated, placed at their union and written a batch per transaction with
 * the job's counters and `committed_rows`. Rows at or before `committed_rows`
 * were committed by an earlier run and are skipped, so a killed import run
 * again completes without writing anything twice.
 */
export async function runImportJob(runner: ImportRunner, jobId: number, filePath: string): Promise<ImportSummary> {
  const { db, keys } = runner;
  const job = await db.selectFrom('members_import_job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  if (job.status === 'completed') return loadImportSummary(db, jobId);
  await db.updateTable('members_import_job').set({ status: 'running', started_at: job.started_at ?? runner.now(), message: null }).where('id', '=', jobId).execute();

  const defaultUnit = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'code', 'name', 'type', 'status'])
    .where('id', '=', job.org_unit_id)
    .executeTakeFirstOrThrow();
  const fallback = checkUnion(defaultUnit);
  const resolver = new UnionResolver(db, job.org_path, fallback.ok ? fallback : { ok: false, code: 'ORG_REQUIRED', message: `请在“所属工会”列填写基层工会（${defaultUnit.name}不直接管理会员）` });
  const startedAt = runner.now();
  const today = beijingDate(startedAt);
  const firstRows = await loadFirstRows(db, job);
  const cards = new CardNumberIssuer();
  const batchSize = runner.batchSize ?? DEFAULT_BATCH;
  const started = performance.now();
  let processedThisRun = 0;
  const counters = { committedRows: job.committed_rows, imported: job.imported, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected };

  let file;
  let writing: Promise<void> | null = null;
  let sealer: PersonSealer | null = null;
  const seal = async (rows: readonly PlacedRow[]): Promise<PreparedRow[]> => {
    sealer ??= rows.length >= WORKER_SEALING_ROWS ? workerPersonSealer(keys.ring) : inlinePersonSealer(keys.ring);
    const sealed = await sealer.seal(rows.map((row) => ({ idNumber: row.record.idNumber, phone: row.record.phone })));
    return rows.map((row, index) => {
      const { idNumber, phone } = sealed[index]!;
      return { ...row, idIndex: idNumber.index, phoneIndex: phone?.index ?? null, sealedId: idNumber, sealedPhone: phone };
    });
  };
  try {
    file = await openTableFile(filePath);
    const header = matchHeader(file.header);
    if (!header.ok) throw new ImportFileRefused(header.message);
    const view = new RowFieldView(header.columns);
    let batch: PlacedRow[] = [];
    let errors: BatchError[] = [];
    let lastRow = counters.committedRows;
    let rowsInBatch = 0;

    type Batch = { rows: PreparedRow[]; errors: BatchError[]; lastRow: number; rowCount: number };
    const commit = async ({ rows: batchRows, errors: batchErrors, lastRow: batchLastRow, rowCount }: Batch) => {
      const rejectedRows = new Set(batchErrors.map((error) => error.row));
      await db.transaction().execute(async (tx) => {
        await enterCallerScope(tx, job.org_path);
        const outcome = await writeImportBatch({ db: tx, jobId, today, dryRun: job.dry_run, firstRows, cards }, batchRows);
        const allErrors = [...batchErrors, ...outcome.errors];
        for (const error of outcome.errors) rejectedRows.add(error.row);
        if (allErrors.length > 0) {
          const seq = new Map<number, number>();
          await tx
            .insertInto('members_import_error')
            .values(
              allErrors.map((error) => {
                const next = (seq.get(error.row) ?? 0) + 1;
                seq.set(error.row, next);
                return { job_id: jobId, row_number: error.row, seq: next, column_label: error.column, code: error.code, message: error.message };
              }),
            )
            .execute();
        }
        counters.imported += outcome.imported;
        counters.updated += outcome.updated;
        counters.unchanged += outcome.unchanged;
        counters.rejected += rejectedRows.size;
        counters.committedRows = batchLastRow;
        await tx
          .updateTable('members_import_job')
          .set({
            committed_rows: counters.committedRows,
            imported: counters.imported,
            updated: counters.updated,
            unchanged: counters.unchanged,
            rejected: counters.rejected,
          })
          .where('id', '=', jobId)
          .execute();
      });
      processedThisRun += rowCount;
      runner.onProgress?.({ jobId, ...counters, rowsPerSecond: Math.round(processedThisRun / ((performance.now() - started) / 1000)) });
    };
    // Three stages overlap: this thread reads and checks batch N+2 while a
    // worker seals batch N+1 and the database writes batch N.
    const handOver = async () => {
      const { rows: placed, ...next } = { rows: batch, errors, lastRow, rowCount: rowsInBatch };
      batch = [];
      errors = [];
      rowsInBatch = 0;
      const sealing = seal(placed);
      // Reported when awaited (below, through `writing`); never an unhandled rejection meanwhile.
      sealing.catch(() => {});
      if (writing) await writing;
      if (runner.signal?.aborted) throw new ImportPaused();
      writing = sealing.then((rows) => commit({ rows, ...next }));
      // Reported when awaited; never an unhandled rejection meanwhile.
      writing.catch(() => {});
    };

    for await (const { rowNumber, cells } of file.rows) {
      if (rowNumber <= job.committed_rows) continue;
      lastRow = rowNumber;
      rowsInBatch += 1;
      const checked = validateMemberRow(view.of(cells), startedAt);
      if (!checked.ok) {
        for (const error of checked.errors) errors.push({ row: rowNumber, ...error });
      } else {
        const placed = await resolver.resolve(checked.value.org);
        if (!placed.ok) {
          errors.push({ row: rowNumber, column: '所属工会', code: placed.code, message: placed.message });
        } else {
          batch.push({ rowNumber, record: checked.value, union: placed.union });
        }
      }
      if (rowsInBatch >= batchSize) await handOver();
    }
    if (rowsInBatch > 0) await handOver();
    if (writing) await writing;
    await db.transaction().execute(async (tx) => {
      // Completed first: the row lock makes a lifecycle step that is adopting one of this job's
      // memberships finish before the statistics below are read (see loadStatSubjects).
      await tx
        .updateTable('members_import_job')
        .set({ status: 'completed', finished_at: runner.now(), total_rows: counters.committedRows })
        .where('id', '=', jobId)
        .execute();
      if (!job.dry_run) await addImportedToStats(tx, jobId);
    });
  } catch (error) {
    // A batch still being written finishes (or fails) before the job's state is set.
    if (writing) await (writing as Promise<void>).catch(() => {});
    if (error instanceof ImportPaused) {
      await db.updateTable('members_import_job').set({ status: 'queued' }).where('id', '=', jobId).execute();
      throw error;
    }
    const message = error instanceof TableFileError || error instanceof ImportFileRefused ? error.message : '导入中断，请重新运行导入以继续';
    await db.updateTable('members_import_job').set({ status: 'failed', message }).where('id', '=', jobId).execute();
    if (error instanceof TableFileError) throw new ImportFileRefused(error.message);
    throw error;
  } finally {
    await file?.close();
    await (sealer as PersonSealer | null)?.close();
  }
  return loadImportSummary(db, jobId);
}

/**
 * The first rows an earlier run of this job already wrote: a resumed import
 * still refuses a later row with the same ID number as a duplicate in the
 * file. (Rows the earlier run refused or used to update a member are not
 * recalled; a later copy of them is judged on its own, as "unchanged",
 * "updated" or "already a member".)
 */
async function loadFirstRows(db: Kysely<DB>, job: { id: number; org_path: string; committed_rows: number; dry_run: boolean }): Promise<FirstRowById> {
  const firstRows = new FirstRowById();
  if (job.committed_rows === 0 || job.dry_run) return firstRows;
  await db.transaction().execute(async (tx) => {
    await enterCallerScope(tx, job.org_path);
    // In pages: a million index strings at once would cost the memory the key set saves.
    for (let after = 0; ; ) {
      const page = await tx
        .selectFrom('members_membership as m')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .select(['m.id', 'p.id_number_index', 'm.import_row'])
        .where('m.import_job_id', '=', job.id)
        .where('m.import_row', 'is not', null)
        .where('m.id', '>', after)
        .orderBy('m.id')
        .limit(RELOAD_PAGE)
        .execute();
      for (const row of page) firstRows.claim(row.id_number_index, row.import_row!);
      if (page.length < RELOAD_PAGE) break;
      after = page[page.length - 1]!.id;
    }
  });
  return firstRows;
}
