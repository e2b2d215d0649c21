import { describe, expect, it } from 'vitest';
import { ZCreateHousehold, ZUpdateHousehold, type THouseholdDetail } from '../household-contract';
import { placeFieldErrors } from '../../../web/forms/field-errors';
import { HOUSEHOLD_FORM_FIELDS, householdBody, valuesFromDetail } from './household-form-values';

/** A valid GB 11643 number (雁塔区, born 1982-03-09; makeIdNumber('610113', '1982-03-09', 222)). */
const SPOUSE_ID = '610113198203092222';

describe('householdBody (the household form to the request)', () => {
  it('makes a valid 建档 body: empty amounts 0, no disability type = none, no bank = null, the worker by default employed', () => {
    const body = householdBody(
      {
        membershipId: 7,
        annualIncome: 36000,
        rigidExpenses: { medical: 8000, education: null },
        mainCause: 'illness',
        secondaryCauses: ['education'],
        worker: { illnesses: ['malignant_tumour'], disability: { type: undefined, grade: 2 } },
        members: [{ relation: 'spouse', name: ' 刘桂兰 ', idNumber: SPOUSE_ID, employment: 'unemployed', disability: { type: 'physical', grade: 2 } }],
      },
      { editing: false },
    );
    expect(body.rigidExpenses).toEqual({ medical: 8000, education: 0, disability: 0, jobCosts: 0 });
    expect(body.bank).toBeNull();
    expect(body.laborRelationMonths).toBeNull();
    expect(body.worker).toEqual({ illnesses: ['malignant_tumour'], disability: null, employment: 'employed', annualIncome: 0 });
    expect(body.members).toEqual([
      { relation: 'spouse', name: '刘桂兰', idNumber: SPOUSE_ID, illnesses: [], disability: { type: 'physical', grade: 2 }, employment: 'unemployed', annualIncome: 0 },
    ]);
    const parsed = ZCreateHousehold.safeParse({ membershipId: 7, ...body });
    expect(parsed.success).toBe(true);
  });

  it('on an edit keeps the write-only fields on file: an empty bank account or a member’s empty ID number is left out', () => {
    const body = householdBody(
      {
        annualIncome: 40000,
        mainCause: 'illness',
        bank: { bankName: '中国工商银行西安雁塔支行', accountNumber: '', accountMasked: '6222 **** 3445' },
        members: [{ id: 12, relation: 'child', name: '王小明', idNumber: '', idNumberMasked: '610***', employment: 'student' }],
      },
      { editing: true },
    );
    expect(body.bank).toEqual({ bankName: '中国工商银行西安雁塔支行' });
    expect(body.members[0]).not.toHaveProperty('idNumber');
    expect(body.members[0]).toMatchObject({ id: 12, name: '王小明' });
    expect(ZUpdateHousehold.safeParse({ expectedVersion: 3, ...body }).success).toBe(true);
  });

  it('sends a new member without an ID number as an empty one, so the server names the missing field', () => {
    const body = householdBody({ annualIncome: 1, mainCause: 'illness', members: [{ relation: 'child', name: '王小明' }] }, { editing: true });
    expect(body.members[0]).toHaveProperty('idNumber', '');
    const parsed = ZUpdateHousehold.safeParse({ expectedVersion: 1, ...body });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('members.0.idNumber');
  });

  it('keeps the months of labour only for a 农民工', () => {
    expect(householdBody({ workerType: 'worker', laborRelationMonths: 14, mainCause: 'illness' }, { editing: false }).laborRelationMonths).toBeNull();
    expect(householdBody({ workerType: 'migrant_worker', laborRelationMonths: 14, mainCause: 'illness' }, { editing: false }).laborRelationMonths).toBe(14);
  });
});

describe('valuesFromDetail (a file to the edit form)', () => {
  it('takes the main worker’s facts from the member 本人 and the others as members on file, and round-trips to a valid edit', () => {
    const member = (over: Partial<THouseholdDetail['members'][number]>): THouseholdDetail['members'][number] => ({
      id: 1,
      position: 0,
      relation: 'self',
      relationLabel: '本人',
      name: '王建国',
      idNumberMasked: '610***********1234',
      gender: 'male',
      age: 46,
      healthLabel: '恶性肿瘤',
      illnesses: ['malignant_tumour'],
      disability: null,
      employment: 'employed',
      annualIncome: 30000,
      ...over,
    });
    const detail = {
      regionCode: '610113',
      dibaoArea: 'urban',
      workerType: 'worker',
      laborRelationMonths: null,
      annualIncome: 36000,
      rigidExpenses: { medical: 8000, education: 4000, disability: 0, jobCosts: 0 },
      suddenCosts: 0,
      suddenEvent: null,
      exclusions: [],
      declaredProperty: { vehicles: 0, houses: 1 },
      mainCause: 'illness',
      secondaryCauses: ['education'],
      bank: { bankName: '中国工商银行', accountMasked: '6222***********3445' },
      members: [member({}), member({ id: 2, position: 1, relation: 'spouse', name: '刘桂兰', disability: { type: 'physical', grade: 2 }, illnesses: [], employment: 'unemployed', annualIncome: 0 })],
    } as unknown as THouseholdDetail;
    const values = valuesFromDetail(detail);
    expect(values.worker).toEqual({ illnesses: ['malignant_tumour'], disability: undefined, employment: 'employed', annualIncome: 30000 });
    expect(values.members).toEqual([
      { id: 2, relation: 'spouse', name: '刘桂兰', idNumberMasked: '610***********1234', illnesses: [], disability: { type: 'physical', grade: 2 }, employment: 'unemployed', annualIncome: 0 },
    ]);
    const body = householdBody(values, { editing: true });
    expect(body.bank).toEqual({ bankName: '中国工商银行' });
    expect(ZUpdateHousehold.safeParse({ expectedVersion: 2, ...body }).success).toBe(true);
  });
});

describe('placeFieldErrors (server field paths to form fields)', () => {
  it('puts each detail on its field, list indexes as numbers, an array item on its list field', () => {
    const { placed, unplaced } = placeFieldErrors({
      message: '请求内容字段「members.1.idNumber」有误：公民身份号码校验码错误',
      field: 'members.1.idNumber',
      details: [
        { field: 'members.1.idNumber', message: '公民身份号码校验码错误' },
        { field: 'members.0.disability.grade', message: '残疾等级应为一级至四级（1–4）' },
        { field: 'secondaryCauses.0', message: '次要致困原因不在目录中' },
        { field: 'rigidExpenses.medical', message: '医疗支出最多保留两位小数（精确到分）' },
      ],
    }, HOUSEHOLD_FORM_FIELDS);
    expect(placed).toEqual([
      { name: ['members', 1, 'idNumber'], errors: ['公民身份号码校验码错误'] },
      { name: ['members', 0, 'disability', 'grade'], errors: ['残疾等级应为一级至四级（1–4）'] },
      { name: ['secondaryCauses'], errors: ['次要致困原因不在目录中'] },
      { name: ['rigidExpenses', 'medical'], errors: ['医疗支出最多保留两位小数（精确到分）'] },
    ]);
    expect(unplaced).toEqual([]);
  });

  it('places a use case’s refusal by its own field and message (no details)', () => {
    expect(placeFieldErrors({ message: '请填写银行账号', field: 'bank.accountNumber' }, HOUSEHOLD_FORM_FIELDS)).toEqual({
      placed: [{ name: ['bank', 'accountNumber'], errors: ['请填写银行账号'] }],
      unplaced: [],
    });
  });

  it('returns what no form field matches for the alert: no field, an unknown field, an index where a name belongs', () => {
    expect(placeFieldErrors({ message: '该档案已被他人修改，请刷新后重试' }, HOUSEHOLD_FORM_FIELDS)).toEqual({ placed: [], unplaced: ['该档案已被他人修改，请刷新后重试'] });
    const { placed, unplaced } = placeFieldErrors({
      message: 'x',
      details: [
        { field: 'expectedVersion', message: '版本号须为正整数' },
        { field: 'members.first.name', message: '请填写家庭成员姓名' },
      ],
    }, HOUSEHOLD_FORM_FIELDS);
    expect(placed).toEqual([{ name: ['members'], errors: ['请填写家庭成员姓名'] }]);
    expect(unplaced).toEqual(['版本号须为正整数（expectedVersion）']);
  });

  it('matches only the fields it is given (the action dialog’s form.visitDate)', () => {
    expect(placeFieldErrors({ message: '“入户调查日期”不能晚于今天', field: 'form.visitDate' }, ['form.visitDate', 'comment'])).toEqual({
      placed: [{ name: ['form', 'visitDate'], errors: ['“入户调查日期”不能晚于今天'] }],
      unplaced: [],
    });
  });
});
