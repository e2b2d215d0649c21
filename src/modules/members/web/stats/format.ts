import { BRAND_BLUE, BRAND_RED } from '../../../../web/theme';

/** 21714 -> "21,714": the console's number style (thousands separators, zh-CN). */
export const fmt = (value: number): string => value.toLocaleString('zh-CN');

/** Share in percent with one decimal, or null when the whole is zero. */
export const shareOf = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/** "14.5%" or "—". */
export const percentText = (value: number | null): string => (value === null ? '—' : `${value.toFixed(1)}%`);

/** "2026-11" -> "2026年11月". */
export const monthLabel = (month: string): string => {
  const [year, mon] = month.split('-');
  return `${year}年${Number(mon)}月`;
};

/** "2026-11-21" -> "2026年11月21日". */
export const dateLabel = (date: string): string => {
  const [year, mon, day] = date.split('-');
  return `${year}年${Number(mon)}月${Number(day)}日`;
};

export const COLORS = {
  members: BRAND_BLUE,
  gig: '#e8833a',
  started: '#3f8f5f',
  ended: BRAND_RED,
  male: BRAND_BLUE,
  female: '#d9627a',
  axisLine: '#d9dde3',
  splitLine: '#eef0f3',
  label: '#333',
  muted: '#5c6370',
};

/** Employment forms: the standard ones in blues, the 新就业形态 groups in warm tones. */
export const FORM_COLORS: Readonly<Record<string, string>> = {
  standard: '#1d4f91',
  dispatched: '#4f7fbf',
  flexible: '#8fb0dd',
  truck_driver: '#c4511f',
  ride_hailing_driver: '#e8833a',
  courier: '#f2a541',
  food_delivery: '#f6c667',
  caregiver: '#b7793b',
  domestic_worker: '#d99a6c',
  security_guard: '#9c5b2e',
};
export const UNKNOWN_COLOR = '#b8bfc9';

/** Page texts (the stats page keeps its Chinese here rather than in the shared dictionary). */
export const TEXT = {
  scope: '统计范围',
  scopeLoading: '正在加载组织…',
  back: '返回 {name}',
  asOf: '统计截至',
  source: '数据取自随会籍变动实时维护的统计计数，不逐条汇总会员名册',
  personSuffix: '人',
  members: '会员总数',
  membersFoot: '在会 {active} · 保留会籍 {retained}',
  newThisYear: '今年新入会',
  newThisYearFoot: '其中本月 {month} 人',
  gig: '新就业形态会员',
  gigFoot: '占会员总数 {share}',
  joinRate: '入会率',
  unionizationRate: '建会率',
  rateFoot: '{numerator} ÷ {denominator}',
  rateNoDenominator: '分母为 0，暂无法计算',
  rateDetail: '口径说明',
  formula: '计算公式',
  numerator: '分子',
  denominator: '分母',
  note: '说明',
  noDenominatorTitle: '建会率暂无法计算',
  childChart: '各下级单位会员人数',
  childChartHint: '点击柱条查看该单位',
  childChartAria: '各下级单位会员人数条形图，点击某一单位的柱条可切换到该单位的统计',
  childEmpty: '该单位没有下级组织',
  seriesMembers: '会员人数',
  seriesGig: '其中新就业形态',
  trend: '近 12 个月会员变化',
  seriesMonthEnd: '月末会员数',
  seriesStarted: '当月入会',
  seriesEnded: '当月减少',
  axisMembers: '会员数',
  axisChanges: '增减人数',
  byForm: '就业形态构成',
  byGender: '性别构成',
  byAgeBand: '年龄结构',
  unionsByType: '工会组织类型',
  unionsUnit: '个',
  empty: '暂无数据',
};

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
