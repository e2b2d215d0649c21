import { isUploadBody, UploadTooLarge, uploadFileName } from '../../../../core/files/upload-file';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TEvidenceFile } from '../../household-contract';
import { CLOSED_HOUSEHOLD_STATUSES, EVIDENCE_KIND_LABELS, type EvidenceKind } from '../../vocabulary';
import { discardUpload, EVIDENCE_MAX_BYTES, keepUpload, saveUpload } from '../evidence/evidence-store';
import { loadHousehold } from '../queries/load-household';

/**
 * 上传佐证材料 to a file (the raw bytes as the body, the name in X-File-Name):
 * PDF, JPEG or PNG by content, at most 10 MB; kept under DATA_DIR, described
 * by a row a workflow step can then name as an attachment. The audit keeps
 * kind, size and digest, not the name (it may name the person).
 */
export async function uploadEvidence(ctx: RequestContext, householdId: number, kind: EvidenceKind, body: unknown, fileNameHeader: string | undefined): Promise<TEvidenceFile> {
  const user = requireUser(ctx);
  const household = await loadHousehold(ctx, householdId);
  if (CLOSED_HOUSEHOLD_STATUSES.includes(household.status)) throw new AppError('CONFLICT', '档案已结束办理，不能再上传材料');
  if (!isUploadBody(body)) {
    throw new AppError('BAD_REQUEST', '请以文件内容作为请求体上传（Content-Type: application/octet-stream）');
  }
  let upload;
  try {
    upload = await saveUpload(ctx.config.dataDir, body);
  } catch (error) {
    if (error instanceof UploadTooLarge) throw new AppError('PAYLOAD_TOO_LARGE', `材料超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB，请压缩后上传`);
    throw error;
  }
  try {
    if (upload.bytes === 0) throw new AppError('BAD_REQUEST', '文件是空的，请检查后重新选择');
    if (!upload.type) throw new AppError('VALIDATION_FAILED', '只接受 PDF、JPG、PNG 格式的材料（按文件内容判断）', { field: 'file' });
    const row = await ctx.db
      .insertInto('assistance_household_file')
      .values({
        household_id: householdId,
        org_path: household.org_path,
        kind,
        name: uploadFileName(fileNameHeader, '佐证材料'),
        content_type: upload.type,
        size: upload.bytes,
        sha256: upload.sha256,
        uploaded_by: user.account.id,
        uploaded_at: ctx.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.audit({
      action: 'assistance.household.file.upload',
      category: 'write',
      targetType: 'assistance_household',
      targetId: householdId,
      details: { fileId: row.id, kind, size: row.size, sha256: row.sha256 },
    });
    await keepUpload(ctx.config.dataDir, upload, row.id);
    return { id: row.id, kind, kindLabel: EVIDENCE_KIND_LABELS[kind], name: row.name, contentType: row.content_type, size: row.size, sha256: row.sha256, uploadedAt: row.uploaded_at.toISOString() };
  } catch (error) {
    await discardUpload(upload);
    throw error;
  }
}

