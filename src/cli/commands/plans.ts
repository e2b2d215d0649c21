import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { allMeasures, TARGET_COMPARATOR_LABELS, type TPlanDraft, type TPlanSection, type TPlanTarget } from '../../modules/plans/contract';
import { parsePlan } from '../../modules/plans/parse/parse-plan';
import { readDocument } from '../../modules/plans/server/read-document';
import { type CommandResult, UsageError } from '../output';

export const PLANS_USAGE = 'gonghui plans parse 文件.txt|文件.docx|文件.pdf [--json]';

/** 40 人 三秦工匠（2023年）; 约 100 人; 不少于 200 家 基层工会组织. */
export function describeTarget(target: TPlanTarget): string {
  const qualifier = [TARGET_COMPARATOR_LABELS[target.comparator], target.approx ? '约' : ''].filter(Boolean).join(' ');
  const figure = `${qualifier ? `${qualifier} ` : ''}${target.value.toLocaleString('zh-CN')}${target.unit === '%' ? '' : ' '}${target.unit}`;
  return `${figure}${target.subject ? ` ${target.subject}` : ''}${target.period ? `（${target.period}年）` : ''}`;
}

/** The draft as an indented outline: metadata, then sections, measures and their targets. */
export function planOutline(draft: TPlanDraft): string {
  const { meta } = draft;
  const lines = [
    meta.title ?? '（未识别标题）',
    `  发文机关：${meta.issuer ?? '—'}`,
    `  发文字号：${meta.docNumber ?? '—'}`,
    `  成文日期：${meta.date ?? '—'}`,
    `  主送：${meta.recipients.length > 0 ? meta.recipients.join('；') : '—'}`,
  ];
  if (meta.noticeTitle) lines.push(`  印发通知：${meta.noticeTitle}`);
  const walk = (section: TPlanSection, depth: number) => {
    const indent = '  '.repeat(depth);
    if (section.title !== null) lines.push(`${indent}${section.no ?? ''}${section.no ? '、' : ''}${section.title}`);
    const inner = section.title !== null ? `${indent}  ` : indent;
    for (const measure of section.measures) {
      lines.push(`${inner}${measure.no ? `${measure.no}. ` : '· '}${measure.title}`);
      for (const target of measure.targets) lines.push(`${inner}    ▸ ${describeTarget(target)}`);
    }
    for (const child of section.sections ?? []) walk(child, depth + 1);
  };
  for (const section of draft.sections) walk(section, 0);
  const measures = allMeasures(draft.sections);
  const quantified = measures.filter((measure) => measure.targets.length > 0);
  const targets = quantified.reduce((sum, measure) => sum + measure.targets.length, 0);
  lines.push(`共 ${measures.length} 项措施，其中 ${quantified.length} 项含量化指标（共 ${targets} 个指标）`);
  return lines.join('\n');
}

/**
 * `plans parse FILE`: reads a work-plan document (.txt, .docx, .pdf with a
 * text layer) and prints the parsed draft. Needs no database.
 */
export async function plansCommand(args: string[]): Promise<CommandResult> {
  const [action, ...rest] = args;
  if (action !== 'parse') throw new UsageError(`用法：${PLANS_USAGE}`);
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, allowPositionals: true }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n用法：${PLANS_USAGE}`);
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`用法：${PLANS_USAGE}`);
  const { text } = await readDocument(resolve(file));
  const draft = parsePlan(text);
  return { text: planOutline(draft), json: draft };
}
