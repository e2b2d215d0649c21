import type { z } from 'zod';
import { apiGet, apiUpload, withQuery } from '../../../../web/api/client';
import { type TImportJob, ZImportJob, ZImportJobList, ZImportStarted } from '../../contract';

export type TImportJobRow = z.output<typeof ZImportJobList>['items'][number];
export type TImportStarted = z.output<typeof ZImportStarted>;

/** Sends the file's bytes as they are; the server inspects them and answers with the job at once. */
export const uploadImportFile = (file: File, orgUnitId: number, dryRun: boolean): Promise<TImportStarted> =>
  apiUpload(withQuery('/api/members/imports', { orgUnitId, dryRun: String(dryRun) }), file, ZImportStarted);

/** The recent jobs of the acting unit's subtree, newest first. */
export const fetchImportJobs = () => apiGet('/api/members/imports', ZImportJobList);

/** A job's progress, counters and its first 200 errors. */
export const fetchImportJob = (jobId: number): Promise<TImportJob> => apiGet(`/api/members/imports/${jobId}`, ZImportJob);

// Downloads are plain GETs: the session cookie goes along, and the server audits the error report.
export const IMPORT_TEMPLATE_URL = '/api/members/import-template';
export const errorReportUrl = (jobId: number) => `/api/members/imports/${jobId}/errors`;

export const isUnfinished = (job: Pick<TImportJob, 'status'>) => job.status === 'queued' || job.status === 'running';
