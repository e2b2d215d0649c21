import { join } from 'node:path';

/**
 * Files the plans module keeps under DATA_DIR, readable only by the server's
 * user: uploaded documents while they are read (removed at once: the plan
 * keeps the extracted text), and evidence files, named by their row id.
 */
export const draftUploadFolder = (dataDir: string) => join(dataDir, 'plans', 'uploads');
export const evidenceFolder = (dataDir: string) => join(dataDir, 'plans', 'evidence');
export const evidencePath = (dataDir: string, evidenceId: number) => join(evidenceFolder(dataDir), `evidence-${evidenceId}`);
