// Loaded when a report is rendered: pdfkit (with fontkit) is about 25 MB of resident memory that
// every other process — the server's routes, the CLI's member import — would otherwise carry.
import type PDFDocument from 'pdfkit';
import type { TTrafficLight } from '../../contract';
import { bodyCharacterSpacing, GB_T_9704_2012, linePitch, type OfficialLayout } from './official-layout';
import { drawTable, type PdfCell } from './pdf-table';
import { reportFonts } from './report-fonts';
import type { StatusReportIndicator, StatusReportModel } from './status-report-model';

/**
 * The status report as a printable PDF laid out like an official document
 * (GB/T 9704-2012, official-layout.ts): A4, 天头 37 mm, 订口 28 mm, 版心
 * 156 × 225 mm; the title centred in a larger bold serif; the 主送 line; body
 * text at 22 lines of 28 characters a page, paragraphs indented two
 * characters; headings numbered 一、 and （一）; ruled tables for the figures;
 * page numbers "— 1 —" under the text block (odd pages right, even left); the
 * 落款 (reporting union and date) at the end.
 *
 * Server-side and pure JavaScript: pdfkit lays out and writes the file,
 * fontkit (inside pdfkit) subsets and embeds the npm-delivered font
 * (report-fonts.ts) with a ToUnicode map, so the text can be searched and
 * copied. No browser, no system font. Chosen over pdf-lib + @pdf-lib/fontkit
 * because pdfkit breaks lines (UAX #14, which knows CJK) and paginates flowing
 * text itself; pdf-lib only places strings.
 */

type Doc = InstanceType<typeof PDFDocument>;

const REGULAR = 'serif';
const BOLD = 'serif-bold';
const LIGHT_COLOURS: Record<TTrafficLight, string> = { green: '#237804', amber: '#ad6800', red: '#cf1322' };
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (heading numbers; a report has fewer than a hundred). */
export function chineseOrdinal(value: number): string {
  if (value <= 10) return CHINESE_ORDINALS[value - 1]!;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : CHINESE_ORDINALS[tens - 1]}十${ones === 0 ? '' : CHINESE_ORDINALS[ones - 1]}`;
}

const percent = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%`);
const amount = (value: number | null) => (value === null ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

function indicatorText(indicator: StatusReportIndicator): string {
  const parts = [`${indicator.label}：完成 ${amount(indicator.achieved)} / 目标 ${amount(indicator.target)}${indicator.unit}`];
  if (indicator.allocated) parts.push(`已分解 ${amount(indicator.allocated)}${indicator.unit}`);
  if (indicator.isLive) parts.push('实时统计');
  return parts.join('，');
}

class OfficialWriter {
  readonly doc: Doc;
  private readonly pitch: number;
  private readonly spacing: number;

  constructor(
    Pdf: typeof PDFDocument,
    readonly layout: OfficialLayout,
    info: { title: string; author: string; at: Date },
  ) {
    const right = layout.pageWidth - layout.marginLeft - layout.textWidth;
    const bottom = layout.pageHeight - layout.marginTop - layout.textHeight;
    this.doc = new Pdf({
      size: [layout.pageWidth, layout.pageHeight],
      margins: { top: layout.marginTop, left: layout.marginLeft, right, bottom },
      bufferPages: true,
      info: { Title: info.title, Author: info.author, Creator: '工会工作平台', CreationDate: info.at, ModDate: info.at },
      lang: 'zh-CN',
      displayTitle: true,
      // Figures and rules are vector; the page content is compressed.
      compress: true,
    });
    const fonts = reportFonts();
    this.doc.registerFont(REGULAR, fonts.regular);
    this.doc.registerFont(BOLD, fonts.bold);
    this.pitch = linePitch(layout);
    this.spacing = bodyCharacterSpacing(layout);
  }

  /** Space between lines so that each line of `size` takes one pitch of the 22-line grid. */
  private gap(size: number) {
    this.doc.fontSize(size);
    return Math.max(0, this.pitch - this.doc.currentLineHeight(true));
  }

  private ensureRoom(lines: number) {
    if (this.doc.y + lines * this.pitch > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  title(text: string) {
    const { doc, layout } = this;
    doc.font(BOLD).fontSize(layout.titleSize).text(text, layout.marginLeft, layout.marginTop, { width: layout.textWidth, align: 'center', lineGap: this.gap(layout.titleSize) });
    this.blank();
  }

  blank(lines = 1) {
    this.doc.y += lines * this.pitch;
  }

  /** 主送机关: flush left, ending with a full-width colon (GB/T 9704 7.3.3). */
  addressee(text: string) {
    this.doc.font(REGULAR).fontSize(this.layout.bodySize).text(`${text}：`, this.layout.marginLeft, this.doc.y, { width: this.layout.textWidth, lineGap: this.gap(this.layout.bodySize), characterSpacing: this.spacing });
  }

  /** A body paragraph: first line indented two characters, the rest flush (GB/T 9704 7.3.4). */
  paragraph(text: string) {
    const { layout } = this;
    this.doc
      .font(REGULAR)
      .fontSize(layout.bodySize)
      .text(text, layout.marginLeft, this.doc.y, { width: layout.textWidth, indent: 2 * layout.bodySize, lineGap: this.gap(layout.bodySize), characterSpacing: this.spacing, align: 'justify' });
  }

  /** 一、 (first level, bold in place of 黑体) or （一） (second level); a heading never ends a page. */
  heading(text: string, level: 1 | 2) {
    const { layout } = this;
    this.ensureRoom(3);
    this.doc
      .font(level === 1 ? BOLD : REGULAR)
      .fontSize(layout.bodySize)
      .text(text, layout.marginLeft, this.doc.y, { width: layout.textWidth, indent: 2 * layout.bodySize, lineGap: this.gap(layout.bodySize), characterSpacing: this.spacing });
  }

  table(columns: Parameters<typeof drawTable>[1]['columns'], rows: PdfCell[][]) {
    this.ensureRoom(2);
    this.doc.y += this.pitch / 4;
    drawTable(this.doc, { columns, rows, fontSize: this.layout.tableSize, regular: REGULAR, bold: BOLD });
    this.doc.y += this.pitch / 2;
  }

  /**
   * 落款 without a seal (GB/T 9704 7.3.5.2): one blank line below the text, the
   * union's name right-aligned two characters in, the date on the next line
   * starting two characters further right than the name.
   */
  signOff(unit: string, date: string) {
    const { doc, layout } = this;
    this.ensureRoom(3);
    this.blank();
    const size = layout.bodySize;
    doc.font(REGULAR).fontSize(size);
    const nameWidth = doc.widthOfString(unit, { characterSpacing: this.spacing });
    const right = layout.marginLeft + layout.textWidth - 2 * size;
    const nameX = right - nameWidth;
    doc.text(unit, nameX, doc.y, { lineBreak: false, characterSpacing: this.spacing });
    doc.y += this.pitch;
    doc.text(date, Math.min(nameX + 2 * size, right - doc.widthOfString(date)), doc.y, { lineBreak: false, characterSpacing: this.spacing });
    doc.y += this.pitch;
  }

  /** "— n —" 7 mm under the text block: odd pages right, even pages left, one character in (GB/T 9704 7.5). */
  pageNumbers() {
    const { doc, layout } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      const number = index + 1;
      const label = `— ${number} —`;
      doc.font(REGULAR).fontSize(layout.pageNumberSize);
      const width = doc.widthOfString(label);
      const y = layout.marginTop + layout.textHeight + layout.pageNumberGap;
      const x = number % 2 === 1 ? layout.marginLeft + layout.textWidth - layout.pageNumberSize - width : layout.marginLeft + layout.pageNumberSize;
      // Writing in the bottom margin must not start a page of its own.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.text(label, x, y, { lineBreak: false });
      doc.page.margins.bottom = margin;
    }
  }

  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.pageNumbers();
    this.doc.end();
    await ended;
    return Buffer.concat(chunks);
  }
}

/** The PDF's bytes. `at` is the file's creation time (metadata only). */
export async function renderStatusReportPdf(model: StatusReportModel, options: { at: Date; layout?: OfficialLayout }): Promise<Buffer> {
  const { header, summary } = model;
  const { default: Pdf } = await import('pdfkit');
  const writer = new OfficialWriter(Pdf, options.layout ?? GB_T_9704_2012, { title: header.title, author: header.unit.name, at: options.at });
  const verb = header.kind === 'circular' ? '通报' : '报告';

  writer.title(header.title);
  if (header.addressee) writer.addressee(header.addressee);
  const basis = header.docNumber ? `《${header.planTitle}》（${header.docNumber}）` : `《${header.planTitle}》`;
  writer.paragraph(`根据${header.issuer}${basis}部署，现将截至${header.asOfText}${header.unit.name}${summary.unitsIssued > 0 ? '及所属单位' : ''}落实情况${verb}如下。`);

  let chapter = 0;
  writer.heading(`${chineseOrdinal(++chapter)}、总体情况`, 1);
  const lights = `正常${summary.counts.green}项、预警${summary.counts.amber}项、滞后${summary.counts.red}项`;
  const flags = summary.overdue + summary.atRisk > 0 ? `；逾期${summary.overdue}项，存在风险${summary.atRisk}项` : '；无逾期和存在风险的措施';
  const completion = summary.completion === null ? '暂无量化指标完成数据' : `量化指标平均完成率${percent(summary.completion)}`;
  const issued = summary.unitsIssued > 0 ? `本级已下发${summary.unitsIssued}个单位，已签收${summary.unitsAcknowledged}个。` : '';
  writer.paragraph(`截至${header.asOfText}，共有措施${summary.measures}项，其中${lights}${flags}；${completion}。${issued}`);

  writer.heading(`${chineseOrdinal(++chapter)}、分项落实情况`, 1);
  model.sections.forEach((section, index) => {
    writer.heading(`（${chineseOrdinal(index + 1)}）${section.title}`, 2);
    writer.paragraph(
      `本部分共${section.measureCount}项措施，${section.completion === null ? '均为定性任务' : `平均完成率${percent(section.completion)}`}；正常${section.counts.green}项、预警${section.counts.amber}项、滞后${section.counts.red}项。`,
    );
    writer.table(
      [
        { header: '序号', weight: 7, align: 'center' },
        { header: '措施', weight: 33 },
        { header: '状态', weight: 8, align: 'center' },
        { header: '完成率', weight: 10, align: 'right' },
        { header: '指标完成情况', weight: 42 },
      ],
      section.measures.map((measure) => {
        const self = measure.units[0]!;
        return [
          measure.no || '—',
          measure.title,
          { text: self.lightLabel, color: LIGHT_COLOURS[self.light] },
          percent(self.completion),
          self.indicators.length > 0 ? self.indicators.map(indicatorText).join('\n') : `定性任务${self.progressLabel ? `（${self.progressLabel}）` : ''}`,
        ];
      }),
    );
  });

  if (model.ranking.length > 0) {
    writer.heading(`${chineseOrdinal(++chapter)}、各单位完成情况`, 1);
    writer.paragraph(`按量化指标平均完成率排序，${model.ranking.length}个单位情况如下。`);
    writer.table(
      [
        { header: '名次', weight: 8, align: 'center' },
        { header: '单位', weight: 32 },
        { header: '平均完成率', weight: 14, align: 'right' },
        { header: '正常', weight: 9, align: 'right' },
        { header: '预警', weight: 9, align: 'right' },
        { header: '滞后', weight: 9, align: 'right' },
        { header: '逾期', weight: 9, align: 'right' },
        { header: '签收', weight: 10, align: 'center' },
      ],
      model.ranking.map((rank) => [
        rank.rank === null ? '—' : String(rank.rank),
        rank.name,
        percent(rank.completion),
        String(rank.counts.green),
        String(rank.counts.amber),
        String(rank.counts.red),
        String(rank.overdue),
        rank.acknowledged ? '已签收' : '未签收',
      ]),
    );
  }

  writer.heading(`${chineseOrdinal(++chapter)}、逾期和存在风险的措施`, 1);
  if (model.alerts.length === 0) {
    writer.paragraph('截至目前，无逾期和存在风险的措施。');
  } else {
    writer.paragraph(`共${model.alerts.length}项（按单位计），请有关单位对照督办。`);
    writer.table(
      [
        { header: '类别', weight: 12, align: 'center' },
        { header: '措施', weight: 30 },
        { header: '单位', weight: 18 },
        { header: '完成时限', weight: 14, align: 'center' },
        { header: '原因', weight: 26 },
      ],
      model.alerts.map((alert) => [{ text: alert.kindLabel, color: LIGHT_COLOURS[alert.light] }, alert.measureLabel, alert.unitName, alert.deadline ?? '—', alert.reason]),
    );
  }

  writer.signOff(header.unit.name, header.asOfText);
  return writer.finish();
}
