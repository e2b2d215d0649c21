/**
 * One imported row → a typed member record, or every problem of the row in
 * Chinese (a union fixing a sheet wants the whole list at once, not one error
 * per upload). Pure: no database; the organisation text is resolved later.
 */
import { parseIdNumber, type IdNumberInfo } from '../../../../core/cn/id-number';
import { parseMobile } from '../../../../core/cn/mobile';
import { normalizeCode, normalizeText } from '../../../../core/cn/normalize';
import { beijingDateStamp } from '../../../../core/files/beijing-time';
import type { EmploymentForm } from '../../contract';
import {
  EDUCATION,
  EMPLOYMENT_FORM,
  ETHNICITY,
  GENDER,
  GENDER_LABELS,
  HOUSEHOLD_TYPE,
  POLITICAL_STATUS,
  lookupVocabulary,
  type Education,
  type Ethnicity,
  type Gender,
  type HouseholdType,
  type PoliticalStatus,
  type Vocabulary,
} from '../../vocabulary';
import { FIELD_KEYS, IMPORT_FIELDS, type FieldKey } from './header-map';
import { addYears, normalizeDate, normalizeYearMonth } from './normalize-values';
import { isFormulaCell, type TableCell } from './table-cell';

export type RowError = {
  /** The Chinese label of the field (姓名, 公民身份号码 …). */
  column: string;
  /** Stable identifier: REQUIRED, ID_NUMBER_INVALID, GENDER_MISMATCH, VOCABULARY, … */
  code: string;
  /** Chinese sentence naming the field and what is wrong with the value. */
  message: string;
};

export type MemberImportRecord = {
  name: string;
  /** Canonical 18-character 公民身份号码 (15-digit legacy numbers converted). */
  idNumber: string;
  /** From the ID number (GB 11643: odd sequence digit = male). */
  gender: Gender;
  /** From the ID number, `YYYY-MM-DD`. */
  birthDate: string;
  phone: string | null;
  ethnicity: Ethnicity | null;
  education: Education | null;
  politicalStatus: PoliticalStatus | null;
  householdType: HouseholdType | null;
  employmentForm: EmploymentForm | null;
  employer: string | null;
  occupation: string | null;
  /** `YYYY-MM-DD`, not in the future and not before the member turned 14. */
  joinedOn: string | null;
  cardNumber: string | null;
  /** A union's code or exact name, as written; the caller resolves it within its scope. */
  org: string | null;
};

export type RowValidation = { ok: true; value: MemberImportRecord } | { ok: false; errors: RowError[] };

/** The cells of a row by field: a `ReadonlyMap<FieldKey, TableCell>`, or a `RowFieldView`. */
export type RowCells = { get(key: FieldKey): TableCell | undefined };

/**
 * A row's cells by field, without building a map per row: `of(cells)` points
 * the view at the next row. One view per file; the validator keeps nothing.
 */
export class RowFieldView implements RowCells {
  private cells: readonly TableCell[] = [];
  private readonly columnOf: Record<FieldKey, number>;

  constructor(columns: ReadonlyMap<FieldKey, number>) {
    this.columnOf = Object.fromEntries(FIELD_KEYS.map((key) => [key, columns.get(key) ?? -1])) as Record<FieldKey, number>;
  }

  of(cells: readonly TableCell[]): this {
    this.cells = cells;
    return this;
  }

  get(key: FieldKey): TableCell {
    const column = this.columnOf[key];
    return column < 0 ? null : (this.cells[column] ?? null);
  }
}

const MAX_LENGTH = { name: 50, employer: 100, occupation: 50, cardNumber: 30, org: 100 } as const;
// Youngest age at which a membership date is believable.
const MIN_JOIN_AGE = 14;

// Middle dots people type between the parts of a minority or foreign name
// (阿依古丽·买买提): bullets, katakana middle dots, Greek ano teleia … all become
// U+00B7, the one the 公安 household register and ID cards print.
const MIDDLE_DOT_LOOKALIKES = /[\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65]/g;
const NAME_ALLOWED = /^[\p{L}\p{M}·.'\- ]+$/u;
const NAME_DIGIT = /\p{Nd}/u;
const NAME_CONTROL = /\p{Cc}|\p{Cf}/u;
const NAME_BAD_CHAR = /[^\p{L}\p{M}·.'\- ]/u;
// Excel shows a long number in a CSV as 1.10101E+17: the digits are already gone.
const SCIENTIFIC = /^\d(?:\.\d+)?E\+?\d+$/i;

const label = (key: FieldKey) => IMPORT_FIELDS[key].label;

function clip(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Text of a cell for a text field: numbers as typed (integers without exponent), dates as YYYY-MM-DD. */
function cellText(cell: string | number | Date): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
  }
  if (Number.isNaN(cell.getTime())) return '';
  return `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`;
}

// Excel keeps 15 significant digits; a longer number in a number cell has lost its tail.
const lostDigits = (cell: TableCell) => typeof cell === 'number' && Math.abs(cell) >= 1e15;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
// The Beijing day last asked for, as [start, end) in epoch ms: callers pass a fresh `now()` for every row.
let todayCache = { start: 0, end: 0, iso: '' };

/** Today's date in China (UTC+8), whatever the server's time zone. */
function todayIso(today: Date): string {
  const time = today.getTime();
  if (time < todayCache.start || time >= todayCache.end) {
    const stamp = beijingDateStamp(today);
    const start = Math.floor((time + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
    todayCache = { start, end: start + DAY_MS, iso: `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}` };
  }
  return todayCache.iso;
}

function vocabularyHint(vocabulary: Vocabulary<string>): string {
  return Object.values(vocabulary.labels).join('、');
}

// Built once: messages listing the accepted values.
const HINTS = {
  gender: vocabularyHint(GENDER),
  education: vocabularyHint(EDUCATION),
  politicalStatus: vocabularyHint(POLITICAL_STATUS),
  householdType: vocabularyHint(HOUSEHOLD_TYPE),
  employmentForm: vocabularyHint(EMPLOYMENT_FORM),
  ethnicity: '民族名称，如“汉族”“回族”“维吾尔族”（GB/T 3304）',
} as const;

type Errors = RowError[];

function fail(errors: Errors, key: FieldKey, code: string, message: string): null {
  errors.push({ column: label(key), code, message });
  return null;
}

const formulaMessage = (key: FieldKey) =>
  `${label(key)}是公式，不能导入公式结果，请将该列“选择性粘贴 → 数值”后重新导入`;

/** The cell of an optional field: null when empty; a formula is reported here. */
function present(errors: Errors, cells: RowCells, key: FieldKey): string | number | Date | null {
  const cell = cells.get(key) ?? null;
  if (cell === null || cell === '') return null;
  if (isFormulaCell(cell)) return fail(errors, key, 'FORMULA_CELL', formulaMessage(key));
  if (typeof cell === 'string' && normalizeText(cell) === '') return null;
  return cell;
}

/** The cell of a required field: missing and formula are reported here. */
function required(errors: Errors, cells: RowCells, key: FieldKey): string | number | Date | null {
  const cell = cells.get(key) ?? null;
  if (isFormulaCell(cell)) return fail(errors, key, 'FORMULA_CELL', formulaMessage(key));
  if (cell === null || (typeof cell === 'string' && normalizeText(cell) === '')) {
    return fail(errors, key, 'REQUIRED', `${label(key)}未填写`);
  }
  return cell;
}

function text(errors: Errors, cells: RowCells, key: FieldKey & keyof typeof MAX_LENGTH, asCode = false): string | null {
  const cell = present(errors, cells, key);
  if (cell === null) return null;
  if (lostDigits(cell)) {
    return fail(errors, key, 'NUMBER_PRECISION_LOST', `${label(key)}被 Excel 存成了数字，后几位已丢失，请将该列设为文本后重新填写`);
  }
  const value = asCode ? normalizeCode(cellText(cell)) : normalizeText(cellText(cell));
  if (value.length > MAX_LENGTH[key]) {
    return fail(errors, key, 'TOO_LONG', `${label(key)}不能超过 ${MAX_LENGTH[key]} 个字，当前为 ${value.length} 个字`);
  }
  return value;
}

function vocabulary<C extends string>(
  errors: Errors,
  cells: RowCells,
  key: FieldKey & keyof typeof HINTS,
  table: Vocabulary<C>,
): C | null {
  const cell = present(errors, cells, key);
  if (cell === null) return null;
  const typed = cellText(cell);
  return lookupVocabulary(table, typed) ?? fail(errors, key, 'VOCABULARY', `${label(key)}“${clip(typed)}”无法识别，请填写：${HINTS[key]}`);
}

/** Validates one row. `today` bounds the birth and membership dates (pass it in tests). */
export function validateMemberRow(cells: RowCells, today: Date): RowValidation {
  const errors: Errors = [];
  const name = validateName(errors, required(errors, cells, 'name'));
  const id = validateIdNumber(errors, required(errors, cells, 'idNumber'), today);
  const phone = validatePhone(errors, present(errors, cells, 'phone'));
  const gender = vocabulary(errors, cells, 'gender', GENDER);
  if (gender !== null && id !== null && gender !== id.gender) {
    fail(
      errors,
      'gender',
      'GENDER_MISMATCH',
      `性别“${GENDER_LABELS[gender]}”与公民身份号码不符：号码第 17 位表示${GENDER_LABELS[id.gender]}性`,
    );
  }
  checkBirthDate(errors, present(errors, cells, 'birthDate'), id);
  const ethnicity = vocabulary(errors, cells, 'ethnicity', ETHNICITY);
  const education = vocabulary(errors, cells, 'education', EDUCATION);
  const politicalStatus = vocabulary(errors, cells, 'politicalStatus', POLITICAL_STATUS);
  const householdType = vocabulary(errors, cells, 'householdType', HOUSEHOLD_TYPE);
  const employmentForm = vocabulary(errors, cells, 'employmentForm', EMPLOYMENT_FORM);
  const employer = text(errors, cells, 'employer');
  const occupation = text(errors, cells, 'occupation');
  const joinedOn = validateJoinedOn(errors, present(errors, cells, 'joinedOn'), id, todayIso(today));
  const cardNumber = text(errors, cells, 'cardNumber', true);
  const org = text(errors, cells, 'org');

  if (errors.length > 0 || name === null || id === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      name,
      idNumber: id.idNumber,
      gender: id.gender,
      birthDate: id.birthDate,
      phone,
      ethnicity,
      education,
      politicalStatus,
      householdType,
      employmentForm,
      employer,
      occupation,
      joinedOn,
      cardNumber,
      org,
    },
  };
}

function validateName(errors: Errors, value: string | number | Date | null): string | null {
  if (value === null) return null;
  const name = normalizeText(cellText(value)).replace(MIDDLE_DOT_LOOKALIKES, '·');
  if (name.length > MAX_LENGTH.name && [...name].length > MAX_LENGTH.name) {
    return fail(errors, 'name', 'TOO_LONG', `姓名不能超过 ${MAX_LENGTH.name} 个字，当前为 ${[...name].length} 个字`);
  }
  if (NAME_ALLOWED.test(name)) return name;
  if (NAME_DIGIT.test(name)) return fail(errors, 'name', 'NAME_INVALID', `姓名“${clip(name)}”不能含数字`);
  if (NAME_CONTROL.test(name)) return fail(errors, 'name', 'NAME_INVALID', '姓名含有不可见的控制字符，请重新输入');
  const bad = NAME_BAD_CHAR.exec(name)?.[0] ?? '';
  return fail(
    errors,
    'name',
    'NAME_INVALID',
    `姓名“${clip(name)}”含有不允许的字符“${bad}”（少数民族姓名中的分隔点请用“·”）`,
  );
}

function validateIdNumber(errors: Errors, value: string | number | Date | null, today: Date): IdNumberInfo | null {
  if (value === null) return null;
  const typed = cellText(value);
  if (lostDigits(value) || (typeof value === 'string' && SCIENTIFIC.test(typed.trim()))) {
    return fail(errors, 'idNumber', 'ID_NUMBER_AS_NUMBER', '身份证号被 Excel 存成了数字，后几位已丢失，请将该列设为文本后重新填写');
  }
  if (value instanceof Date) {
    return fail(errors, 'idNumber', 'ID_NUMBER_INVALID', `公民身份号码“${typed}”是日期，不是身份证号`);
  }
  const parsed = parseIdNumber(typed, today);
  return parsed.ok ? parsed.value : fail(errors, 'idNumber', 'ID_NUMBER_INVALID', parsed.message);
}

function validatePhone(errors: Errors, value: string | number | Date | null): string | null {
  if (value === null) return null;
  const typed = cellText(value);
  const parsed = parseMobile(typed);
  return parsed.ok
    ? parsed.value.mobile
    : fail(errors, 'phone', 'PHONE_INVALID', `${parsed.message}（填写的是“${clip(typed)}”）`);
}

/**
 * The file's birth date only cross-checks the one the ID number encodes.
 * "出生年月" columns often hold just a year and month (1990.05), and Excel
 * turns a typed "1990-05" into the date 1990-05-01: both are compared by month.
 */
function checkBirthDate(errors: Errors, cell: string | number | Date | null, id: IdNumberInfo | null): void {
  if (cell === null) return;
  const full = normalizeDate(cell);
  let given: string;
  let byMonth: boolean;
  if (full.ok) {
    given = full.value;
    byMonth = typeof cell !== 'string' && given.endsWith('-01') && id !== null && given.slice(0, 7) === id.birthDate.slice(0, 7);
  } else {
    const month = normalizeYearMonth(cell);
    if (!month.ok) {
      fail(errors, 'birthDate', 'DATE_INVALID', `出生日期${full.message}`);
      return;
    }
    given = month.value;
    byMonth = true;
  }
  if (id === null) return;
  const expected = byMonth ? id.birthDate.slice(0, 7) : id.birthDate;
  if (given.slice(0, expected.length) !== expected) {
    fail(errors, 'birthDate', 'BIRTH_DATE_MISMATCH', `出生日期 ${given} 与公民身份号码中的出生日期 ${id.birthDate} 不符`);
  }
}

function validateJoinedOn(
  errors: Errors,
  cell: string | number | Date | null,
  id: IdNumberInfo | null,
  today: string,
): string | null {
  if (cell === null) return null;
  const date = normalizeDate(cell);
  if (!date.ok) return fail(errors, 'joinedOn', 'DATE_INVALID', `入会日期${date.message}`);
  if (date.value > today) {
    return fail(errors, 'joinedOn', 'DATE_OUT_OF_RANGE', `入会日期 ${date.value} 晚于今天（${today}）`);
  }
  if (id !== null) {
    const earliest = addYears(id.birthDate, MIN_JOIN_AGE);
    if (date.value < earliest) {
      return fail(
        errors,
        'joinedOn',
        'DATE_OUT_OF_RANGE',
        `入会日期 ${date.value} 早于会员年满 ${MIN_JOIN_AGE} 周岁的日期（${earliest}），请核对`,
      );
    }
  }
  return date.value;
}
