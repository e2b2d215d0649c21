import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { AppError } from '../../../../core/http/errors';
import { DIBAO_AREA_LABELS, type TClassification, type TClassifyRequest } from '../../contract';
import { classifyHousehold } from '../../rules/classify-household';
import { standardDay } from '../../rules/dibao-lookup';
import { formatMultiple, formatPercent, formatYuan, toScaled, yuanToFen } from '../../rules/money';
import { findDibaoStandard } from '../queries/find-dibao-standard';
import { loadClassificationRules } from '../queries/load-classification-rules';

/**
 * Classifies household figures with the rule values and the 低保 standard in force on
 * the day the request names (rules/dibao-lookup.ts), or with the `dibao` it gives.
 * Reads the rule tables only: the self-test and the CLI store nothing.
 * `today` is the Beijing calendar day (YYYY-MM-DD), for the default year.
 */
export async function classifyWithRules(db: Kysely<DB>, request: TClassifyRequest, today: string): Promise<TClassification> {
  const day = standardDay(request, today);
  const rules = await loadClassificationRules(db, day);

  let dibaoMonthly: number;
  let standardLine: string;
  if (request.dibao !== undefined) {
    dibaoMonthly = request.dibao;
    standardLine = `低保标准：按填写的 ${formatYuan(yuanToFen(request.dibao))} 元/月计算（未使用规则表中的标准）`;
  } else {
    // ZClassifyRequest requires a region when no dibao is given.
    const region = request.region!;
    const areaLabel = DIBAO_AREA_LABELS[request.area];
    const standard = await findDibaoStandard(db, { region, area: request.area, day });
    if (!standard) {
      throw new AppError('BAD_REQUEST', `未找到地区 ${region} 在 ${day} 执行的${areaLabel}低保标准，请直接填写当地低保标准`, { field: 'region' });
    }
    dibaoMonthly = Number(standard.monthlyYuan);
    const fallback = standard.regionCode === region ? '' : `；地区 ${region} 未单独设定，采用${standard.regionName}的标准`;
    standardLine =
      `低保标准：${standard.regionName}${areaLabel}低保 ${formatYuan(yuanToFen(dibaoMonthly))} 元/月（${day} 执行，` +
      `${standard.effectiveFrom} 起施行${fallback}；依据：${standard.source}）`;
  }

  const result = classifyHousehold(request, { dibaoMonthly, ...rules });
  const rulesLine =
    `认定规则（${day} 执行）：相对困难为低于低保标准的 ${formatMultiple(toScaled(rules.relativeMultiple))} 倍，` +
    `意外致困为致困费用超过家庭年收入的 ${formatPercent(toScaled(rules.accidentCostRatio))}，` +
    `困难农民工须劳动关系满 ${rules.migrantMinLabourMonths} 个月；依据：${rules.sources.join('；')}`;
  return { ...result, reasons: [...result.reasons, standardLine, rulesLine] };
}
