import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../core/cn/id-number';
import type { CivilAffairsHousehold } from './civil-affairs-check';
import { localCivilAffairsCheck } from './local-civil-affairs-check';
import { civilAffairsContract } from './testing/civil-affairs-contract';

/** A family of three: the worker, a spouse and a child, 30000 a year declared, 28000 earned. */
const family = (changes: Partial<CivilAffairsHousehold> = {}): CivilAffairsHousehold => ({
  regionCode: '610113',
  householdSize: 3,
  annualIncome: 30000,
  declaredProperty: { vehicles: 0, houses: 1 },
  members: [
    { position: 1, relation: 'self', name: '王建国', idNumber: makeIdNumber('610113', '1980-05-01', 11), employment: 'employed', annualIncome: 24000 },
    { position: 2, relation: 'spouse', name: '李秀英', idNumber: makeIdNumber('610113', '1982-03-09', 22), employment: 'flexible', annualIncome: 4000 },
    { position: 3, relation: 'child', name: '王小明', idNumber: makeIdNumber('610113', '2012-09-01', 31), employment: 'student', annualIncome: 0 },
  ],
  ...changes,
});

describe('local civil-affairs check: the contract every driver passes', () => {
  civilAffairsContract(() => localCivilAffairsCheck, { clear: family(), withVehicle: family({ declaredProperty: { vehicles: 1, houses: 1 } }) });
});

describe('local civil-affairs check: its rules on the declared data', () => {
  it('flags more than one house, but not one', async () => {
    expect((await localCivilAffairsCheck.check(family({ declaredProperty: { vehicles: 0, houses: 1 } }))).status).toBe('clear');
    expect(await localCivilAffairsCheck.check(family({ declaredProperty: { vehicles: 0, houses: 2 } }))).toEqual({
      status: 'mismatch',
      findings: [{ code: 'multiple_houses', message: '家庭名下登记有住房 2 套（排除性条件）' }],
    });
  });

  it('flags members earning more than the household declared, to the fen, and not at equality', async () => {
    expect((await localCivilAffairsCheck.check(family({ annualIncome: 28000 }))).status).toBe('clear');
    expect(await localCivilAffairsCheck.check(family({ annualIncome: 27999.99 }))).toEqual({
      status: 'mismatch',
      findings: [{ code: 'income_understated', message: '家庭成员收入合计 28000 元，高于申报的家庭年度可支配收入 27999.99 元' }],
    });
  });

  it('flags a member list of another size than declared, and gives every finding at once', async () => {
    const answer = await localCivilAffairsCheck.check(family({ householdSize: 4, declaredProperty: { vehicles: 2, houses: 3 } }));
    expect(answer.findings.map((finding) => finding.code)).toEqual(['vehicle', 'multiple_houses', 'household_size']);
    expect(answer.findings[0]!.message).toBe('家庭名下登记有机动车辆 2 辆（排除性条件）');
  });
});
