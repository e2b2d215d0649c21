import { beijingDateStamp } from '../../../../core/files/beijing-time';
import type { ExportColumn } from '../../../../core/files/xlsx-export';
import { buildXlsx, checkExportPurpose } from '../../../../core/files/xlsx-response';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import {
  EMPLOYMENT_FORM_LABELS,
  type EmploymentForm,
  MEMBERS_EXPORT_MAX_ROWS,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatus,
  type TMemberExportQuery,
  type TMemberRow,
} from '../../contract';
import { findMembers } from '../queries/find-members';

const COLUMNS: ExportColumn[] = [
  { key: 'name', header: '姓名', width: 10 },
  { key: 'gender', header: '性别', width: 6 },
  { key: 'birthDate', header: '出生日期', width: 12 },
  { key: 'idNumberMasked', header: '身份证号（脱敏）', width: 22 },
  { key: 'phoneMasked', header: '手机号（脱敏）', width: 15 },
  { key: 'orgName', header: '所在工会', width: 36 },
  { key: 'employmentForm', header: '用工形式', width: 12 },
  { key: 'status', header: '会籍状态', width: 10 },
  { key: 'cardNumber', header: '会员证号', width: 16 },
  { key: 'joinedOn', header: '入会日期', width: 12 },
];

const PAGE = 1_000;

/** Pages through the same list the screen shows, keyset by keyset, up to the cap. */
async function* memberRows(ctx: RequestContext, query: TMemberExportQuery, outcome: { truncated: boolean }): AsyncGenerator<Record<string, unknown>> {
  let after: string | undefined;
  let count = 0;
  for (;;) {
    const page = await findMembers(ctx, { ...query, limit: PAGE, ...(after ? { after } : {}) });
    for (const member of page.items) {
      if (count === MEMBERS_EXPORT_MAX_ROWS) {
        outcome.truncated = true;
        return;
      }
      count += 1;
      yield toExportRow(member);
    }
    if (!page.nextCursor) return;
    after = page.nextCursor;
  }
}

const toExportRow = (member: TMemberRow) => ({
  ...member,
  gender: member.gender === 'male' ? '男' : '女',
  employmentForm: member.employmentForm ? (EMPLOYMENT_FORM_LABELS[member.employmentForm as EmploymentForm] ?? member.employmentForm) : null,
  status: MEMBERSHIP_STATUS_LABELS[member.status as MembershipStatus] ?? member.status,
});

/**
 * The member list as .xlsx: masked ID numbers and phones (PIPL art. 51, data
 * minimisation: a list export never carries full values), a watermark with
 * who, where, when and why, formula cells defused, and an audit event with the
 * row count and the file's hash.
 */
export async function exportMembers(ctx: RequestContext, query: TMemberExportQuery) {
  const user = requireUser(ctx);
  checkExportPurpose(query.purpose);
  const at = ctx.now();
  const outcome = { truncated: false };
  const file = await buildXlsx({
    sheetName: '会员名册',
    title: `会员名册 · ${user.org.name}`,
    columns: COLUMNS,
    rows: memberRows(ctx, query, outcome),
    watermark: { user: `${user.account.name}（${user.account.login}）`, org: user.org.name, at, purpose: query.purpose },
  });
  const { purpose, ...filter } = query;
  await ctx.audit({
    action: 'members.export',
    category: 'export',
    reason: purpose,
    details: {
      filter: Object.fromEntries(Object.entries(filter).filter(([key, value]) => value !== undefined && key !== 'q')),
      searched: query.q !== undefined,
      rowCount: file.rowCount,
      truncated: outcome.truncated,
      bytes: file.bytes,
      sha256: file.sha256,
    },
  });
  const stamp = beijingDateStamp(at);
  return { file, truncated: outcome.truncated, fileName: `会员名册-${stamp}.xlsx`, asciiFileName: `members-${stamp}.xlsx` };
}
