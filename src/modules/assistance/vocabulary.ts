import { EXIT_STATUS_LABELS } from './monitoring-contract';

/**
 * Controlled vocabularies of the hardship file (一户一档), shared by the server,
 * the database checks (migration 2026-11-21T1610) and the web forms. Codes are
 * English, labels the Chinese the forms and the 困难职工登记表 use.
 */

/** 与户主（主申请职工）关系. The main worker is `self`, always the first member. */
export const RELATION_LABELS = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  parent_in_law: '岳父母/公婆',
  grandchild: '孙子女/外孙子女',
  grandparent: '祖父母/外祖父母',
  sibling: '兄弟姐妹',
  other: '其他共同生活人员',
} as const;
export type Relation = keyof typeof RELATION_LABELS;
export const RELATIONS = Object.keys(RELATION_LABELS) as [Relation, ...Relation[]];

/**
 * 健康状况 — serious illnesses of the 困难职工登记表 enumeration (domain.md §2.1:
 * 恶性肿瘤, 心血管病, 脑血管病, 终末期肾病, 精神病, 肝病, 血液病, 糖尿病, …);
 * `other_serious` stands for the list's "…". No illness and no disability is 良好.
 */
export const ILLNESS_LABELS = {
  malignant_tumour: '恶性肿瘤',
  cardiovascular: '心血管病',
  cerebrovascular: '脑血管病',
  end_stage_renal: '终末期肾病',
  mental_illness: '精神病',
  liver_disease: '肝病',
  blood_disease: '血液病',
  diabetes: '糖尿病',
  other_serious: '其他重大疾病',
} as const;
export type Illness = keyof typeof ILLNESS_LABELS;
export const ILLNESSES = Object.keys(ILLNESS_LABELS) as [Illness, ...Illness[]];

/** 残疾类别 (domain.md §2.1; the seven categories of the 残疾人证, GB/T 26341-2010). */
export const DISABILITY_TYPE_LABELS = {
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  intellectual: '智力残疾',
  physical: '肢体残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
} as const;
export type DisabilityType = keyof typeof DISABILITY_TYPE_LABELS;
export const DISABILITY_TYPES = Object.keys(DISABILITY_TYPE_LABELS) as [DisabilityType, ...DisabilityType[]];

/** 残疾等级: 一级（极重度）… 四级（轻度）, GB/T 26341-2010. */
export const DISABILITY_GRADE_LABELS = { 1: '一级（极重度）', 2: '二级（重度）', 3: '三级（中度）', 4: '四级（轻度）' } as const;
export type DisabilityGrade = 1 | 2 | 3 | 4;

/** 就业状况 of a household member. */
export const EMPLOYMENT_LABELS = {
  employed: '在职',
  flexible: '灵活就业',
  unemployed: '失业',
  retired: '退休',
  student: '在校学生',
  preschool: '学龄前',
  incapable: '丧失劳动能力',
  other: '其他',
} as const;
export type Employment = keyof typeof EMPLOYMENT_LABELS;
export const EMPLOYMENTS = Object.keys(EMPLOYMENT_LABELS) as [Employment, ...Employment[]];

/**
 * 致困原因 (main and secondary), as files are classified by cause (domain.md §2.2
 * "Files are classified by 致困原因 and 困难程度"; the usual 全国工会帮扶工作管理系统 categories).
 */
export const HARDSHIP_CAUSE_LABELS = {
  illness: '因病',
  disability: '因残',
  education: '因子女教育',
  unemployment: '因失业',
  low_income: '因收入低',
  accident: '因意外事故',
  disaster: '因灾',
  enterprise_difficulty: '因企业停产半停产',
  single_parent: '因单亲',
  other: '其他原因',
} as const;
export type HardshipCause = keyof typeof HARDSHIP_CAUSE_LABELS;
export const HARDSHIP_CAUSES = Object.keys(HARDSHIP_CAUSE_LABELS) as [HardshipCause, ...HardshipCause[]];

/** 职工类别: 困难职工 or 困难农民工 (domain.md §2.1, 困难职工登记表). */
export const WORKER_TYPE_LABELS = { worker: '职工', migrant_worker: '农民工' } as const;
export type WorkerType = keyof typeof WORKER_TYPE_LABELS;

/**
 * 佐证材料 kinds (domain.md §2.2: the 申请书 and the signed 家庭经济状况核对授权委托书
 * at the home visit; income, illness and disability proofs; photos of the visit).
 */
export const EVIDENCE_KIND_LABELS = {
  application: '困难职工帮扶申请书',
  authorisation: '家庭经济状况核对授权委托书（本人签字）',
  income_proof: '收入证明',
  medical_record: '诊断证明、医疗费用票据',
  disability_certificate: '残疾人证',
  photo: '入户调查照片',
  other: '其他佐证材料',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KIND_LABELS;
export const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_LABELS) as [EvidenceKind, ...EvidenceKind[]];

/**
 * 档案状态: the filing workflow's states (server/filing/filing-workflow.ts), which
 * the file mirrors. Payments, exit (脱困) and monitoring add states in a later slice.
 */
export const HOUSEHOLD_STATUS_LABELS = {
  draft: '待提交',
  first_review: '待基层工会初审',
  home_visit: '待入户调查',
  financial_check: '待上级工会经济状况核对',
  notice: '公示中',
  filed: '已建档',
  refused: '不予建档',
  withdrawn: '已撤回',
  ...EXIT_STATUS_LABELS,
} as const;
export type HouseholdStatus = keyof typeof HOUSEHOLD_STATUS_LABELS;
export const HOUSEHOLD_STATUSES = Object.keys(HOUSEHOLD_STATUS_LABELS) as [HouseholdStatus, ...HouseholdStatus[]];

/** A file in one of these is closed: the person may be filed again (一户一档 counts open files only). */
export const CLOSED_HOUSEHOLD_STATUSES: readonly HouseholdStatus[] = ['refused', 'withdrawn'];

/** The figures and members may change in these; in 公示 they are frozen (the public saw them), closed files are history. */
export const EDITABLE_HOUSEHOLD_STATUSES: readonly HouseholdStatus[] = ['draft', 'first_review', 'home_visit', 'financial_check', 'filed'];

/**
 * 档案级别 (总工办〔2016〕36号《困难职工档案管理办法》: 全国级/省级/地市级/区县级/基层).
 * This slice sets 全国级, 地市级 or 区县级 at filing (server/filing/file-level.ts).
 */
export const FILE_LEVEL_LABELS = {
  national: '全国级',
  province: '省级',
  city: '地市级',
  county: '区县级',
  grassroots: '基层',
} as const;
export type FileLevel = keyof typeof FILE_LEVEL_LABELS;

/** Which higher union checks the finances (the approval route, as data: assistance_filing_route). */
export const CHECK_LEVEL_LABELS = { county: '县（市、区）总工会', city: '市总工会' } as const;
export type CheckLevel = keyof typeof CHECK_LEVEL_LABELS;

/** 年度复核 outcomes: 应建则建、应帮尽帮、应退则退 (domain.md §2.2). */
export const REVERIFICATION_OUTCOME_LABELS = {
  keep: '维持原困难类别',
  change_tier: '调整困难类别',
  exit: '建议退出（不再符合困难认定条件）',
} as const;
export type ReverificationOutcome = keyof typeof REVERIFICATION_OUTCOME_LABELS;
