import { parseArgs } from 'node:util';
import type { Config } from '../../core/config/config';
import { AppError } from '../../core/http/errors';
import { subtreeOf } from '../../core/org/tree';
import { openPlatformDatabase } from '../../core/platform/open-platform';
import { ORG_STATUS_LABELS, ORG_TYPE_LABELS, orgTypeLabel } from '../../modules/orgs/contract';
import { MODULES } from '../../server/modules';
import { type CommandResult, UsageError } from '../output';

export const ORGS_USAGE = 'gonghui orgs list [--type 类型代码] [--under 组织代码] [--json]';

export type OrgListRow = { code: string; type: string; name: string; parentCode: string | null; status: string; path: string; depth: number };

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Aligned columns: each as wide as its widest cell, two spaces apart; the last column unpadded. */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell))));
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : padTo(cell, widths[index] ?? 0))).join('  ').trimEnd()).join('\n');
}

/** Depth first, siblings by their sort order (as the console's tree shows them). */
function inTreeOrder<T extends { id: number; parent_id: number | null; sort_order: number }>(rows: T[]): T[] {
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<number | null, T[]>();
  for (const row of rows) {
    const key = row.parent_id !== null && ids.has(row.parent_id) ? row.parent_id : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
  const ordered: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const row = stack.pop()!;
    ordered.push(row);
    stack.push(...[...(children.get(row.id) ?? [])].reverse());
  }
  return ordered;
}

/** `orgs list`: the org units in tree order, optionally of one type and/or under one unit (by code). */
export async function orgsCommand(config: Config, args: string[]): Promise<CommandResult> {
  const [action, ...rest] = args;
  if (action !== 'list') {
    throw new UsageError(ORGS_USAGE);
  }
  let values: { type?: string | undefined; under?: string | undefined };
  try {
    ({ values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, type: { type: 'string' }, under: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${ORGS_USAGE}`);
  }
  const type = values.type;
  if (type !== undefined && !Object.hasOwn(ORG_TYPE_LABELS, type)) {
    const valid = Object.entries(ORG_TYPE_LABELS).map(([code, label]) => `  ${padTo(code, 18)}${label}`);
    throw new UsageError(`未知的组织类型：${type}。可用的类型代码：\n${valid.join('\n')}\n${ORGS_USAGE}`);
  }

  const { database } = await openPlatformDatabase(config, MODULES);
  try {
    const db = database.kysely;
    let query = db
      .selectFrom('org_unit')
      .leftJoin('org_unit as parent', 'parent.id', 'org_unit.parent_id')
      .select([
        'org_unit.id',
        'org_unit.parent_id',
        'org_unit.sort_order',
        'org_unit.code',
        'org_unit.type',
        'org_unit.name',
        'parent.code as parentCode',
        'org_unit.status',
        'org_unit.path',
        'org_unit.depth',
      ]);
    if (values.under !== undefined) {
      const code = values.under.trim().toUpperCase();
      const root = await db.selectFrom('org_unit').select('path').where('code', '=', code).executeTakeFirst();
      if (!root) {
        throw new AppError('NOT_FOUND', `没有组织代码为 ${code} 的组织`, { field: 'under' });
      }
      query = query.where(subtreeOf('org_unit.path', root.path));
    }
    const rows: OrgListRow[] = inTreeOrder(await query.execute())
      .filter((row) => type === undefined || row.type === type)
      .map(({ code, type: rowType, name, parentCode, status, path, depth }) => ({ code, type: rowType, name, parentCode, status, path, depth }));
    const table = [
      ['组织代码', '类型', '名称', '上级代码', '状态'],
      ...rows.map((row) => [
        row.code,
        orgTypeLabel(row.type),
        row.name,
        row.parentCode ?? '—',
        ORG_STATUS_LABELS[row.status as keyof typeof ORG_STATUS_LABELS] ?? row.status,
      ]),
    ];
    const text = rows.length === 0 ? '没有符合条件的组织' : `${alignColumns(table)}\n共 ${rows.length} 个组织`;
    return { text, json: rows };
  } finally {
    await database.close();
  }
}
