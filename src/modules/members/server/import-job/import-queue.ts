import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackgroundContext, BackgroundService } from '../../../../core/module';
import { IMPORT_FILE_RETENTION_DAYS, importFilePath, importFolder } from './import-files';
import { type ImportProgress, ImportPaused, runImportJob } from './run-import-job';

/**
 * Runs the console's import jobs one at a time, beside the requests. A job
 * keeps running when its user leaves the page (they come back to its
 * progress); a server stopped mid-import leaves the job queued, and the next
 * start resumes it after its last committed batch.
 */
export class ImportQueue {
  private chain: Promise<void> = Promise.resolve();
  private readonly live = new Map<number, ImportProgress>();
  private readonly controller = new AbortController();

  constructor(private readonly context: BackgroundContext) {
    mkdirSync(importFolder(context.dataDir), { recursive: true, mode: 0o700 });
  }

  /** Queues a job; its row may not be committed yet (the upload's transaction), so the runner waits for it. */
  enqueue(jobId: number): void {
    this.chain = this.chain.then(() => this.run(jobId));
  }

  progress(jobId: number): ImportProgress | undefined {
    return this.live.get(jobId);
  }

  async resumeUnfinished(): Promise<void> {
    const jobs = await this.context.db
      .selectFrom('members_import_job')
      .select(['id', 'file_kind'])
      .where('status', 'in', ['queued', 'running'])
      .orderBy('id')
      .execute();
    for (const job of jobs) {
      if (existsSync(importFilePath(this.context.dataDir, job.id, job.file_kind))) this.enqueue(job.id);
    }
  }

  /** Removes files of jobs that ended more than a week ago, and uploads that never became a job. */
  async removeOldFiles(): Promise<void> {
    const folder = importFolder(this.context.dataDir);
    const cutoff = this.context.now().getTime() - IMPORT_FILE_RETENTION_DAYS * 86_400_000;
    const ended = await this.context.db
      .selectFrom('members_import_job')
      .select('id')
      .where('status', 'in', ['completed', 'failed'])
      .where('finished_at', '<', new Date(cutoff))
      .execute();
    const old = new Set(ended.map((job) => `job-${job.id}`));
    for (const name of readdirSync(folder)) {
      const stem = name.replace(/\.(xlsx|csv)$/, '');
      const stale = old.has(stem) || (name.startsWith('upload-') && statSync(join(folder, name)).mtimeMs < cutoff);
      if (stale) rmSync(join(folder, name), { force: true });
    }
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.chain;
  }

  private async run(jobId: number): Promise<void> {
    if (this.controller.signal.aborted) return;
    const job = await this.waitForJob(jobId);
    if (!job) return;
    try {
      await runImportJob(
        {
          db: this.context.db,
          keys: this.context.keys,
          now: this.context.now,
          signal: this.controller.signal,
          onProgress: (progress) => this.live.set(jobId, progress),
        },
        jobId,
        importFilePath(this.context.dataDir, jobId, job.file_kind),
      );
      this.context.log.info(`会员导入任务 ${jobId} 完成`);
    } catch (error) {
      if (!(error instanceof ImportPaused)) this.context.log.error(error, `会员导入任务 ${jobId} 未完成`);
    } finally {
      this.live.delete(jobId);
    }
  }

  private async waitForJob(jobId: number) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const job = await this.context.db.selectFrom('members_import_job').select(['id', 'file_kind']).where('id', '=', jobId).executeTakeFirst();
      if (job) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  }
}

export function startImportQueue(context: BackgroundContext): BackgroundService {
  const queue = new ImportQueue(context);
  void queue
    .removeOldFiles()
    .then(() => queue.resumeUnfinished())
    .catch((error: unknown) => context.log.error(error, '会员导入任务恢复失败'));
  return { service: queue, stop: () => queue.stop() };
}
