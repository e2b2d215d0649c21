import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { idsOnPath } from '../../../../core/org/tree';
import { type CardRule, cardNumberPrefix, cardNumberWidth, loadCardRule } from './card-number';

type Union = { id: number; path: string; code: string };

/**
 * Issues card numbers for many unions at once (an import batch touches
 * hundreds): region codes are looked up once per union and cached, and all
 * counters advance in one statement.
 */
export class CardNumberIssuer {
  constructor(private rule?: CardRule) {}

  private readonly regions = new Map<number, string>();

  async issue(db: Kysely<DB>, requests: ReadonlyArray<{ union: Union; count: number }>, on: string): Promise<Map<number, string[]>> {
    this.rule ??= await loadCardRule(db);
    const rule = this.rule;
    if (rule.template.includes('{region}')) await this.loadRegions(db, requests.map((request) => request.union));
    const byPrefix = new Map<string, { count: number; unionIds: number[] }>();
    const prefixOf = new Map<number, string>();
    for (const { union, count } of requests) {
      const prefix = cardNumberPrefix(rule, { region: this.regions.get(union.id) ?? '610000', code: union.code }, on);
      prefixOf.set(union.id, prefix);
      const entry = byPrefix.get(prefix) ?? { count: 0, unionIds: [] };
      entry.count += count;
      entry.unionIds.push(union.id);
      byPrefix.set(prefix, entry);
    }
    const prefixes = [...byPrefix.keys()].sort();
    const result = await sql<{ prefix: string; last_value: number }>`
      insert into members_card_counter (prefix, last_value)
      select * from unnest(${prefixes}::text[], ${prefixes.map((prefix) => byPrefix.get(prefix)!.count)}::int[])
      on conflict (prefix) do update set last_value = members_card_counter.last_value + excluded.last_value
      returning prefix, last_value`.execute(db);
    const width = cardNumberWidth(rule);
    const next = new Map(result.rows.map((row) => [row.prefix, row.last_value - byPrefix.get(row.prefix)!.count + 1]));
    const issued = new Map<number, string[]>();
    for (const { union, count } of requests) {
      const prefix = prefixOf.get(union.id)!;
      const first = next.get(prefix)!;
      next.set(prefix, first + count);
      if (String(first + count - 1).length > width) {
        throw new Error(`会员证号顺序号已用尽（${prefix}，${width} 位），请调整会员证号规则`);
      }
      issued.set(union.id, Array.from({ length: count }, (_, index) => `${prefix}${String(first + index).padStart(width, '0')}`));
    }
    return issued;
  }

  private async loadRegions(db: Kysely<DB>, unions: readonly Union[]): Promise<void> {
    const missing = unions.filter((union) => !this.regions.has(union.id));
    if (missing.length === 0) return;
    const ids = [...new Set(missing.flatMap((union) => idsOnPath(union.path)))];
    const units = await db.selectFrom('org_unit').select(['id', 'region_code']).where('id', 'in', ids).execute();
    const regionOf = new Map(units.map((unit) => [unit.id, unit.region_code]));
    for (const union of missing) {
      const own = idsOnPath(union.path).reverse().map((id) => regionOf.get(id)).find((code) => /^\d{6}$/.test(code ?? ''));
      this.regions.set(union.id, own ?? '610000');
    }
  }
}
