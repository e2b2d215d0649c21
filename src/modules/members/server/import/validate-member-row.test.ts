import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../core/cn/id-number';
import type { FieldKey } from './header-map';
import { FORMULA_CELL, type TableCell } from './table-cell';
import { RowFieldView, validateMemberRow, type RowError } from './validate-member-row';

// 2026-11-21 12:00 in Beijing.
const TODAY = new Date('2026-11-21T04:00:00Z');
const MALE_ID = makeIdNumber('610113', '1990-05-01', 123); // sequence 123: odd, male
const FEMALE_ID = makeIdNumber('610113', '1992-02-29', 124);

function validate(cells: Partial<Record<FieldKey, TableCell>>) {
  return validateMemberRow(new Map(Object.entries(cells) as [FieldKey, TableCell][]), TODAY);
}

function errorsOf(cells: Partial<Record<FieldKey, TableCell>>): RowError[] {
  const result = validate(cells);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateMemberRow', () => {
  it('builds the record, deriving gender and birth date from the ID number', () => {
    const result = validate({
      name: ' 阿依古丽•买买提 ',
      idNumber: MALE_ID.toLowerCase(),
      phone: 13800138000,
      gender: '男',
      birthDate: '1990年5月1日',
      ethnicity: '维吾尔',
      education: '本科',
      politicalStatus: '党员',
      householdType: '农村',
      employmentForm: '外卖骑手',
      employer: '  某某  外卖平台 ',
      occupation: '骑手',
      joinedOn: 45047,
      cardNumber: 'hy 2023 0001',
      org: '西安市雁塔区总工会',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: '阿依古丽·买买提',
        idNumber: MALE_ID,
        gender: 'male',
        birthDate: '1990-05-01',
        phone: '13800138000',
        ethnicity: '05',
        education: 'bachelor',
        politicalStatus: 'cpc_member',
        householdType: 'agricultural',
        employmentForm: 'food_delivery',
        employer: '某某 外卖平台',
        occupation: '骑手',
        joinedOn: '2023-05-01',
        cardNumber: 'HY20230001',
        org: '西安市雁塔区总工会',
      },
    });
  });

  it('turns empty optional cells into null', () => {
    const result = validate({ name: '李四', idNumber: FEMALE_ID, phone: '  ', gender: null, org: '' });
    expect(result.ok && result.value).toMatchObject({
      gender: 'female',
      birthDate: '1992-02-29',
      phone: null,
      ethnicity: null,
      joinedOn: null,
      org: null,
    });
  });

  it('converts legacy 15-digit numbers and full-width digits', () => {
    // 15-digit form of 110101 1990-03-07 sequence 123 → 18 digits with "19" and a check character.
    const legacy = '110101900307123';
    const result = validate({ name: '张三', idNumber: legacy });
    expect(result.ok && result.value.idNumber).toBe(makeIdNumber('110101', '1990-03-07', 123));
    const fullWidth = MALE_ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(validate({ name: '张三', idNumber: fullWidth }).ok).toBe(true);
    // Stored as a number in Excel, a 15-digit number is still exact.
    expect(validate({ name: '张三', idNumber: Number(legacy) }).ok).toBe(true);
  });

  it('explains an ID number Excel stored as a number (digits lost)', () => {
    const message = '身份证号被 Excel 存成了数字，后几位已丢失，请将该列设为文本后重新填写';
    expect(errorsOf({ name: '张三', idNumber: Number(MALE_ID.slice(0, 17)) * 10 })).toEqual([
      { column: '公民身份号码', code: 'ID_NUMBER_AS_NUMBER', message },
    ]);
    expect(errorsOf({ name: '张三', idNumber: '6.10113E+17' })[0]?.message).toBe(message);
  });

  it('reports an invalid ID number with the reason', () => {
    const wrongCheck = MALE_ID.slice(0, 17) + (MALE_ID.endsWith('0') ? '1' : '0');
    expect(errorsOf({ name: '张三', idNumber: wrongCheck })).toEqual([
      { column: '公民身份号码', code: 'ID_NUMBER_INVALID', message: expect.stringContaining('校验位错误') },
    ]);
  });

  it('reports gender and birth date that contradict the ID number', () => {
    expect(errorsOf({ name: '张三', idNumber: MALE_ID, gender: '女', birthDate: '1990-05-02' })).toEqual([
      { column: '性别', code: 'GENDER_MISMATCH', message: '性别“女”与公民身份号码不符：号码第 17 位表示男性' },
      {
        column: '出生日期',
        code: 'BIRTH_DATE_MISMATCH',
        message: '出生日期 1990-05-02 与公民身份号码中的出生日期 1990-05-01 不符',
      },
    ]);
  });

  it('compares a year-month 出生年月 by month', () => {
    expect(validate({ name: '张三', idNumber: FEMALE_ID, birthDate: '1992.02' }).ok).toBe(true);
    // Excel turns a typed "1992-02" into the date 1992-02-01.
    expect(validate({ name: '张三', idNumber: FEMALE_ID, birthDate: new Date(Date.UTC(1992, 1, 1)) }).ok).toBe(true);
    expect(errorsOf({ name: '张三', idNumber: FEMALE_ID, birthDate: '1992.03' })[0]?.code).toBe('BIRTH_DATE_MISMATCH');
  });

  it('collects every error of the row', () => {
    const errors = errorsOf({
      name: '张3',
      idNumber: null,
      phone: '1380013800',
      gender: '未知',
      birthDate: '2023-02-30',
      ethnicity: '火星族',
      education: '幼儿园',
      politicalStatus: '党外',
      householdType: '海外',
      employmentForm: '老板',
      employer: '单'.repeat(101),
      joinedOn: '2030-01-01',
      cardNumber: FORMULA_CELL,
    });
    expect(errors.map((error) => [error.column, error.code])).toEqual([
      ['姓名', 'NAME_INVALID'],
      ['公民身份号码', 'REQUIRED'],
      ['手机号码', 'PHONE_INVALID'],
      ['性别', 'VOCABULARY'],
      ['出生日期', 'DATE_INVALID'],
      ['民族', 'VOCABULARY'],
      ['学历', 'VOCABULARY'],
      ['政治面貌', 'VOCABULARY'],
      ['户籍类型', 'VOCABULARY'],
      ['就业形态', 'VOCABULARY'],
      ['工作单位', 'TOO_LONG'],
      ['入会日期', 'DATE_OUT_OF_RANGE'],
      ['会员证号', 'FORMULA_CELL'],
    ]);
    const byColumn = Object.fromEntries(errors.map((error) => [error.column, error.message]));
    expect(byColumn['姓名']).toBe('姓名“张3”不能含数字');
    expect(byColumn['手机号码']).toBe('手机号码应为 11 位数字，当前为 10 位（填写的是“1380013800”）');
    expect(byColumn['出生日期']).toBe('出生日期“2023-02-30”不是有效日期：2023 年 2 月没有 30 日');
    expect(byColumn['性别']).toBe('性别“未知”无法识别，请填写：男、女');
    expect(byColumn['入会日期']).toBe('入会日期 2030-01-01 晚于今天（2026-11-21）');
  });

  it('requires name and ID number', () => {
    expect(errorsOf({})).toEqual([
      { column: '姓名', code: 'REQUIRED', message: '姓名未填写' },
      { column: '公民身份号码', code: 'REQUIRED', message: '公民身份号码未填写' },
    ]);
  });

  it('checks names: length, digits, control characters, symbols', () => {
    expect(validate({ name: 'Mary Jane O\'Neil-Smith', idNumber: MALE_ID }).ok).toBe(true);
    expect(errorsOf({ name: '张'.repeat(51), idNumber: MALE_ID })[0]).toMatchObject({ code: 'TOO_LONG' });
    expect(errorsOf({ name: '张\u0007三', idNumber: MALE_ID })[0]?.message).toBe('姓名含有不可见的控制字符，请重新输入');
    expect(errorsOf({ name: '=HYPERLINK("x")', idNumber: MALE_ID })[0]).toMatchObject({
      code: 'NAME_INVALID',
      message: expect.stringContaining('不允许的字符“=”'),
    });
  });

  it('refuses formulas in any field', () => {
    expect(errorsOf({ name: FORMULA_CELL, idNumber: FORMULA_CELL }).map((error) => error.code)).toEqual([
      'FORMULA_CELL',
      'FORMULA_CELL',
    ]);
  });

  it('bounds the membership date by today and the age of 14', () => {
    expect(errorsOf({ name: '张三', idNumber: MALE_ID, joinedOn: '2004-04-30' })).toEqual([
      {
        column: '入会日期',
        code: 'DATE_OUT_OF_RANGE',
        message: '入会日期 2004-04-30 早于会员年满 14 周岁的日期（2004-05-01），请核对',
      },
    ]);
    expect(validate({ name: '张三', idNumber: MALE_ID, joinedOn: '2004-05-01' }).ok).toBe(true);
    expect(validate({ name: '张三', idNumber: MALE_ID, joinedOn: '2026-11-21' }).ok).toBe(true);
  });

  it('takes today in Beijing time, whatever the server time zone', () => {
    const row = new Map<FieldKey, TableCell>([['name', '张三'], ['idNumber', MALE_ID], ['joinedOn', '2026-11-21']]);
    // 23:59 on 11-20 in Beijing, then 00:30 on 11-21.
    expect(validateMemberRow(row, new Date('2026-11-20T15:59:00Z')).ok).toBe(false);
    expect(validateMemberRow(row, new Date('2026-11-20T16:30:00Z')).ok).toBe(true);
    expect(validateMemberRow(row, new Date('2026-11-20T15:59:00Z')).ok).toBe(false);
  });

  it('reports card numbers that lost digits as numbers', () => {
    expect(errorsOf({ name: '张三', idNumber: MALE_ID, cardNumber: 6217000012345678000 })[0]).toMatchObject({
      column: '会员证号',
      code: 'NUMBER_PRECISION_LOST',
    });
    expect(validate({ name: '张三', idNumber: MALE_ID, cardNumber: 20230001 }).ok && true).toBe(true);
  });

  it('reads cells through a RowFieldView without building a map per row', () => {
    const view = new RowFieldView(new Map<FieldKey, number>([['idNumber', 0], ['name', 2]]));
    const first = validateMemberRow(view.of([MALE_ID, 'x', '张三']), TODAY);
    const second = validateMemberRow(view.of([FEMALE_ID, 'x', '李四']), TODAY);
    expect(first.ok && first.value.name).toBe('张三');
    expect(second.ok && second.value.gender).toBe('female');
    expect(view.get('phone')).toBeNull();
  });
});
