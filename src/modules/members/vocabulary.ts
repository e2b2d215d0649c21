/**
 * Controlled vocabularies of the member record: label maps keyed by stable
 * codes (what the database stores), plus the synonyms people actually type in
 * spreadsheets, for the import. Shared by server and web, so no node imports
 * (and, for the web's sake, nothing from src/core but contract files).
 */
import { EMPLOYMENT_FORM_LABELS, type EmploymentForm } from './contract';

export const GENDER_LABELS = { male: '男', female: '女' } as const;
export type Gender = keyof typeof GENDER_LABELS;

/** 民族 — GB/T 3304-1991 《中国各民族名称的罗马字母拼写法和代码》, codes 01–56. */
export const ETHNICITY_LABELS = {
  '01': '汉族',
  '02': '蒙古族',
  '03': '回族',
  '04': '藏族',
  '05': '维吾尔族',
  '06': '苗族',
  '07': '彝族',
  '08': '壮族',
  '09': '布依族',
  '10': '朝鲜族',
  '11': '满族',
  '12': '侗族',
  '13': '瑶族',
  '14': '白族',
  '15': '土家族',
  '16': '哈尼族',
  '17': '哈萨克族',
  '18': '傣族',
  '19': '黎族',
  '20': '傈僳族',
  '21': '佤族',
  '22': '畲族',
  '23': '高山族',
  '24': '拉祜族',
  '25': '水族',
  '26': '东乡族',
  '27': '纳西族',
  '28': '景颇族',
  '29': '柯尔克孜族',
  '30': '土族',
  '31': '达斡尔族',
  '32': '仫佬族',
  '33': '羌族',
  '34': '布朗族',
  '35': '撒拉族',
  '36': '毛南族',
  '37': '仡佬族',
  '38': '锡伯族',
  '39': '阿昌族',
  '40': '普米族',
  '41': '塔吉克族',
  '42': '怒族',
  '43': '乌孜别克族',
  '44': '俄罗斯族',
  '45': '鄂温克族',
  '46': '德昂族',
  '47': '保安族',
  '48': '裕固族',
  '49': '京族',
  '50': '塔塔尔族',
  '51': '独龙族',
  '52': '鄂伦春族',
  '53': '赫哲族',
  '54': '门巴族',
  '55': '珞巴族',
  '56': '基诺族',
} as const;
export type Ethnicity = keyof typeof ETHNICITY_LABELS;
/** In code order: object keys 10–56 look like array indexes, so Object.keys() would list them before 01–09. */
export const ETHNICITY_CODES = (Object.keys(ETHNICITY_LABELS) as Ethnicity[]).sort();

/** 学历, grouped the way union statistics report it. */
export const EDUCATION_LABELS = {
  postgraduate: '研究生（含博士、硕士）',
  bachelor: '大学本科',
  college: '大学专科',
  secondary_vocational: '中专/中技',
  high_school: '高中',
  junior_high: '初中及以下',
} as const;
export type Education = keyof typeof EDUCATION_LABELS;

/** 政治面貌 — the subset of GB/T 4762-1984 that member statistics distinguish. */
export const POLITICAL_STATUS_LABELS = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派成员',
  no_party: '无党派人士',
  masses: '群众',
} as const;
export type PoliticalStatus = keyof typeof POLITICAL_STATUS_LABELS;

/** 户籍类型: still asked by the federation's 农民工入会 statistics despite the 2014 户籍 reform. */
export const HOUSEHOLD_TYPE_LABELS = {
  agricultural: '农业户口',
  non_agricultural: '非农业户口',
} as const;
export type HouseholdType = keyof typeof HOUSEHOLD_TYPE_LABELS;

/** A label map plus the table the import looks typed text up in. */
export type Vocabulary<C extends string> = {
  readonly labels: Readonly<Record<C, string>>;
  /** Normalized text (see `vocabularyKey`) → code; holds labels, codes' own spelling and synonyms. */
  readonly lookup: ReadonlyMap<string, C>;
};

/**
 * The form text is compared in: full-width ASCII to half-width (Chinese input
 * methods type （ ） ／ in full width), and no whitespace or zero-width
 * characters anywhere ("汉 族", "本科 "). One pass, no regex: the import calls
 * this for several cells of every row.
 */
export function vocabularyKey(text: string): string {
  let out: string | null = null; // built only once a character has to change
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const skip =
      code <= 0x20 ||
      code === 0x3000 ||
      code === 0xa0 ||
      code === 0xfeff ||
      (code >= 0x2000 && code <= 0x200d) ||
      code === 0x2028 ||
      code === 0x2029;
    const fullWidth = code >= 0xff01 && code <= 0xff5e;
    if (out === null && (skip || fullWidth)) out = text.slice(0, i);
    if (out === null || skip) continue;
    out += fullWidth ? String.fromCharCode(code - 0xfee0) : text.charAt(i);
  }
  return (out ?? text).toLowerCase();
}

function defineVocabulary<C extends string>(
  labels: Readonly<Record<C, string>>,
  synonyms: Readonly<Record<string, C>> = {},
): Vocabulary<C> {
  const lookup = new Map<string, C>();
  const add = (text: string, code: C) => {
    const key = vocabularyKey(text);
    const existing = lookup.get(key);
    if (existing !== undefined && existing !== code) {
      throw new Error(`vocabulary: "${text}" would mean both ${existing} and ${code}`);
    }
    lookup.set(key, code);
  };
  for (const code of Object.keys(labels) as C[]) {
    add(labels[code], code);
  }
  for (const [text, code] of Object.entries(synonyms)) {
    add(text, code);
  }
  return { labels, lookup };
}

/** The code for typed text, or null when the text is not in the vocabulary. */
export function lookupVocabulary<C extends string>(vocabulary: Vocabulary<C>, text: string): C | null {
  // Most cells hold a label exactly as listed: try the text itself before normalizing it.
  return vocabulary.lookup.get(text) ?? vocabulary.lookup.get(vocabularyKey(text)) ?? null;
}

export const GENDER = defineVocabulary<Gender>(GENDER_LABELS, { 男性: 'male', 女性: 'female' });

function ethnicitySynonyms(): Record<string, Ethnicity> {
  const synonyms: Record<string, Ethnicity> = {
    // Colloquial short forms, and the names before the State Council renamed
    // 崩龙族 → 德昂族 (1985) and 毛难族 → 毛南族 (1986): old ID cards and HR files keep them.
    维族: '05',
    蒙族: '02',
    崩龙族: '46',
    毛难族: '36',
  };
  for (const code of ETHNICITY_CODES) {
    const name = ETHNICITY_LABELS[code];
    synonyms[name.slice(0, -1)] = code; // "汉" as well as "汉族"
    synonyms[code] = code; // HR systems export the GB/T 3304 code itself ("01")
  }
  return synonyms;
}

export const ETHNICITY = defineVocabulary<Ethnicity>(ETHNICITY_LABELS, ethnicitySynonyms());

export const EDUCATION = defineVocabulary<Education>(EDUCATION_LABELS, {
  研究生: 'postgraduate',
  博士: 'postgraduate',
  博士研究生: 'postgraduate',
  硕士: 'postgraduate',
  硕士研究生: 'postgraduate',
  本科: 'bachelor',
  大专: 'college',
  专科: 'college',
  高职: 'college',
  中专: 'secondary_vocational',
  中技: 'secondary_vocational',
  技校: 'secondary_vocational',
  技工学校: 'secondary_vocational',
  职高: 'secondary_vocational',
  中等专业学校: 'secondary_vocational',
  高中: 'high_school',
  初中: 'junior_high',
  小学: 'junior_high',
  初中以下: 'junior_high',
  初中及以下: 'junior_high',
});

export const POLITICAL_STATUS = defineVocabulary<PoliticalStatus>(POLITICAL_STATUS_LABELS, {
  党员: 'cpc_member',
  共产党员: 'cpc_member',
  中国共产党党员: 'cpc_member',
  预备党员: 'cpc_probationary',
  团员: 'cyl_member',
  共青团员: 'cyl_member',
  民主党派: 'democratic_party',
  // GB/T 4762 lists the eight democratic parties one by one (codes 04–11).
  民革党员: 'democratic_party',
  民盟盟员: 'democratic_party',
  民建会员: 'democratic_party',
  民进会员: 'democratic_party',
  农工党党员: 'democratic_party',
  致公党党员: 'democratic_party',
  九三学社社员: 'democratic_party',
  台盟盟员: 'democratic_party',
  无党派: 'no_party',
});

export const HOUSEHOLD_TYPE = defineVocabulary<HouseholdType>(HOUSEHOLD_TYPE_LABELS, {
  农业: 'agricultural',
  农村: 'agricultural',
  农村户口: 'agricultural',
  非农业: 'non_agricultural',
  非农: 'non_agricultural',
  城镇: 'non_agricultural',
  城镇户口: 'non_agricultural',
  居民: 'non_agricultural',
  居民户口: 'non_agricultural',
});

export const EMPLOYMENT_FORM = defineVocabulary<EmploymentForm>(EMPLOYMENT_FORM_LABELS, {
  合同制: 'standard',
  正式工: 'standard',
  在编: 'standard',
  派遣: 'dispatched',
  灵活用工: 'flexible',
  非全日制: 'flexible',
  快递: 'courier',
  快递小哥: 'courier',
  外卖: 'food_delivery',
  外卖骑手: 'food_delivery',
  骑手: 'food_delivery',
  网约配送员: 'food_delivery',
  网约车: 'ride_hailing_driver',
  货车: 'truck_driver',
  卡车司机: 'truck_driver',
  护工: 'caregiver',
  护理员: 'caregiver',
  家政: 'domestic_worker',
  保安: 'security_guard',
});
