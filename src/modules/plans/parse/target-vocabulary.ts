/**
 * The words a quantified target is written with in union work plans: units
 * (量词), the qualifiers around a figure, and the verbs and adverbs in front
 * of what is counted. Vocabulary, not policy: it changes when a document
 * uses a word these tables lack (add it here, with a test sentence).
 */
import type { TTargetComparator } from '../draft-contract';

export type UnitRule = {
  /** As written after the number. */
  written: string;
  /** As stored: 名 counts people, so it is 人. */
  unit: string;
  /** 万人 = 10,000 人. */
  factor: number;
};

/** Longest first, so 万人次 wins over 万人 and 人次 over 人. */
export const UNIT_RULES: readonly UnitRule[] = (
  [
    ['个百分点', '个百分点', 1],
    ['万人次', '人次', 10_000],
    ['万元', '元', 10_000],
    ['亿元', '元', 100_000_000],
    ['万人', '人', 10_000],
    ['万名', '人', 10_000],
    ['万户', '户', 10_000],
    ['万家', '家', 10_000],
    ['人次', '人次', 1],
    ['场次', '场次', 1],
    ['学时', '学时', 1],
    ['课时', '课时', 1],
    ['小时', '小时', 1],
    ['人', '人', 1],
    ['名', '人', 1],
    ['位', '人', 1],
    ['个', '个', 1],
    ['项', '项', 1],
    ['家', '家', 1],
    ['场', '场', 1],
    ['次', '次', 1],
    ['期', '期', 1],
    ['所', '所', 1],
    ['支', '支', 1],
    ['座', '座', 1],
    ['处', '处', 1],
    ['户', '户', 1],
    ['件', '件', 1],
    ['份', '份', 1],
    ['篇', '篇', 1],
    ['部', '部', 1],
    ['套', '套', 1],
    ['台', '台', 1],
    ['对', '对', 1],
    ['条', '条', 1],
    ['本', '本', 1],
    ['册', '册', 1],
    ['张', '张', 1],
    ['元', '元', 1],
    ['天', '天', 1],
    ['%', '%', 1],
    ['‰', '‰', 1],
  ] as const
).map(([written, unit, factor]) => ({ written, unit, factor }));

/**
 * Nouns after 个 / 条 that make the phrase a way of speaking, not a count:
 * 两个方面进行试点, 15条措施 (the document's own items), 三个年, and the
 * political formulas when a document leaves them unquoted (四个全面, 四个意识,
 * 两个确立, 五个不发生).
 */
export const NOT_COUNTED_AFTER_UNIT =
  /^(?:方面|层面|环节|阶段|原则|重点|关键|领域|维度|年|措施|意见|规定|目标|结合|统筹|作用|确立|维护|坚持|务必|中心|基本点|全面|意识|自信|代表|必须|不发生|坚决|一流)/;

/** Characters before a number that make it an ordinal or a rank, not a quantity: 第二届, 前10名, 十四届七次. */
export const ORDINAL_BEFORE = new Set(['第', '前', '后', '届', '初', '号', '版']);
/** Characters after a number that make it a date, a time, a session or a level: 3月, 23日, 第二届, 三级, 二类. */
export const NOT_A_QUANTITY_AFTER = /^(?:年|月|日|号|时|点|分|秒|届|级|类|等|档|星|中全会|大|·|\.)/;

export type Qualifier = { word: string; comparator?: TTargetComparator; approx?: boolean };

/** Before the number; longest first. 《民法典》第一千二百五十九条 for what 以上/以下/超过/不满 include. */
export const QUALIFIERS_BEFORE: readonly Qualifier[] = [
  { word: '不少于', comparator: 'gte' },
  { word: '不低于', comparator: 'gte' },
  { word: '不小于', comparator: 'gte' },
  { word: '不超过', comparator: 'lte' },
  { word: '不高于', comparator: 'lte' },
  { word: '不多于', comparator: 'lte' },
  { word: '不大于', comparator: 'lte' },
  { word: '控制在', comparator: 'lte' },
  { word: '提高到', comparator: 'gte' },
  { word: '提升到', comparator: 'gte' },
  { word: '提高至', comparator: 'gte' },
  { word: '提升至', comparator: 'gte' },
  { word: '增加到', comparator: 'gte' },
  { word: '增加至', comparator: 'gte' },
  { word: '达到', comparator: 'gte' },
  { word: '至少', comparator: 'gte' },
  { word: '最少', comparator: 'gte' },
  { word: '超过', comparator: 'gt' },
  { word: '高于', comparator: 'gt' },
  { word: '多于', comparator: 'gt' },
  { word: '大于', comparator: 'gt' },
  { word: '最多', comparator: 'lte' },
  { word: '低于', comparator: 'lt' },
  { word: '少于', comparator: 'lt' },
  { word: '小于', comparator: 'lt' },
  { word: '不足', comparator: 'lt' },
  { word: '不满', comparator: 'lt' },
  { word: '大约', approx: true },
  { word: '约', approx: true },
  { word: '近', approx: true },
  { word: '逾', comparator: 'gt' },
  { word: '达', comparator: 'gte' },
];

/** Between the number and its unit: 100余名, 100多名 (more than 100). */
export const QUALIFIERS_INSIDE: readonly Qualifier[] = [
  { word: '余', comparator: 'gt' },
  { word: '多', comparator: 'gt' },
];

/** After the unit: 100名左右, 5个以上, 10%以内. */
export const QUALIFIERS_AFTER: readonly Qualifier[] = [
  { word: '以上', comparator: 'gte' },
  { word: '以下', comparator: 'lte' },
  { word: '以内', comparator: 'lte' },
  { word: '左右', approx: true },
  { word: '上下', approx: true },
];

/** Between two numbers of a range: 一至两项, 3-5个. The lower bound is the target (至少). */
export const RANGE_WORDS = ['至', '到', '-', '—', '～', '~'] as const;

/**
 * Words that lead a clause and are not what is counted: time, effort and
 * scope adverbs, then the verb of the action (命名示范性创新工作室20个 → 示范性创新工作室).
 */
export const LEADING_ADVERBS =
  /^(?:全年|年内|今年|明年|当年|其中|力争|争取|确保|努力|累计|共计|合计|共|再|继续|持续|进一步|全省|全市|全系统|每年|各级工会|各级|要|将|并|和|及)/;
export const LEADING_VERBS =
  /^(?:新发展|新培养|新建|新增|命名|建成|建设|建立|培育|评选|举办|开展|组织|培训|培养|发展|完成|组建|打造|创建|认定|表彰|选树|选拔|推荐|吸纳|帮扶|慰问|资助|救助|走访|服务|实现|签订|覆盖|惠及|招募|选派|举行|召开|发放|投入|筹集|安排|支持|扶持|推动|引导|带动|提供|开设|设立|提高|提升|增加|达到)/;

/** Where a subject written after the figure ends: 选派四十名优秀工会干部到基层挂职 → 优秀工会干部. */
export const SUBJECT_ENDS_BEFORE = /(?:到|赴|参加|参与|进行|开展|深入)/;
