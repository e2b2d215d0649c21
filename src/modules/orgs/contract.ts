import { z } from 'zod';

/**
 * Org unit types by stable code; the UI shows the Chinese label.
 * Structure: domain.md §9.2 (全总 → 省总 → 市/产业/单列 → 县/产业系统 → 乡镇/联合会 → 基层 → 分会).
 */
export const ORG_TYPE_LABELS = {
  province: '省总工会',
  city: '市(区)总工会',
  county: '县(市、区)总工会',
  township: '乡镇(街道)/开发区工会',
  industry: '省级产业工会',
  industry_system: '产业系统工会',
  direct: '单列单位工会',
  grassroots: '基层工会',
  joint_grassroots: '联合基层工会',
  federation: '区域性/行业性工会联合会',
  project: '项目工会',
  branch: '分会/工会小组',
} as const;

export type OrgType = keyof typeof ORG_TYPE_LABELS;

export const orgTypeLabel = (type: string) => ORG_TYPE_LABELS[type as OrgType] ?? type;

export const ZOrgNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.string(),
  code: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  status: z.string(),
  childCount: z.number().int(),
});
export type TOrgNode = z.infer<typeof ZOrgNode>;

export const ZOrgChildrenQuery = z.object({
  /** Omitted: the unit the user acts for, as the single root. */
  parentId: z.coerce.number().int().positive().optional(),
});

export const ZOrgChildren = z.object({
  items: z.array(ZOrgNode),
  /** Children beyond the first page are not listed here; the list page pages through them. */
  total: z.number().int(),
});
export type TOrgChildren = z.infer<typeof ZOrgChildren>;

export const ZOrgIdParams = z.object({ id: z.coerce.number().int().positive() });

export const ZOrgDetail = ZOrgNode.extend({
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), type: z.string() })),
});
export type TOrgDetail = z.infer<typeof ZOrgDetail>;

export const ZOrgSummaryQuery = z.object({ rootId: z.coerce.number().int().positive().optional() });

export const ZOrgSummary = z.object({
  root: ZOrgNode,
  unitCount: z.number().int(),
  byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
  /** Employees of the grassroots units in the subtree (职工人数). */
  employeeCount: z.number().int(),
  /** Grassroots units per direct child of the root, for the bar chart. */
  byChild: z.array(z.object({ id: z.number().int(), name: z.string(), grassroots: z.number().int() })),
});
export type TOrgSummary = z.infer<typeof ZOrgSummary>;
