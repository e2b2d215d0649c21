import { z } from 'zod';
import { parseCreditCode } from '../../core/cn/credit-code';
import { parseRegionCode } from '../../core/cn/region-code';

/** 查看组织机构; 新建、修改、调整隶属关系、撤销与合并组织 (a clerk's `*.write`). */
export const ORGS_READ = 'orgs.read';
export const ORGS_WRITE = 'orgs.write';

/**
 * Org unit types by stable code; the UI shows the Chinese label.
 * Structure: domain.md §9.2 (全总 → 省总 → 市/产业/单列 → 县/产业系统 → 乡镇/联合会 → 基层 → 分会).
 * Which type may sit under which: type-rules.ts.
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

/** 国民经济行业分类 (GB/T 4754-2017) 门类 A–T, of the employer a union serves. */
export const INDUSTRY_LABELS = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
} as const;

export type IndustryCode = keyof typeof INDUSTRY_LABELS;

/** 单位类别 of the employer (《工会组织信息登记表》, domain.md §1.2). */
export const UNIT_CATEGORY_LABELS = {
  '110': '国有企业',
  '120': '集体企业',
  '130': '股份合作企业',
  '140': '联营企业',
  '151': '国有独资公司',
  '159': '其他有限责任公司',
  '161': '国有控股股份公司',
  '169': '其他股份有限公司',
  '170': '私营企业',
  '190': '其他内资',
  '200': '港澳台商投资',
  '300': '外商投资',
  '400': '事业',
  '500': '机关',
  '600': '个体经济组织',
  '700': '民办非企业',
} as const;

export type UnitCategory = keyof typeof UNIT_CATEGORY_LABELS;

export const ORG_STATUS_LABELS = { active: '正常', dissolved: '已撤销' } as const;

/** What the registry fields are called, for messages that name the field. */
export const ORG_FIELD_LABELS = {
  parentId: '上级组织',
  name: '组织名称',
  shortName: '简称',
  type: '组织类型',
  code: '组织代码',
  creditCode: '工会统一社会信用代码',
  employerName: '所在单位名称',
  employerCreditCode: '所在单位统一社会信用代码',
  regionCode: '行政区划代码',
  industryCode: '所属行业',
  unitCategory: '单位类别',
  address: '单位地址',
  establishedOn: '成立日期',
  chairName: '工会主席',
  contactName: '联系人',
  contactPhone: '联系电话',
  employeeCount: '职工人数',
  womenCount: '女职工人数',
  migrantCount: '农民工人数',
} as const;

export type OrgField = keyof typeof ORG_FIELD_LABELS;

/**
 * The problem with a 统一社会信用代码 typed into `field`, in words that name the
 * field, or undefined when it is valid (GB 32100: charset, length, both check characters).
 * Shared by the server and the form, so the browser shows the same message first.
 */
export function creditCodeProblem(value: string, field: 'creditCode' | 'employerCreditCode'): string | undefined {
  const parsed = parseCreditCode(value);
  if (parsed.ok) return undefined;
  return `${field === 'creditCode' ? '工会' : '所在单位'}${parsed.message}`;
}

/** A union jurisdiction without a GB/T 2260 code of its own (杨凌, 西咸 …, shaanxi-cities.ts). */
const JURISDICTION_CODE = /^J\d{5}$/;

/** The problem with a region code (GB/T 2260, or a J-prefixed jurisdiction code), or undefined. */
export function regionCodeProblem(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  if (JURISDICTION_CODE.test(code)) return undefined;
  const parsed = parseRegionCode(code);
  return parsed.ok ? undefined : parsed.message;
}

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

export const CHILDREN_PAGE = 500;

export const ZOrgChildrenQuery = z.object({
  /** Omitted: the unit the user acts for, as the single root. */
  parentId: z.coerce.number().int().positive().optional(),
  /** Only children whose name contains this text. */
  q: z.string().trim().max(50, '搜索内容不能超过 50 个字').optional(),
  /** Keyset cursor: the previous page's `nextCursor` (sort order and id of its last row). */
  after: z
    .string()
    .regex(/^-?\d{1,10}\.\d{1,10}$/, '分页参数 after 无效')
    .optional(),
  limit: z.coerce.number().int().min(1).max(CHILDREN_PAGE).default(CHILDREN_PAGE),
});

export const ZOrgChildren = z.object({
  items: z.array(ZOrgNode),
  /** Children of the parent that match `q` (all pages). */
  total: z.number().int(),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TOrgChildren = z.infer<typeof ZOrgChildren>;

export const ZOrgIdParams = z.object({ id: z.coerce.number().int().positive() });

export const ZOrgDetail = ZOrgNode.extend({
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), type: z.string() })),
  depth: z.number().int(),
  employerName: z.string().nullable(),
  employerCreditCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  unitCategory: z.string().nullable(),
  address: z.string().nullable(),
  establishedOn: z.string().nullable(),
  chairName: z.string().nullable(),
  contactName: z.string().nullable(),
  /** `138****8000`; the full number is never sent. */
  contactPhoneMasked: z.string().nullable(),
  womenCount: z.number().int().nullable(),
  migrantCount: z.number().int().nullable(),
  dissolvedOn: z.string().nullable(),
  /** The unit this one was merged into (its members went there). */
  mergedInto: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Echo it with an edit: the edit is refused when someone changed the unit in between. */
  updatedAt: z.string(),
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

// ——— Changes to the tree ———

const CREATABLE_TYPES = Object.keys(ORG_TYPE_LABELS).filter((type) => type !== 'province') as [OrgType, ...OrgType[]];
const ZOrgType = z.enum(CREATABLE_TYPES, { message: '请选择组织类型' });

/** Optional text: null (or blank) clears it. */
const optionalText = (field: OrgField, max: number) =>
  z
    .string({ message: `${ORG_FIELD_LABELS[field]}应为文字` })
    .trim()
    .max(max, `${ORG_FIELD_LABELS[field]}不能超过 ${max} 个字`)
    .nullable()
    .optional();

const optionalCount = (field: OrgField) =>
  z
    .number({ message: `${ORG_FIELD_LABELS[field]}应为数字` })
    .int(`${ORG_FIELD_LABELS[field]}应为整数`)
    .min(0, `${ORG_FIELD_LABELS[field]}不能为负数`)
    .max(10_000_000, `${ORG_FIELD_LABELS[field]}过大`)
    .nullable()
    .optional();

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date of record (YYYY-MM-DD); the server checks it is a real day and not in the future. */
const optionalDate = (label: string) => z.string({ message: `${label}应为日期` }).regex(ISO_DATE, `${label}应为 YYYY-MM-DD 格式`);

/**
 * The registry fields (《工会组织信息登记表》). A field left out stays as it is;
 * null clears an optional one. Credit codes, region code, dates, the phone and
 * the employee counts are checked by the server with messages naming the field.
 */
export const ZOrgFields = z.object({
  name: z.string({ message: '请输入组织名称' }).trim().min(1, '请输入组织名称').max(200, '组织名称不能超过 200 个字'),
  shortName: optionalText('shortName', 50),
  type: ZOrgType,
  creditCode: optionalText('creditCode', 40),
  employerName: optionalText('employerName', 200),
  employerCreditCode: optionalText('employerCreditCode', 40),
  regionCode: optionalText('regionCode', 20),
  industryCode: z.enum(Object.keys(INDUSTRY_LABELS) as [IndustryCode, ...IndustryCode[]], { message: '请选择所属行业门类（A–T）' }).nullable().optional(),
  unitCategory: z
    .enum(Object.keys(UNIT_CATEGORY_LABELS) as [UnitCategory, ...UnitCategory[]], { message: '请选择单位类别' })
    .nullable()
    .optional(),
  address: optionalText('address', 200),
  establishedOn: optionalDate('成立日期').nullable().optional(),
  chairName: optionalText('chairName', 50),
  contactName: optionalText('contactName', 50),
  /** Mainland mobile. Stored sealed and shown masked; left out, the stored one stays. */
  contactPhone: optionalText('contactPhone', 20),
  employeeCount: optionalCount('employeeCount'),
  womenCount: optionalCount('womenCount'),
  migrantCount: optionalCount('migrantCount'),
});
export type TOrgFields = z.input<typeof ZOrgFields>;

export const ZCreateOrgRequest = ZOrgFields.extend({
  parentId: z.number({ message: '请选择上级组织' }).int().positive(),
  /** 工会组织代码; generated from the parent's code when left out. */
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, '组织代码应为 2–40 位大写字母、数字或连字符')
    .optional(),
});
export type TCreateOrgRequest = z.input<typeof ZCreateOrgRequest>;

export const ZEditOrgRequest = ZOrgFields.partial().extend({
  /** `updatedAt` of the detail the edit started from. */
  updatedAt: z.string({ message: '缺少修改前的版本（updatedAt），请刷新后重试' }).min(1, '缺少修改前的版本（updatedAt），请刷新后重试'),
});
export type TEditOrgRequest = z.input<typeof ZEditOrgRequest>;

/** The date the change was decided (default: today in Beijing). */
const ZDecisionDate = optionalDate('决定日期').optional();

export const ZMoveOrgRequest = z.object({
  parentId: z.number({ message: '请选择新的上级组织' }).int().positive(),
  on: ZDecisionDate,
});
export type TMoveOrgRequest = z.input<typeof ZMoveOrgRequest>;

export const ZDissolveOrgRequest = z.object({
  /** The union that takes the members over; default: the parent. */
  receivingUnitId: z.number({ message: '请选择接收会员的工会' }).int().positive().optional(),
  on: ZDecisionDate,
});
export type TDissolveOrgRequest = z.input<typeof ZDissolveOrgRequest>;

export const ZMergeOrgRequest = z.object({
  intoId: z.number({ message: '请选择合并到的工会' }).int().positive(),
  on: ZDecisionDate,
});
export type TMergeOrgRequest = z.input<typeof ZMergeOrgRequest>;

export const ZOrgChangeResult = z.object({
  unit: ZOrgDetail,
  /** Units whose place in the tree changed (a moved subtree, or the children of a merged unit with theirs). */
  movedUnits: z.number().int(),
  /** What the other modules moved to the receiving union, e.g. `{ label: '会籍', count: 120 }`. */
  handedOver: z.array(z.object({ label: z.string(), count: z.number().int() })),
});
export type TOrgChangeResult = z.infer<typeof ZOrgChangeResult>;
