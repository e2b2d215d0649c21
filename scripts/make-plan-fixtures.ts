/**
 * Writes the committed read-document fixtures of seed 1 (the federation's
 * "15 measures"): src/modules/plans/server/fixtures/seed-1.docx and seed-1.pdf.
 * Run after changing the builders: `npx tsx scripts/make-plan-fixtures.ts`.
 * The output is byte-for-byte reproducible and needs no system font.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildDocx, buildTextPdf, type PdfLine } from '../src/modules/plans/server/fixtures/build-fixtures';

const FIXTURES = new URL('../src/modules/plans/server/fixtures/', import.meta.url);
const seed = readFileSync(new URL('seed-1-fed-2023-15-measures.txt', FIXTURES), 'utf8');

// The seed's paragraphs, markdown headings marked; the one paragraph the seed breaks mid-sentence
// (measure 9, "服务农 / 民工") is kept as one paragraph with a soft line break, as Word would have it.
const paragraphs: { text: string; heading: boolean }[] = [];
let pendingBreak = false;
for (const raw of seed.split('\n')) {
  const line = raw.trim();
  if (line === '') continue;
  const heading = line.startsWith('#');
  const text = line.replace(/^#+\s*/, '');
  const last = paragraphs.at(-1);
  if (pendingBreak && last) {
    last.text += `\u000b${text}`;
    pendingBreak = false;
    continue;
  }
  paragraphs.push({ text, heading });
  pendingBreak = !heading && !/[。：；！？）]$/.test(text) && /^\d+\./.test(text);
}

writeFileSync(new URL('seed-1.docx', FIXTURES), buildDocx(paragraphs.map((p) => p.text)));
const pdfLines: PdfLine[] = paragraphs.map((p) => ({ text: p.text.replace('\u000b', ''), align: p.heading && !/^[一二三四五六七八九十]+、/.test(p.text) ? 'center' : 'indent' }));
writeFileSync(new URL('seed-1.pdf', FIXTURES), buildTextPdf(pdfLines));
console.log('已生成 seed-1.docx 与 seed-1.pdf');
