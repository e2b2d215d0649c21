import { readFileSync } from 'node:fs';
import { allMeasures } from '../src/modules/plans/contract';
import { parsePlan } from '../src/modules/plans/parse/parse-plan';
import { readDocument } from '../src/modules/plans/server/read-document';
import { percentile, timeMany } from './stats';

const FIXTURES = new URL('../src/modules/plans/server/fixtures/', import.meta.url);
const RUNS = 200;

/**
 * Parse time per document (issue 5's closing note): both seeds, and seed 2
 * ten times over (≈ 130 KB, 180 measures), median of 200 runs after a warm-up;
 * plus reading seed 1's .docx and .pdf. Needs no database.
 */
export async function benchPlanParse(): Promise<string[]> {
  const seed1 = readFileSync(new URL('seed-1-fed-2023-15-measures.txt', FIXTURES), 'utf8');
  const seed2 = readFileSync(new URL('seed-2-jkwwt-2022-work-points.txt', FIXTURES), 'utf8');
  const documents: [string, string][] = [
    ['seed 1 (15 measures)', seed1],
    ['seed 2 (PDF text, 18 items)', seed2],
    ['seed 2 × 10', Array.from({ length: 10 }, () => seed2).join('\n')],
  ];
  const lines: string[] = [];
  for (const [name, text] of documents) {
    for (let i = 0; i < 20; i++) parsePlan(text); // warm-up: JIT and regex compilation
    const times = await timeMany(RUNS, async () => parsePlan(text));
    const measures = allMeasures(parsePlan(text).sections).length;
    lines.push(
      `parse ${name}: ${(text.length / 1024).toFixed(1)} K chars, ${measures} measures — median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms (n=${RUNS})`,
    );
  }
  for (const name of ['seed-1.docx', 'seed-1.pdf']) {
    const path = new URL(name, FIXTURES).pathname;
    await readDocument(path);
    const times = await timeMany(20, () => readDocument(path));
    lines.push(`read ${name}: median ${percentile(times, 50).toFixed(1)} ms (n=20)`);
  }
  return lines;
}
