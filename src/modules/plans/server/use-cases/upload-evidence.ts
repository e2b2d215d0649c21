import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { EVIDENCE_MAX_BYTES, EVIDENCE_PER_REPORT_MAX, type TReportDetail } from '../../contract';
import { evidenceFolder, evidencePath } from '../files/plan-files';
import { saveUpload, uploadFileName } from '../files/save-upload';
import { sniffEvidence } from '../files/sniff-evidence';
import { getReportDetail } from '../queries/get-report-detail';
import { loadReport, requireEditable, requireOwnReport } from '../reports/report-access';

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * 上传佐证材料 to a report its union is still editing: raw bytes with the name
 * in X-File-Name, refused past 20 MB, typed by content (PDF, JPG, PNG, .docx,
 * .xlsx), hashed (SHA-256) and kept under DATA_DIR by the row's id.
 */
export async function uploadEvidence(ctx: RequestContext, reportId: number, body: unknown, fileNameHeader: string | string[] | undefined): Promise<TReportDetail> {
  const user = requireUser(ctx);
  const report = await loadReport(ctx, reportId, { lock: true });
  requireEditable(report);
  requireOwnReport(ctx, report);
  const count = await ctx.db.selectFrom('plans_evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('report_id', '=', report.id).executeTakeFirstOrThrow();
  if (Number(count.n) >= EVIDENCE_PER_REPORT_MAX) {
    throw new AppError('VALIDATION_FAILED', `每份进展报告至多 ${EVIDENCE_PER_REPORT_MAX} 个佐证材料`, { field: 'file' });
  }
  const upload = await saveUpload(body, evidenceFolder(ctx.config.dataDir), EVIDENCE_MAX_BYTES, '文件是空的，请重新选择佐证材料');
  try {
    const kind = await sniffEvidence(upload.path, upload.bytes);
    const sha256 = await sha256Of(upload.path);
    const fileName = uploadFileName(fileNameHeader, `佐证材料.${kind}`);
    const row = await ctx.db
      .insertInto('plans_evidence')
      .values({ report_id: report.id, org_path: report.org_path, file_name: fileName, file_kind: kind, file_size: upload.bytes, file_sha256: sha256, uploaded_by: user.account.id, uploaded_at: ctx.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit({ action: 'plans.evidence.upload', category: 'write', targetType: 'plans_evidence', targetId: row.id, details: { reportId: report.id, kind, bytes: upload.bytes, sha256 } });
    // Last, so a failure before leaves no file behind (the row rolls back with the request).
    await rename(upload.path, evidencePath(ctx.config.dataDir, row.id));
  } catch (error) {
    await upload.remove();
    throw error;
  }
  return getReportDetail(ctx, report.id);
}
