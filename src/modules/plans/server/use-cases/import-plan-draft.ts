import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZImportDraftRequest } from '../../contract';
import { draftOwner, importText } from '../structure/import-text';

/** 导入工作部署（粘贴正文）: parse and store as a draft for review. */
export async function importPlanDraft(ctx: RequestContext, request: z.output<typeof ZImportDraftRequest>): Promise<TPlanDetail> {
  const owner = await draftOwner(ctx, request.orgUnitId);
  return importText(ctx, owner, { text: request.text, kind: 'text', fileName: request.fileName ?? null });
}
