import { describe, expect, it } from 'vitest';
import { ensureDomMatrix } from '../affine-matrix';
import { readPdfBack } from './testing/read-pdf-back';
import { GB_T_9704_2012 } from './official-layout';
import { chineseOrdinal, renderStatusReportPdf } from './status-report-pdf';
import { buildStatusReportModel } from './status-report-model';
import { sampleStatusReportInput } from './testing/sample-status-report';

describe('renderStatusReportPdf', () => {
  const input = sampleStatusReportInput({ sections: 2, measuresPerSection: 4, units: 3 });
  const model = buildStatusReportModel(input);

  it('writes an A4 document whose text can be read back: title, headings, a measure, a figure, the sign-off and page numbers', async () => {
    const pdf = await renderStatusReportPdf(model, { at: new Date('2026-07-05T01:00:00Z') });
    const { pages, info } = await readPdfBack(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      // A4 is 210 × 297 mm = 595.28 × 841.89 pt.
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
    // Line breaks inside table cells drop the space a line ends on: compare without whitespace.
    const text = pages.map((page) => page.text.replace(/\s+/g, '')).join('\n');
    expect(pages[0]!.text).toContain('关于《2026年全省工会工作要点》落实情况的通报');
    expect(pages[0]!.text).toContain('各市（区）总工会、省级产业工会：');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('（一）第1部分重点工作');
    expect(text).toContain(input.rollup.measures[1]!.title.slice(0, 8));
    // Measure 1's figures at the province: achieved / target and what was passed on.
    const first = input.rollup.measures[0]!.indicators[0]!.at;
    expect(text).toContain(`完成${first.achieved}/目标${first.target}人`);
    expect(text).toContain(`共有措施8项`);
    expect(text).toContain('三、各单位完成情况');
    expect(text).toContain('西安市总工会');
    expect(pages.at(-1)!.text).toContain('陕西省总工会2026年7月5日');
    pages.forEach((page, index) => expect(page.text).toContain(`— ${index + 1} —`));
    expect(info.Title).toBe(model.header.title);
  });

  it('embeds only a subset of the font: the file stays small', async () => {
    const pdf = await renderStatusReportPdf(model, { at: new Date('2026-07-05T01:00:00Z') });
    // The font files are ≈ 15 MB each; the subset for a few hundred characters is tens of KB.
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('sets the page after GB/T 9704: text starts 37 mm down and 28 mm in, page numbers under the text block', async () => {
    expect(GB_T_9704_2012.marginTop / (72 / 25.4)).toBeCloseTo(37, 5);
    expect(GB_T_9704_2012.pageWidth - GB_T_9704_2012.marginLeft - GB_T_9704_2012.textWidth).toBeCloseTo(26 * (72 / 25.4), 5);
    // Positions read back: the title's first piece sits just below the top margin, the page number below the text block.
    ensureDomMatrix();
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = getDocument({ data: new Uint8Array(await renderStatusReportPdf(model, { at: new Date() })), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    const page = await (await task.promise).getPage(1);
    const items = (await page.getTextContent()).items.filter((item) => 'str' in item && item.str.trim() !== '') as { str: string; transform: number[] }[];
    const top = 841.89 - GB_T_9704_2012.marginTop;
    const title = items.find((item) => item.str.startsWith('关于'))!;
    expect(title.transform[5]).toBeLessThan(top);
    expect(title.transform[5]).toBeGreaterThan(top - 30);
    const number = items.find((item) => item.str.includes('— 1 —'))!;
    expect(number.transform[5]).toBeLessThan(841.89 - GB_T_9704_2012.marginTop - GB_T_9704_2012.textHeight);
    // Odd page: the number sits at the right of the text block.
    expect(number.transform[4]).toBeGreaterThan(GB_T_9704_2012.marginLeft + GB_T_9704_2012.textWidth / 2);
    await task.destroy();
  });

  it('numbers headings in Chinese', () => {
    expect([1, 4, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '四', '十', '十一', '二十', '二十三']);
  });
});
