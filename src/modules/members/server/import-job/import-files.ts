import { join } from 'node:path';

/**
 * Uploaded import files live under DATA_DIR/imports, readable only by the
 * server's user, while their job may need them (to resume, and to build the
 * error report from the original rows); they are removed a week after the job ends.
 */
export const importFolder = (dataDir: string) => join(dataDir, 'imports');
export const importFilePath = (dataDir: string, jobId: number, kind: 'xlsx' | 'csv') => join(importFolder(dataDir), `job-${jobId}.${kind}`);
export const IMPORT_FILE_RETENTION_DAYS = 7;
