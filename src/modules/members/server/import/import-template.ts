/**
 * The member import template: the header the reader matches, an example
 * row, drop-down lists for the controlled vocabularies and a sheet of
 * instructions. ID and phone columns are text so Excel does not turn an
 * 18-digit number into 1.10101E+17 (it keeps only 15 significant digits).
 */
import ExcelJS from 'exceljs';
import { EMPLOYMENT_FORM_LABELS } from '../../contract';
import { makeIdNumber } from '../../../../core/cn/id-number';
import {
  EDUCATION_LABELS,
  ETHNICITY_CODES,
  ETHNICITY_LABELS,
  GENDER_LABELS,
  HOUSEHOLD_TYPE_LABELS,
  POLITICAL_STATUS_LABELS,
} from '../../vocabulary';
import { FIELD_KEYS, IMPORT_FIELDS, type FieldKey } from './header-map';

/** A valid but invented number (region 610113, 西安市雁塔区): the importer can refuse a forgotten example row. */
export const TEMPLATE_EXAMPLE_ID_NUMBER = makeIdNumber('610113', '1990-05-01', 123);

const DATA_SHEET = '会员信息';
const GUIDE_SHEET = '填写说明';
const LISTS_SHEET = '下拉选项';
// Rows under the header that get the drop-down lists and the text format.
const PREPARED_ROWS = 1000;

const EXAMPLE: Record<FieldKey, string | Date> = {
  name: '王小明',
  idNumber: TEMPLATE_EXAMPLE_ID_NUMBER,
  phone: '13800138000',
  gender: GENDER_LABELS.male,
  birthDate: new Date(Date.UTC(1990, 4, 1)),
  ethnicity: ETHNICITY_LABELS['01'],
  education: EDUCATION_LABELS.bachelor,
  politicalStatus: POLITICAL_STATUS_LABELS.masses,
  householdType: HOUSEHOLD_TYPE_LABELS.non_agricultural,
  employmentForm: EMPLOYMENT_FORM_LABELS.courier,
  employer: '西安某某快递服务有限公司',
  occupation: '快递员',
  joinedOn: new Date(Date.UTC(2023, 4, 1)),
  cardNumber: 'HY2023000001',
  // Empty: the row goes to the union chosen for the import (a code or exact name would place it elsewhere).
  org: '',
};

const TEXT_COLUMNS: readonly FieldKey[] = ['idNumber', 'phone', 'cardNumber', 'org'];
const DATE_COLUMNS: readonly FieldKey[] = ['birthDate', 'joinedOn'];

/** Controlled vocabularies offered as drop-down lists (labels; the import also accepts common synonyms). */
const LISTS: Partial<Record<FieldKey, readonly string[]>> = {
  gender: Object.values(GENDER_LABELS),
  ethnicity: ETHNICITY_CODES.map((code) => ETHNICITY_LABELS[code]),
  education: Object.values(EDUCATION_LABELS),
  politicalStatus: Object.values(POLITICAL_STATUS_LABELS),
  householdType: Object.values(HOUSEHOLD_TYPE_LABELS),
  employmentForm: Object.values(EMPLOYMENT_FORM_LABELS),
};

const GUIDE: Record<FieldKey, string> = {
  name: '与身份证一致，不超过 50 个字；少数民族姓名中的分隔点请用“·”',
  idNumber: '18 位公民身份号码（GB 11643），末位 X 大小写均可；旧 15 位号码会自动转换。请保持本列为文本格式',
  phone: '11 位手机号码，可带 +86',
  gender: '可不填，以身份证号为准；填写时须与身份证号一致',
  birthDate: '可不填，以身份证号为准；填写时须一致。可写 1990-05-01、1990.5.1、1990年5月1日 或 19900501',
  ethnicity: '民族全称或简称（GB/T 3304），如“汉族”或“汉”',
  education: '从下拉列表选择；也可填“本科”“大专”“硕士”“技校”等',
  politicalStatus: '从下拉列表选择（GB/T 4762）；也可填“党员”“团员”等',
  householdType: '从下拉列表选择；也可填“农业”“城镇”“居民”',
  employmentForm: '从下拉列表选择；也可填“快递”“外卖骑手”“网约车”“派遣”等',
  employer: '工作单位或所在平台，不超过 100 个字',
  occupation: '职业或岗位，不超过 50 个字',
  joinedOn: '不晚于今天，且不早于年满 14 周岁；格式同出生日期',
  cardNumber: '会员证号，不超过 30 个字符',
  org: '所属工会的全称（与系统中一致）或工会代码',
};

const headerLabel = (key: FieldKey) => `${IMPORT_FIELDS[key].label}${IMPORT_FIELDS[key].required ? '*' : ''}`;

function addDataSheet(workbook: ExcelJS.Workbook, listRanges: Map<FieldKey, string>): void {
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = FIELD_KEYS.map((key) => ({
    key,
    width: key === 'idNumber' ? 22 : key === 'employer' || key === 'org' ? 30 : 14,
  }));
  const header = sheet.addRow(FIELD_KEYS.map(headerLabel));
  header.font = { bold: true };
  header.eachCell((cell, column) => {
    const key = FIELD_KEYS[column - 1];
    const required = key !== undefined && IMPORT_FIELDS[key].required;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: required ? 'FFFDE2E1' : 'FFE8EEF6' } };
  });
  const example = sheet.addRow(FIELD_KEYS.map((key) => EXAMPLE[key]));
  example.font = { italic: true, color: { argb: 'FF7A7F87' } };

  FIELD_KEYS.forEach((key, index) => {
    const column = index + 1;
    const isText = TEXT_COLUMNS.includes(key);
    const isDate = DATE_COLUMNS.includes(key);
    const list = listRanges.get(key);
    for (let row = 2; row <= PREPARED_ROWS + 1; row++) {
      const cell = sheet.getCell(row, column);
      if (isText) cell.numFmt = '@';
      if (isDate) cell.numFmt = 'yyyy-mm-dd';
      if (list) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [list],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: IMPORT_FIELDS[key].label,
          error: `请从下拉列表中选择${IMPORT_FIELDS[key].label}`,
        };
      }
    }
  });
}

const LIST_ENTRIES = Object.entries(LISTS) as [FieldKey, readonly string[]][];

/** Where each list lies on the hidden lists sheet: one column per list, A, B, C … */
function listRanges(): Map<FieldKey, string> {
  return new Map(
    LIST_ENTRIES.map(([key, values], index) => {
      const letter = String.fromCharCode(0x41 + index);
      return [key, `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${values.length}`];
    }),
  );
}

/** A hidden sheet holding the lists: list validations may exceed Excel's 255-character inline limit (56 民族). */
function addListsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  LIST_ENTRIES.forEach(([, values], index) => {
    values.forEach((value, row) => {
      sheet.getCell(row + 1, index + 1).value = value;
    });
  });
}

function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 16 }, { width: 10 }, { width: 60 }, { width: 70 }];
  const notes = [
    '会员信息导入填写说明',
    '1. 第一行是表头，请勿修改列名；列的顺序可以调整，用不到的非必填列可以删除。带 * 的列必须填写。',
    '2. 每行填写一名会员。第 2 行是示例，导入前请删除。',
    '3. 公民身份号码、手机号码、会员证号请保持文本格式：若被 Excel 显示为 1.10101E+17，后几位已丢失，须重新填写。',
    '4. 不要使用公式；从其他表格复制时请“选择性粘贴 → 数值”。',
    '5. 性别和出生日期以公民身份号码为准，填写了则须与号码一致。',
    '6. 也可另存为 CSV（UTF-8 或 GBK 编码均可）后导入。',
  ];
  notes.forEach((text, index) => {
    const row = sheet.addRow([text]);
    if (index === 0) row.font = { bold: true, size: 14 };
  });
  sheet.addRow([]);
  const header = sheet.addRow(['列名', '是否必填', '填写要求', '可填写的值']);
  header.font = { bold: true };
  for (const key of FIELD_KEYS) {
    const row = sheet.addRow([
      IMPORT_FIELDS[key].label,
      IMPORT_FIELDS[key].required ? '必填' : '',
      GUIDE[key],
      LISTS[key]?.join('、') ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The template as .xlsx bytes: data sheet first (the importer reads the first visible sheet). */
export async function writeImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会工作平台';
  addDataSheet(workbook, listRanges());
  addGuideSheet(workbook);
  addListsSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
