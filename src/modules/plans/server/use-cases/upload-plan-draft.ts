import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZUploadDraftQuery } from '../../contract';
import { DEFAULT_DOCUMENT_LIMITS, readDocument } from '../read-document';
import { draftUploadFolder } from '../files/plan-files';
import { saveUpload, uploadFileName } from '../files/save-upload';
import { draftOwner, importText } from '../structure/import-text';

/**
 * 导入工作部署（上传文件）: .txt, .docx or a .pdf with a text layer, as raw
 * bytes. The type comes from the content (read-document.ts); the file is
 * removed once read — the plan keeps the text it was parsed from.
 */
export async function uploadPlanDraft(
  ctx: RequestContext,
  query: z.output<typeof ZUploadDraftQuery>,
  body: unknown,
  fileNameHeader: string | string[] | undefined,
): Promise<TPlanDetail> {
  const owner = await draftOwner(ctx, query.orgUnitId);
  const upload = await saveUpload(body, draftUploadFolder(ctx.config.dataDir), DEFAULT_DOCUMENT_LIMITS.maxFileBytes, '文件是空的，请检查后重新选择');
  try {
    const document = await readDocument(upload.path);
    return await importText(ctx, owner, { text: document.text, kind: document.kind, fileName: uploadFileName(fileNameHeader, '未命名文件') });
  } finally {
    await upload.remove();
  }
}
