/**
 * Demo staff accounts, one per level a demo walks through: 省总 → 西安市总 →
 * 雁塔区总 → a grassroots union under 雁塔区, plus 咸阳市总 to show that a
 * city sees only its own subtree. Names are ordinary invented Chinese names.
 */
import type { DemoOrgUnit } from './demo-province';

export type DemoRole = 'clerk' | 'reviewer' | 'head';

export type DemoStaff = { login: string; name: string; orgCode: string; roles: DemoRole[] };

const LEADER_ROLES: DemoRole[] = ['head', 'reviewer'];
/** The provincial and 西安 offices also register documents and plans themselves (办公室经办). */
const OFFICE_ROLES: DemoRole[] = ['head', 'reviewer', 'clerk'];

/** Staff for the units of a demo province; units that are missing (e.g. no grassroots built) get nobody. */
export function demoStaff(units: DemoOrgUnit[]): DemoStaff[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const staff: DemoStaff[] = [];
  const add = (unit: DemoOrgUnit | undefined, login: string, name: string, roles: DemoRole[]) => {
    if (unit) staff.push({ login, name, orgCode: unit.code, roles: [...roles] });
  };

  add(byCode.get('SX610000'), 'sheng', '张卫东', OFFICE_ROLES);
  add(byCode.get('SX610100'), 'xian', '李红霞', OFFICE_ROLES);
  const yanta = byCode.get('SX610113');
  add(yanta, 'yanta', '王志刚', ['reviewer', 'clerk']);
  // The first ordinary grassroots union in 雁塔区's subtree (depth-first order).
  const jiceng = yanta ? units.find((u) => u.type === 'grassroots' && u.path.startsWith(yanta.path)) : undefined;
  // A grassroots union's committee both registers and approves applications (全总暂行规定: 基层工会审查批准).
  add(jiceng, 'jiceng', '赵丽娟', ['clerk', 'reviewer']);
  add(byCode.get('SX610400'), 'xianyang', '刘建军', LEADER_ROLES);
  return staff;
}
