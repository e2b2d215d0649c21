import { buildStatusReportModel } from '../src/modules/plans/server/export/status-report-model';
import { renderStatusReportPdf } from '../src/modules/plans/server/export/status-report-pdf';
import { renderStatusReportXlsx } from '../src/modules/plans/server/export/status-report-xlsx';
import { sampleStatusReportInput } from '../src/modules/plans/server/export/testing/sample-status-report';
import { percentile, timeMany } from './stats';

const RUNS = 3;

/**
 * The status report export (issue 5, "Export a status report"): a plan of 15
 * sections × 100 measures issued to 20 unions — model, .xlsx and PDF built
 * from a synthetic roll-up, so the figures are the renderers' own (the
 * roll-up query is the dashboard's, measured with it). Median of 3 runs after
 * a warm-up that also loads the font. Needs no database.
 */
export async function benchPlanStatusReport(): Promise<string[]> {
  const input = sampleStatusReportInput({ sections: 15, measuresPerSection: 100, units: 20 });
  const model = buildStatusReportModel(input);
  const at = new Date();
  const warm = performance.now();
  await renderStatusReportPdf(buildStatusReportModel(sampleStatusReportInput({ sections: 1, measuresPerSection: 2, units: 2 })), { at });
  const firstFont = performance.now() - warm;
  const modelTimes = await timeMany(RUNS, async () => buildStatusReportModel(input));
  let xlsxBytes = 0;
  const xlsxTimes = await timeMany(RUNS, async () => {
    xlsxBytes = (await renderStatusReportXlsx(model)).length;
  });
  let pdfBytes = 0;
  const pdfTimes = await timeMany(RUNS, async () => {
    pdfBytes = (await renderStatusReportPdf(model, { at })).length;
  });
  const rows = model.sections.reduce((sum, section) => sum + section.measures.reduce((count, measure) => count + measure.units.reduce((n, line) => n + Math.max(1, line.indicators.length), 0), 0), 0);
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  return [
    `plan: 15 sections × 100 measures × 20 unions (${model.summary.measures} measures, ${rows} measure-sheet rows, ${model.alerts.length} alerts)`,
    `first PDF in the process (font load + parse): ${firstFont.toFixed(0)} ms`,
    `model: median ${percentile(modelTimes, 50).toFixed(0)} ms (n=${RUNS})`,
    `xlsx: median ${percentile(xlsxTimes, 50).toFixed(0)} ms, ${(xlsxBytes / 1024 / 1024).toFixed(1)} MB (n=${RUNS})`,
    `pdf: median ${percentile(pdfTimes, 50).toFixed(0)} ms, ${(pdfBytes / 1024).toFixed(0)} KB (n=${RUNS})`,
    `heap after: ${heap.toFixed(0)} MB`,
  ];
}
