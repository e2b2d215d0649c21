import { type OrgType, orgTypeLabel } from './contract';

/**
 * Which types of union may sit directly under which: the org tree of
 * domain.md §9.2 — 省总 → {市(区)总工会, 省级产业工会, 单列单位工会} → 县(市、区)总工会 /
 * 产业系统工会 → 乡镇(街道)/开发区工会, 区域性·行业性工会联合会 → 基层工会 → 分会/工会小组.
 * A city also holds its 市直 grassroots unions and a county its grassroots unions
 * directly, as the demo province does. One table, used by the server and the forms.
 */
const GRASSROOTS_LEVEL: readonly OrgType[] = ['grassroots', 'joint_grassroots', 'project'];

export const CHILD_TYPES: Readonly<Record<OrgType, readonly OrgType[]>> = {
  province: ['city', 'industry', 'direct'],
  city: ['county', 'industry_system', 'township', 'federation', ...GRASSROOTS_LEVEL],
  county: ['township', 'federation', 'industry_system', ...GRASSROOTS_LEVEL],
  industry: ['industry_system', ...GRASSROOTS_LEVEL],
  industry_system: [...GRASSROOTS_LEVEL],
  direct: [...GRASSROOTS_LEVEL],
  township: ['federation', ...GRASSROOTS_LEVEL],
  federation: [...GRASSROOTS_LEVEL],
  grassroots: ['branch'],
  joint_grassroots: ['branch'],
  project: ['branch'],
  branch: [],
};

/** The types a unit of `parentType` may have directly under it. */
export const childTypesOf = (parentType: string): readonly OrgType[] => CHILD_TYPES[parentType as OrgType] ?? [];

/** Why a `childType` cannot sit under a `parentType`, naming both; undefined when it may. */
export function childTypeProblem(parentType: string, childType: string): string | undefined {
  if (childTypesOf(parentType).includes(childType as OrgType)) return undefined;
  const allowed = childTypesOf(parentType);
  const hint = allowed.length === 0 ? `${orgTypeLabel(parentType)}下不再设立下级组织` : `其下可设立：${allowed.map(orgTypeLabel).join('、')}`;
  return `${orgTypeLabel(parentType)}下不能设立${orgTypeLabel(childType)}（${hint}）`;
}
