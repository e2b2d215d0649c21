import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { AppError } from '../../../../core/http/errors';
import type { TClassification, TClassifyRequest } from '../../contract';
import { classifyHousehold } from '../../rules/classify-household';
import { standardDay } from '../../rules/dibao-lookup';
import { formatYuan, yuanToFen } from '../../rules/money';
import { noStandardMessage, rulesLine, standardLine } from '../classification/explain-rules';
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
  let line: string;
  if (request.dibao !== undefined) {
    dibaoMonthly = request.dibao;
    line = `低保标准：按填写的 ${formatYuan(yuanToFen(request.dibao))} 元/月计算（未使用规则表中的标准）`;
  } else {
    // ZClassifyRequest requires a region when no dibao is given.
    const lookup = { region: request.region!, area: request.area, day };
    const standard = await findDibaoStandard(db, lookup);
    if (!standard) {
      throw new AppError('BAD_REQUEST', `${noStandardMessage(lookup)}，请直接填写当地低保标准`, { field: 'region' });
    }
    dibaoMonthly = Number(standard.monthlyYuan);
    line = standardLine(standard, lookup);
  }

  const result = classifyHousehold(request, { dibaoMonthly, ...rules });
  return { ...result, reasons: [...result.reasons, line, rulesLine(rules, day)] };
}
