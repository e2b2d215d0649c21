/**
 * The columns a member import understands and the header texts that name
 * them. Unions fill in sheets exported from their own HR systems or copied
 * from older federation templates, so each field has several spellings.
 */
import { vocabularyKey } from '../../vocabulary';

export type ImportField = {
  /** The Chinese label used in messages, the template and the error report. */
  label: string;
  required: boolean;
  /** Other header texts for the column (the label itself always matches). */
  synonyms: readonly string[];
};

export const IMPORT_FIELDS = {
  name: { label: '姓名', required: true, synonyms: ['会员姓名', '名字'] },
  idNumber: { label: '公民身份号码', required: true, synonyms: ['身份证号', '身份证号码', '身份证', '证件号码'] },
  phone: { label: '手机号码', required: false, synonyms: ['手机', '手机号', '联系电话', '电话', '移动电话'] },
  gender: { label: '性别', required: false, synonyms: [] },
  birthDate: { label: '出生日期', required: false, synonyms: ['出生年月', '生日'] },
  ethnicity: { label: '民族', required: false, synonyms: [] },
  education: { label: '学历', required: false, synonyms: ['文化程度'] },
  politicalStatus: { label: '政治面貌', required: false, synonyms: [] },
  householdType: { label: '户籍类型', required: false, synonyms: ['户口性质', '户籍性质'] },
  employmentForm: { label: '就业形态', required: false, synonyms: ['用工形式', '就业形式', '职工类别'] },
  employer: { label: '工作单位', required: false, synonyms: ['单位', '所在单位', '所在平台', '平台', '工作单位/平台'] },
  occupation: { label: '职业', required: false, synonyms: ['岗位', '工种'] },
  joinedOn: { label: '入会日期', required: false, synonyms: ['入会时间'] },
  cardNumber: { label: '会员证号', required: false, synonyms: ['会员证号码', '会员卡号'] },
  org: { label: '所属工会', required: false, synonyms: ['工会', '所在工会', '工会名称', '工会代码', '所属工会代码'] },
} as const satisfies Record<string, ImportField>;

export type FieldKey = keyof typeof IMPORT_FIELDS;

export const FIELD_KEYS = Object.keys(IMPORT_FIELDS) as FieldKey[];

export function fieldLabel(key: FieldKey): string {
  return IMPORT_FIELDS[key].label;
}

// Marks of a required column that templates put around the name: "姓名*", "*姓名", "姓名（必填）".
const REQUIRED_MARK = /^\*+|\*+$|\(必填\)$/g;

/** The form a header cell is compared in: half-width, no spaces, lower case, no required mark. */
export function headerKey(text: string): string {
  return vocabularyKey(text).replace(REQUIRED_MARK, '');
}

const FIELD_BY_HEADER: ReadonlyMap<string, FieldKey> = (() => {
  const map = new Map<string, FieldKey>();
  for (const key of FIELD_KEYS) {
    const field: ImportField = IMPORT_FIELDS[key];
    for (const text of [field.label, ...field.synonyms]) {
      const normalized = headerKey(text);
      const existing = map.get(normalized);
      if (existing !== undefined && existing !== key) {
        throw new Error(`header-map: "${text}" would name both ${existing} and ${key}`);
      }
      map.set(normalized, key);
    }
  }
  return map;
})();

export type HeaderMatch =
  | {
      ok: true;
      /** Field → 0-based column index in the file. */
      columns: Map<FieldKey, number>;
      /** Non-empty header texts that name no field: left out of the import, shown as a warning. */
      ignored: string[];
    }
  | { ok: false; message: string };

/** Matches a header row to the import fields; columns may come in any order. */
export function matchHeader(cells: readonly string[]): HeaderMatch {
  const columns = new Map<FieldKey, number>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  for (let index = 0; index < cells.length; index++) {
    const text = (cells[index] ?? '').trim();
    if (text === '') continue;
    const key = FIELD_BY_HEADER.get(headerKey(text));
    if (key === undefined) {
      ignored.push(text);
      continue;
    }
    const first = columns.get(key);
    if (first !== undefined) {
      // Two columns for one field: which one is right cannot be guessed.
      duplicates.push(`“${(cells[first] ?? '').trim()}”和“${text}”都表示“${fieldLabel(key)}”`);
      continue;
    }
    columns.set(key, index);
  }
  if (duplicates.length > 0) {
    return { ok: false, message: `表头有重复的列：${duplicates.join('；')}，请只保留一列` };
  }
  const missing = FIELD_KEYS.filter((key) => IMPORT_FIELDS[key].required && !columns.has(key));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `表头缺少必填列：${missing.map(fieldLabel).join('、')}。请使用导入模板，或检查第一行是否为表头`,
    };
  }
  return { ok: true, columns, ignored };
}
