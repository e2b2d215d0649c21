import { expect, it } from 'vitest';
import type { CivilAffairsCheck, CivilAffairsHousehold } from '../civil-affairs-check';

/**
 * The contract every civil-affairs driver must pass (call it from the driver's
 * own test, inside a describe). A connected driver runs it against the
 * civil-affairs test environment, with fixtures of families that environment
 * knows: one whose records agree with the declaration, one with a vehicle.
 */
export type CivilAffairsFixtures = {
  /** A family whose records agree with what it declared. */
  clear: CivilAffairsHousehold;
  /** A family with a registered motor vehicle. */
  withVehicle: CivilAffairsHousehold;
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function civilAffairsContract(makeDriver: () => CivilAffairsCheck, fixtures: CivilAffairsFixtures): void {
  it('names itself, for the record kept with every answer', () => {
    expect(makeDriver().driver).toMatch(/^[a-z][a-z0-9_-]{1,39}$/);
  });

  it('answers clear with no findings for a family whose records agree', async () => {
    expect(await makeDriver().check(fixtures.clear)).toEqual({ status: 'clear', findings: [] });
  });

  it('answers mismatch with a vehicle finding, in Chinese, for a family with a vehicle', async () => {
    const answer = await makeDriver().check(fixtures.withVehicle);
    expect(answer.status).toBe('mismatch');
    expect(answer.findings.map((finding) => finding.code)).toContain('vehicle');
    for (const finding of answer.findings) {
      expect(finding.code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('never puts an ID number in a finding (findings are stored and shown to reviewers)', async () => {
    for (const household of [fixtures.clear, fixtures.withVehicle]) {
      const answer = await makeDriver().check(household);
      const text = JSON.stringify(answer);
      for (const member of household.members) expect(text).not.toContain(member.idNumber);
      expect(text).not.toMatch(/\d{17}[\dXx]/);
    }
  });

  it('gives the same answer for the same family, and leaves the input untouched', async () => {
    const driver = makeDriver();
    const before = clone(fixtures.withVehicle);
    const first = await driver.check(fixtures.withVehicle);
    const second = await driver.check(fixtures.withVehicle);
    expect(second).toEqual(first);
    expect(fixtures.withVehicle).toEqual(before);
  });

  it('is mismatch exactly when it has findings', async () => {
    for (const household of [fixtures.clear, fixtures.withVehicle]) {
      const answer = await makeDriver().check(household);
      expect(['clear', 'mismatch']).toContain(answer.status);
      expect(answer.status === 'mismatch').toBe(answer.findings.length > 0);
    }
  });
}
