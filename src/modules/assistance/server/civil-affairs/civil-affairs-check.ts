import type { Employment, Relation } from '../../vocabulary';

/**
 * The civil-affairs data check (家庭经济状况核对, domain.md §2.2 step 4): the
 * higher union's 困难职工帮扶中心 asks the 民政部门低保信息核对中心 of the same
 * level to check a family's income and property, on the strength of the
 * worker's signed 授权委托书. This is the ADAPTER: the filing workflow talks to
 * this interface only; a driver talks to a civil-affairs system. Every driver
 * must pass the contract in testing/civil-affairs-contract.ts.
 */
export type CivilAffairsMember = {
  position: number;
  relation: Relation;
  name: string;
  /** In clear: what the 核对 looks up (authorised by the 授权委托书); never in a finding. */
  idNumber: string;
  employment: Employment;
  annualIncome: number;
};

export type CivilAffairsHousehold = {
  /** GB/T 2260: which civil-affairs office's records apply. */
  regionCode: string;
  householdSize: number;
  /** 申报的家庭年度可支配收入, yuan. */
  annualIncome: number;
  /** Property the family declared. */
  declaredProperty: { vehicles: number; houses: number };
  members: readonly CivilAffairsMember[];
};

/** One discrepancy: a stable code and a Chinese sentence for the reviewer (no ID numbers). */
export type CivilAffairsFinding = { code: string; message: string };

export type CivilAffairsResult = { status: 'clear' | 'mismatch'; findings: CivilAffairsFinding[] };

export interface CivilAffairsCheck {
  /** Recorded with every answer (`local`, or the civil-affairs system's name). */
  readonly driver: string;
  /** `mismatch` with the findings when the records disagree with the declaration; `clear` (no findings) otherwise. */
  check(household: CivilAffairsHousehold): Promise<CivilAffairsResult>;
}
