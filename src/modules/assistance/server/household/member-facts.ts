import { DISABILITY_GRADE_LABELS, DISABILITY_TYPE_LABELS, type DisabilityGrade, type DisabilityType, type Illness, ILLNESS_LABELS } from '../../vocabulary';

/** Whole years from `birthDate` to `day` (both YYYY-MM-DD): the birthday itself counts. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** 健康状况 in words: 良好, or the illnesses and the disability with its grade (恶性肿瘤；肢体残疾二级（重度）). */
export function healthLabel(member: { illnesses: readonly Illness[]; disabilityType: DisabilityType | null; disabilityGrade: number | null }): string {
  const parts: string[] = member.illnesses.map((illness) => ILLNESS_LABELS[illness]);
  if (member.disabilityType && member.disabilityGrade) {
    parts.push(`${DISABILITY_TYPE_LABELS[member.disabilityType]}${DISABILITY_GRADE_LABELS[member.disabilityGrade as DisabilityGrade]}`);
  }
  return parts.length === 0 ? '良好' : parts.join('；');
}
