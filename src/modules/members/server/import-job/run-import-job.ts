import type { Kysely } from 'kysely';
import { enterCallerScope } from '../../../../core/access/row-security';
import { runsTransactionsInParallel } from '../../../../core/db/database';
import type { DB } from '../../../../core/db/schema';
import { beijingDate } from '../../../../core/files/beijing-time';
import { inlinePersonSealer, type PersonSealer, workerPersonSealer } from '../../../../core/person/person-sealer';
import type { PlatformKeys } from '../../../../core/platform/platform-keys';
import { matchHeader } from '../import/header-map';
import { openTableFile, TableFileError } from '../import/read-table-file';
import { RowFieldView, validateMemberRow } from '../import/validate-member-row';
import { CardNumberIssuer } from '../membership/card-number-issuer';
import { addImportedToStats } from '../stats/rebuild-stats';
import { ImportedStats } from './imported-stats';
import { loadImportSummary, type ImportSummary } from './import-summary';
import { FirstRowById } from './first-row-by-id';
import { checkUnion, UnionResolver } from './union-resolver';
import { CommittedRanges } from './committed-ranges';
import {
  admittedMember,
  type BatchContext,
  type BatchError,
  type ClaimedRows,
  claimFirstRows,
  type FirstRows,
  type PreparedRow,
  writeImportBatch,
} from './write-import-batch';

export type ImportProgress = { jobId: number; committedRows: number; imported: number; updated: number; unchanged: number; rejected: number; rowsPerSecond: number };

export type ImportRunner = {
  db: Kysely<DB>;
  keys: PlatformKeys;
  now: () => Date;
  /** Rows per transaction: a crash loses at most the batches in flight, and running again redoes only them. */
  batchSize?: number;
  /**
   * Batches written side by side: 3 on a PostgreSQL pool, 1 on PGlite. One writer left a core
   * idle; with two, each server process still waited for this process's next statement about
   * half of the time ("idle in transaction"), and a third writer fills those gaps (13 % faster).
   */
  writers?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between batches: a stopping server leaves the job to resume at its next start. */
  signal?: AbortSignal;
};

export class ImportFileRefused extends Error {}
export class ImportPaused extends Error {}

// 1,500 rather than 5,000: with three writers five batches are alive at once, and the smaller
// batch keeps the import's process under 512 MB (489 MB peak for a million rows; the binary
// array parameters' buffers wait outside the heap for the collector) at no measurable cost in speed.
const DEFAULT_BATCH = 1_500;
const RELOAD_PAGE = 20_000;
/** Batches this big are sealed in a worker thread (started once per run); smaller files seal here. */
const WORKER_SEALING_ROWS = 1_000;
/** deadlock_detected, unique_violation: two writers met on one row; the batch runs again alone. */
const WRITER_CONFLICTS = new Set(['40P01', '23505']);

/** A valid row placed at its union, before its sensitive fields are sealed. */
type PlacedRow = Omit<PreparedRow, 'idIndex' | 'phoneIndex' | 'sealedId' | 'sealedPhone'>;

/** A batch of file rows: the valid ones to write, the refused ones with their errors, and the rows it covers. */
type Batch = { rows: PreparedRow[]; errors: BatchError[]; firstRow: number; lastRow: number; rowCount: number };

/**
 * Runs (or resumes) an import job over its file: rows are read as a stream,
 * validated, placed at their union and written a batch per transaction, each
 * recording its row range and adding to the job's counters. On PostgreSQL two
 * batches are written side by side, so they may commit out of order; a run
 * after a crash skips exactly the committed ranges, so nothing is written twice.
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
  const done = await loadCommittedRanges(db, jobId);
  const firstRows: FirstRows = { byId: await loadFirstRows(db, job), byCard: new FirstRowById() };
  const cards = new CardNumberIssuer();
  const importedStats = new ImportedStats();
  const batchSize = runner.batchSize ?? DEFAULT_BATCH;
  const writers = Math.max(1, runner.writers ?? (runsTransactionsInParallel(db) ? 3 : 1));
  const started = performance.now();
  let processedThisRun = 0;
  const counters = { committedRows: job.committed_rows, imported: job.imported, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected };

  // One writer issues card numbers inside its batch (no gaps); more issue them in a short
  // transaction of their own, or the counter rows would make each batch wait for the other's commit.
  const issueCardsIn = (tx: Kysely<DB>): BatchContext['issueCards'] =>
    writers === 1
      ? (requests) => cards.issue(tx, requests, today)
      : (requests) =>
          db.transaction().execute(async (own) => {
            await enterCallerScope(own, job.org_path);
            return cards.issue(own, requests, today);
          });

  const writeBatch = async (batch: Batch, claimed: ClaimedRows) => {
    const outcome = await db.transaction().execute(async (tx) => {
      await enterCallerScope(tx, job.org_path);
      const written = await writeImportBatch({ db: tx, jobId, today, dryRun: job.dry_run, issueCards: issueCardsIn(tx) }, batch.rows, claimed);
      const allErrors = [...batch.errors, ...written.errors];
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
      const rejected = new Set(allErrors.map((error) => error.row)).size;
      await tx.insertInto('members_import_batch').values({ job_id: jobId, first_row: batch.firstRow, last_row: batch.lastRow }).execute();
      // Last: the job row's lock is then held only while this batch commits (the other writer waits no longer).
      await tx
        .updateTable('members_import_job')
        .set((eb) => ({
          committed_rows: eb('committed_rows', '+', batch.rowCount),
          imported: eb('imported', '+', written.imported),
          updated: eb('updated', '+', written.updated),
          unchanged: eb('unchanged', '+', written.unchanged),
          rejected: eb('rejected', '+', rejected),
        }))
        .where('id', '=', jobId)
        .execute();
      return { ...written, rejected };
    });
    for (const row of outcome.admitted) importedStats.add(row.union.id, admittedMember(row, today));
    counters.committedRows += batch.rowCount;
    counters.imported += outcome.imported;
    counters.updated += outcome.updated;
    counters.unchanged += outcome.unchanged;
    counters.rejected += outcome.rejected;
    processedThisRun += batch.rowCount;
    runner.onProgress?.({ jobId, ...counters, rowsPerSecond: Math.round(processedThisRun / ((performance.now() - started) / 1000)) });
  };

  let file;
  let sealer: PersonSealer | null = null;
  const seal = async (rows: readonly PlacedRow[]): Promise<PreparedRow[]> => {
    sealer ??= rows.length >= WORKER_SEALING_ROWS ? workerPersonSealer(keys.ring) : inlinePersonSealer(keys.ring);
    const sealed = await sealer.seal(rows.map((row) => ({ idNumber: row.record.idNumber, phone: row.record.phone })));
    return rows.map((row, index) => {
      const { idNumber, phone } = sealed[index]!;
      // Spelled out, not spread: a literal of one shape is cheaper for a million rows.
      return { rowNumber: row.rowNumber, record: row.record, union: row.union, idIndex: idNumber.index, phoneIndex: phone?.index ?? null, sealedId: idNumber, sealedPhone: phone };
    });
  };
  // Batches being written, by their place in the file; the first failure is kept until it is thrown here.
  const inFlight = new Map<number, Promise<void>>();
  let failure: { error: unknown } | null = null;
  let claiming: Promise<unknown> = Promise.resolve();
  const settleAll = () => Promise.allSettled([...inFlight.values()]);
  // At most `writers` batches are written at once; one more may be sealed meanwhile, so a
  // writer need not wait for the sealing of the next batch.
  const writing = new WriteSlots(writers);
  const writerConflict = (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    return writers > 1 && typeof code === 'string' && WRITER_CONFLICTS.has(code);
  };
  // A batch that fails for good records the failure before its slot passes on: batches that
  // have not started writing are left for the next run, as if the process had stopped there.
  const attempt = (batch: Batch, claimed: ClaimedRows) =>
    writing.run(async () => {
      if (failure) return;
      try {
        await writeBatch(batch, claimed);
      } catch (error) {
        if (!writerConflict(error)) failure ??= { error };
        throw error;
      }
    });
  const commit = async (batch: Batch, claimed: ClaimedRows, place: number) => {
    try {
      await attempt(batch, claimed);
    } catch (error) {
      if (!writerConflict(error)) throw error;
      // The batches before it commit (or fail) first; then it runs again and sees what they wrote.
      // (Only earlier ones: two batches waiting for each other would wait forever.)
      await Promise.allSettled([...inFlight].filter(([other]) => other < place).map(([, earlier]) => earlier));
      await attempt(batch, claimed);
    }
  };
  try {
    file = await openTableFile(filePath);
    const header = matchHeader(file.header);
    if (!header.ok) throw new ImportFileRefused(header.message);
    const view = new RowFieldView(header.columns);
    let batch: PlacedRow[] = [];
    let errors: BatchError[] = [];
    let firstRow = 0;
    let lastRow = 0;
    let rowsInBatch = 0;
    let place = 0;

    // Stages overlap: this thread reads and checks the next batch while a worker seals one and
    // the database writes up to `writers` more. ID numbers are claimed in file order, after sealing.
    const handOver = async () => {
      const { rows: placed, ...range } = { rows: batch, errors, firstRow, lastRow, rowCount: rowsInBatch };
      batch = [];
      errors = [];
      rowsInBatch = 0;
      const sealing = seal(placed);
      const claimed = Promise.all([sealing, claiming]).then(([rows]) => ({ rows, claimed: claimFirstRows(firstRows, rows) }));
      claiming = claimed;
      // Reported when awaited (through the batch's write); never an unhandled rejection meanwhile.
      claimed.catch(() => {});
      while (inFlight.size > writers) await Promise.race(inFlight.values());
      if (failure) throw failure.error;
      if (runner.signal?.aborted) throw new ImportPaused();
      place += 1;
      const at = place;
      const settled = claimed
        .then(({ rows, claimed: firstOf }) => commit({ rows, ...range }, firstOf, at))
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(at));
      inFlight.set(at, settled);
    };

    for await (const { rowNumber, cells } of file.rows) {
      if (done.covers(rowNumber)) {
        // An earlier run committed this row: the batch being built ends before it.
        if (rowsInBatch > 0) await handOver();
        continue;
      }
      if (rowsInBatch === 0) firstRow = rowNumber;
      lastRow = rowNumber;
      rowsInBatch += 1;
      const checked = validateMemberRow(view.of(cells), startedAt);
      if (!checked.ok) {
        for (const error of checked.errors) errors.push({ row: rowNumber, ...error });
      } else {
        const placed = resolver.known(checked.value.org) ?? (await resolver.resolve(checked.value.org));
        if (!placed.ok) {
          errors.push({ row: rowNumber, column: '所属工会', code: placed.code, message: placed.message });
        } else {
          batch.push({ rowNumber, record: checked.value, union: placed.union });
        }
      }
      if (rowsInBatch >= batchSize) await handOver();
    }
    if (rowsInBatch > 0) await handOver();
    await settleAll();
    if (failure) throw (failure as { error: unknown }).error;
    await db.transaction().execute(async (tx) => {
      // Completed first: the row lock makes a lifecycle step that is adopting one of this job's
      // memberships finish before the statistics below are read (see loadStatSubjects).
      await tx
        .updateTable('members_import_job')
        .set({ status: 'completed', finished_at: runner.now(), total_rows: counters.committedRows })
        .where('id', '=', jobId)
        .execute();
      if (job.dry_run) return;
      // Counted as written if this run wrote the whole job and every membership it wrote still
      // belongs to it (a lifecycle step may have adopted one meanwhile); otherwise from the tables.
      const wroteWholeJob = job.committed_rows === 0 && (await countJobMemberships(tx, jobId)) === importedStats.memberships;
      if (wroteWholeJob) await importedStats.apply(tx);
      else await addImportedToStats(tx, jobId);
    });
  } catch (error) {
    // Batches still being written finish (or fail) before the job's state is set.
    await settleAll();
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

/** Runs at most `size` tasks at once; the others wait their turn in the order they asked. */
class WriteSlots {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

/** The memberships that still belong to the job (a lifecycle step that adopts one releases it). */
async function countJobMemberships(db: Kysely<DB>, jobId: number): Promise<number> {
  const result = await db
    .selectFrom('members_membership')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('import_job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return Number(result.count);
}

/** The row ranges earlier runs of the job committed, asked in file order (rows come in ascending order). */
async function loadCommittedRanges(db: Kysely<DB>, jobId: number): Promise<CommittedRanges> {
  const ranges = await db
    .selectFrom('members_import_batch')
    .select(['first_row', 'last_row'])
    .where('job_id', '=', jobId)
    .orderBy('first_row')
    .execute();
  return new CommittedRanges(ranges.map((range) => ({ first: range.first_row, last: range.last_row })));
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
