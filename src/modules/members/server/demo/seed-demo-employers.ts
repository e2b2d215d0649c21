import type { Insertable } from 'kysely';
import { makeCreditCode } from '../../../../core/cn/credit-code';
import type { EmployerUnitTable } from '../../../../core/db/schema';
import { createRandom } from '../../../../core/demo/random';
import type { SeedContext } from '../../../../core/module';

const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SUFFIXES = ['有限公司', '科技有限公司', '商贸有限公司', '建筑工程有限公司', '物流有限公司', '餐饮管理有限公司', '物业服务有限公司'];

/**
 * The demo 法人单位名录 behind 建会率: the employer of every grassroots union
 * (unionized), and, under each county-level union, employers without a union
 * yet — most of them small, some above the 25-employee threshold.
 */
export async function seedDemoEmployers({ db, log }: SeedContext): Promise<void> {
  const random = createRandom(2026_1122);
  const used = new Set<string>();
  const creditCode = (region: string) => {
    for (;;) {
      let body = '';
      for (let index = 0; index < 8; index += 1) body += BODY_CHARS.charAt(random.int(0, BODY_CHARS.length - 1));
      const code = makeCreditCode('9', '1', /^\d{6}$/.test(region) ? region : '610100', body);
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
  const unions = await db
    .selectFrom('org_unit as u')
    .innerJoin('org_unit as parent', 'parent.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'u.region_code', 'u.employee_count', 'parent.id as parent_id', 'parent.path as parent_path'])
    .where('u.type', 'in', ['grassroots', 'joint_grassroots'])
    .orderBy('u.id')
    .execute();
  const rows: Insertable<EmployerUnitTable>[] = unions.map((union) => ({
    credit_code: creditCode(union.region_code ?? ''),
    name: union.name.replace(/(联合)?工会(委员会)?$/, '') || union.name,
    region_code: union.region_code,
    employee_count: union.employee_count ?? 20,
    responsible_org_unit_id: union.parent_id,
    responsible_path: union.parent_path,
    union_org_unit_id: union.id,
    source: 'demo',
  }));
  const counties = await db.selectFrom('org_unit').select(['id', 'path', 'name', 'region_code']).where('type', 'in', ['county', 'township']).orderBy('id').execute();
  for (const county of counties) {
    const place = county.name.replace(/(总工会|工会)$/, '').replace(/^陕西省|^.+市(?=.+区)/, '');
    for (let index = 0, count = random.int(4, 12); index < count; index += 1) {
      rows.push({
        credit_code: creditCode(county.region_code ?? ''),
        name: `${place}${random.pick(['恒信', '秦川', '长安', '丰泽', '宏达', '兴业', '瑞祥', '新源'])}${random.pick(SUFFIXES)}${index + 1}`,
        region_code: county.region_code,
        employee_count: random.next() < 0.45 ? random.int(25, 300) : random.int(3, 24),
        responsible_org_unit_id: county.id,
        responsible_path: county.path,
        union_org_unit_id: null,
        source: 'demo',
      });
    }
  }
  for (let start = 0; start < rows.length; start += 1_000) {
    await db.insertInto('employer_unit').values(rows.slice(start, start + 1_000)).execute();
  }
  log(`法人单位名录：${rows.length} 家（其中未建会 ${rows.length - unions.length} 家）`);
}
