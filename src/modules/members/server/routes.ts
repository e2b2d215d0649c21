import { sendXlsx, ZXlsxFile } from '../../../core/files/xlsx-response';
import { defineRoute } from '../../../core/http/route';
import {
  ZMemberExportQuery,
  ZMemberIdParams,
  ZMemberList,
  ZMemberListQuery,
  ZMemberRow,
  ZRevealRequest,
  ZRevealResult,
} from '../contract';
import { findMembers } from './queries/find-members';
import { getMember } from './queries/get-member';
import { exportMembers } from './use-cases/export-members';
import { revealMemberField } from './use-cases/reveal-member-field';

export const MEMBERS_READ = 'members.read';
export const MEMBERS_REVEAL = 'members.reveal';
export const MEMBERS_EXPORT = 'members.export';

export const findMembersRoute = defineRoute({
  method: 'GET',
  url: '/members',
  summary: '会员列表（脱敏；按姓名前缀、身份证号或手机号查找；键集分页）',
  access: MEMBERS_READ,
  audit: 'read',
  query: ZMemberListQuery,
  response: ZMemberList,
  handler: ({ query, ctx }) => findMembers(ctx, query),
});

export const exportMembersRoute = defineRoute({
  method: 'GET',
  url: '/members/export',
  summary: '导出会员名册 Excel（脱敏；须填写用途；带水印；记入审计）',
  access: MEMBERS_EXPORT,
  audit: 'export',
  query: ZMemberExportQuery,
  response: ZXlsxFile,
  handler: async ({ query, ctx, reply }) => {
    const { file, truncated, fileName, asciiFileName } = await exportMembers(ctx, query);
    return sendXlsx(reply, file, { fileName, asciiFileName, truncated });
  },
});

export const getMemberRoute = defineRoute({
  method: 'GET',
  url: '/members/:id',
  summary: '会员详情（脱敏）',
  access: MEMBERS_READ,
  audit: 'read',
  params: ZMemberIdParams,
  response: ZMemberRow,
  handler: ({ params, ctx }) => getMember(ctx, params.id),
});

export const revealMemberFieldRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/reveal',
  summary: '查看完整身份证号或手机号（须填写原因，记入审计）',
  access: MEMBERS_REVEAL,
  audit: 'sensitive-read',
  params: ZMemberIdParams,
  body: ZRevealRequest,
  response: ZRevealResult,
  handler: ({ params, body, ctx }) => revealMemberField(ctx, params.id, body),
});
