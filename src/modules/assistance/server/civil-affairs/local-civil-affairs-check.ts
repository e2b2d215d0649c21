import { formatYuan, yuanToFen } from '../../rules/money';
import type { CivilAffairsCheck, CivilAffairsFinding, CivilAffairsHousehold } from './civil-affairs-check';

/**
 * The local stand-in for the 民政 低保信息核对 interface, until a province's
 * civil-affairs system is connected: deterministic rules on the declared data
 * alone, with the findings a real check would give for the same facts —
 * - a declared motor vehicle, or more than one house (the property items the
 *   核对 looks at, and 排除性条件 of domain.md §2.1);
 * - members' declared incomes adding up to more than the declared household
 *   income (the income the 核对 would find);
 * - a member list of another size than the household declared.
 * It consults no registry, so it can only catch what the family itself
 * declared: a deployment must replace it before relying on the check.
 */
export const localCivilAffairsCheck: CivilAffairsCheck = {
  driver: 'local',
  check: async (household: CivilAffairsHousehold) => {
    const findings: CivilAffairsFinding[] = [];
    const { vehicles, houses } = household.declaredProperty;
    if (vehicles > 0) findings.push({ code: 'vehicle', message: `家庭名下登记有机动车辆 ${vehicles} 辆（排除性条件）` });
    if (houses > 1) findings.push({ code: 'multiple_houses', message: `家庭名下登记有住房 ${houses} 套（排除性条件）` });
    const incomes = household.members.reduce((sum, member) => sum + yuanToFen(member.annualIncome), 0n);
    const declared = yuanToFen(household.annualIncome);
    if (incomes > declared) {
      findings.push({
        code: 'income_understated',
        message: `家庭成员收入合计 ${formatYuan(incomes)} 元，高于申报的家庭年度可支配收入 ${formatYuan(declared)} 元`,
      });
    }
    if (household.members.length !== household.householdSize) {
      findings.push({ code: 'household_size', message: `申报家庭人口 ${household.householdSize} 人，登记的家庭成员为 ${household.members.length} 人` });
    }
    return { status: findings.length > 0 ? 'mismatch' : 'clear', findings };
  },
};

/**
 * The driver the filing uses. Only the local one exists; a connected
 * civil-affairs system is added as another driver chosen here (by
 * configuration) once its interface is known (domain.md §11).
 */
export const civilAffairsCheck = (): CivilAffairsCheck => localCivilAffairsCheck;
