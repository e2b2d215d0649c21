import { readFile } from 'node:fs/promises';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { evidencePath } from '../files/plan-files';
import { pathInScope } from '../plan-access';
import type { TEvidenceKind } from '../../contract';

/**
 * 下载佐证材料: the file as uploaded, for the reporting union and the unions
 * above it (never a sibling), each download audited. Read whole (at most
 * 20 MB) so the bytes go out only after the audit event commits.
 */
export async function downloadEvidence(ctx: RequestContext, id: number): Promise<{ bytes: Buffer; fileName: string; kind: TEvidenceKind; sha256: string }> {
  const row = await ctx.db
    .selectFrom('plans_evidence')
    .select(['id', 'report_id', 'file_name', 'file_kind', 'file_sha256'])
    .where('id', '=', id)
    .where(pathInScope(ctx, 'plans_evidence.org_path'))
    .executeTakeFirst();
  if (!row) throw notFound('佐证材料');
  let bytes: Buffer;
  try {
    bytes = await readFile(evidencePath(ctx.config.dataDir, row.id));
  } catch {
    throw new AppError('NOT_FOUND', '佐证材料文件已不存在，请联系填报单位重新上传');
  }
  await ctx.audit({ action: 'plans.evidence.download', category: 'export', targetType: 'plans_evidence', targetId: row.id, details: { reportId: row.report_id, sha256: row.file_sha256 } });
  return { bytes, fileName: row.file_name, kind: row.file_kind, sha256: row.file_sha256 };
}
