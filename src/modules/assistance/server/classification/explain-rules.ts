import { DIBAO_AREA_LABELS, type DibaoArea } from '../../contract';
import type { DibaoStandardRow } from '../../rules/dibao-lookup';
import { formatMultiple, formatPercent, formatYuan, toScaled, yuanToFen } from '../../rules/money';
import type { ClassificationRuleValues } from '../queries/load-classification-rules';

/**
 * The lines a classification's explanation ends with: which 低保 standard and
 * which rule values were applied, with their dates and documents. One wording
 * for the self-test, the CLI and the stored explanation of a file.
 */
export function standardLine(standard: DibaoStandardRow, request: { region: string; area: DibaoArea; day: string }): string {
  const areaLabel = DIBAO_AREA_LABELS[request.area];
  const fallback = standard.regionCode === request.region ? '' : `；地区 ${request.region} 未单独设定，采用${standard.regionName}的标准`;
  return (
    `低保标准：${standard.regionName}${areaLabel}低保 ${formatYuan(yuanToFen(Number(standard.monthlyYuan)))} 元/月（${request.day} 执行，` +
    `${standard.effectiveFrom} 起施行${fallback}；依据：${standard.source}）`
  );
}

export function rulesLine(rules: ClassificationRuleValues, day: string): string {
  return (
    `认定规则（${day} 执行）：相对困难为低于低保标准的 ${formatMultiple(toScaled(rules.relativeMultiple))} 倍，` +
    `意外致困为致困费用超过家庭年收入的 ${formatPercent(toScaled(rules.accidentCostRatio))}，` +
    `困难农民工须劳动关系满 ${rules.migrantMinLabourMonths} 个月；依据：${rules.sources.join('；')}`
  );
}

/** The refusal when no standard is in force for the region on the day. */
export const noStandardMessage = (request: { region: string; area: DibaoArea; day: string }) =>
  `未找到地区 ${request.region} 在 ${request.day} 执行的${DIBAO_AREA_LABELS[request.area]}低保标准`;
