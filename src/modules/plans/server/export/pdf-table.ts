import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export type PdfTableColumn = { header: string; /** share of the table's width */ weight: number; align?: 'left' | 'center' | 'right' };
/** A cell: its text, and optionally a colour for it (the traffic light). */
export type PdfCell = string | { text: string; color: string };

const PADDING = 3;
const RULE = 0.5;

/**
 * Draws a ruled table at the cursor across the text block, row by row: a row
 * that would cross the bottom margin starts a new page, where the header row
 * is drawn again (as a printed table continues). Leaves the cursor below it.
 */
export function drawTable(doc: Doc, options: { columns: PdfTableColumn[]; rows: PdfCell[][]; fontSize: number; regular: string; bold: string }): void {
  const { columns, fontSize } = options;
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (column.weight / total) * width);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const textOf = (cell: PdfCell) => (typeof cell === 'string' ? cell : cell.text);

  const heightOf = (cells: PdfCell[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((cell, index) => doc.heightOfString(textOf(cell) || ' ', { width: widths[index]! - 2 * PADDING, lineGap: 1 }))) + 2 * PADDING;
  };

  const drawRow = (cells: PdfCell[], font: string, fill: string | null) => {
    const height = heightOf(cells, font);
    let y = doc.y;
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      if (cells !== headerCells) drawRow(headerCells, options.bold, '#eef1f5');
      y = doc.y;
    }
    let x = left;
    cells.forEach((cell, index) => {
      const cellWidth = widths[index]!;
      if (fill) doc.rect(x, y, cellWidth, height).fill(fill);
      doc.lineWidth(RULE).strokeColor('#000000').rect(x, y, cellWidth, height).stroke();
      doc
        .font(font)
        .fontSize(fontSize)
        .fillColor(typeof cell === 'string' ? '#000000' : cell.color)
        .text(textOf(cell), x + PADDING, y + PADDING, { width: cellWidth - 2 * PADDING, align: columns[index]!.align ?? 'left', lineGap: 1 });
      x += cellWidth;
    });
    doc.fillColor('#000000');
    doc.x = left;
    doc.y = y + height;
  };

  const headerCells: PdfCell[] = columns.map((column) => column.header);
  drawRow(headerCells, options.bold, '#eef1f5');
  for (const row of options.rows) drawRow(row, options.regular, null);
}
