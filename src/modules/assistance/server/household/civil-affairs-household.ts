import type { RequestContext } from '../../../../core/http/request-context';
import type { CivilAffairsHousehold } from '../civil-affairs/civil-affairs-check';
import type { HouseholdRow } from '../queries/load-household';
import { openMemberIdNumber } from './household-fields';

/** The household as the civil-affairs check is asked about it: the members' numbers opened (the 授权委托书 authorises the 核对). */
export async function civilAffairsHousehold(ctx: RequestContext, household: HouseholdRow): Promise<CivilAffairsHousehold> {
  const members = await ctx.db
    .selectFrom('assistance_household_member')
    .select(['position', 'relation', 'name', 'id_number_envelope', 'employment', 'annual_income'])
    .where('household_id', '=', household.id)
    .orderBy('position')
    .execute();
  return {
    regionCode: household.region_code,
    householdSize: household.household_size,
    annualIncome: Number(household.annual_income),
    declaredProperty: { vehicles: household.declared_vehicles, houses: household.declared_houses },
    members: members.map((member) => ({
      position: member.position,
      relation: member.relation,
      name: member.name,
      idNumber: openMemberIdNumber(ctx.keys.ring, member.id_number_envelope),
      employment: member.employment,
      annualIncome: Number(member.annual_income),
    })),
  };
}
