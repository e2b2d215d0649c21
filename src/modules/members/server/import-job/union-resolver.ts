import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { normalizeText } from '../../../../core/cn/normalize';
import { subtreeOf } from '../../../../core/org/tree';
import { MEMBERSHIP_HOLDER_TYPES } from '../../contract';

export type ImportUnion = { id: number; path: string; code: string; name: string };
export type UnionLookup = { ok: true; union: ImportUnion } | { ok: false; code: string; message: string };

const HOLDER_TYPES: ReadonlySet<string> = new Set(MEMBERSHIP_HOLDER_TYPES);

/**
 * Places each row: the union named in the row (by code, or by exact name)
 * inside the importing unit's subtree, or the job's default union. Answers
 * are cached: a file names few unions many times.
 */
export class UnionResolver {
  private readonly cache = new Map<string, UnionLookup>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly rootPath: string,
    private readonly fallback: UnionLookup,
  ) {}

  /** The answer without a query, when it is already known (most rows: no await per row). */
  known(text: string | null): UnionLookup | undefined {
    return text ? this.cache.get(normalizeText(text)) : this.fallback;
  }

  async resolve(text: string | null): Promise<UnionLookup> {
    if (!text) return this.fallback;
    const key = normalizeText(text);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = await this.lookup(key);
    this.cache.set(key, found);
    return found;
  }

  private async lookup(text: string): Promise<UnionLookup> {
    const units = await this.db
      .selectFrom('org_unit')
      .select(['id', 'path', 'code', 'name', 'type', 'status'])
      .where((eb) => eb.or([eb('code', '=', text.toUpperCase()), eb('name', '=', text)]))
      .where(subtreeOf('org_unit.path', this.rootPath))
      .limit(3)
      .execute();
    const byCode = units.find((unit) => unit.code === text.toUpperCase());
    const candidates = byCode ? [byCode] : units;
    if (candidates.length === 0) {
      return { ok: false, code: 'ORG_NOT_FOUND', message: `所属工会“${text}”不存在，或不在本单位管辖范围内（请填写工会代码或完整名称）` };
    }
    if (candidates.length > 1) {
      return { ok: false, code: 'ORG_AMBIGUOUS', message: `名称为“${text}”的工会不止一个，请改填工会代码` };
    }
    return checkUnion(candidates[0]!);
  }
}

export function checkUnion(unit: ImportUnion & { type: string; status: string }): UnionLookup {
  if (unit.status !== 'active') return { ok: false, code: 'ORG_DISSOLVED', message: `${unit.name}已撤销，不能接收会员` };
  if (!HOLDER_TYPES.has(unit.type)) {
    return { ok: false, code: 'ORG_NOT_HOLDER', message: `${unit.name}不直接管理会员，请在“所属工会”列填写基层工会，或导入时选择基层工会` };
  }
  return { ok: true, union: { id: unit.id, path: unit.path, code: unit.code, name: unit.name } };
}
