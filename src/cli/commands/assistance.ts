import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config/config';
import { beijingDate } from '../../core/files/beijing-time';
import { AppError } from '../../core/http/errors';
import { openPlatformDatabase } from '../../core/platform/open-platform';
import { classifyWithRules } from '../../modules/assistance';
import { HARDSHIP_TIER_LABELS, type TClassification, type TClassifyRequest, ZClassifyRequest } from '../../modules/assistance/contract';
import { MODULES } from '../../server/modules';
import { type CommandResult, UsageError } from '../output';

export const ASSISTANCE_USAGE = 'gonghui assistance classify 文件.json [--json]';

/** The household figures in a JSON file, checked by the same schema as the self-test. */
function readRequest(file: string): TClassifyRequest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `无法读取文件：${file}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `文件 ${file} 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ZClassifyRequest.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw new AppError('VALIDATION_FAILED', field ? `字段「${field}」有误：${issue.message}` : `内容有误：${issue.message}`, field ? { field } : {});
  }
  return parsed.data;
}

const asText = (result: TClassification) =>
  [
    `认定结果：${HARDSHIP_TIER_LABELS[result.tier]}（${result.tier}）`,
    `人均月收入：${result.perCapitaMonthly} 元；低保标准：${result.dibao} 元/月`,
    '理由：',
    ...result.reasons.map((reason, index) => `  ${index + 1}. ${reason}`),
  ].join('\n');

/**
 * `assistance classify FILE.json`: the self-test's classification from the command line,
 * with the rule tables of the platform database (migrated like every command). Stores nothing.
 */
export async function assistanceCommand(config: Config, args: string[]): Promise<CommandResult> {
  const [action, ...rest] = args;
  if (action !== 'classify') {
    throw new UsageError(ASSISTANCE_USAGE);
  }
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' } } }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${ASSISTANCE_USAGE}`);
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    throw new UsageError(`请给出一个 JSON 文件\n${ASSISTANCE_USAGE}`);
  }
  const request = readRequest(file);

  const { database } = await openPlatformDatabase(config, MODULES);
  try {
    const result = await classifyWithRules(database.kysely, request, beijingDate(new Date()));
    const { tier, perCapitaMonthly, dibao, reasons } = result;
    return { text: asText(result), json: { tier, perCapitaMonthly, dibao, reasons } };
  } finally {
    await database.close();
  }
}
