import { ensureDomMatrix } from '../../affine-matrix';

/** Reads a PDF back as pdfjs-dist sees it: page sizes and each page's text (pieces joined). */
export async function readPdfBack(bytes: Buffer): Promise<{ pages: { width: number; height: number; text: string }[]; info: Record<string, unknown> }> {
  ensureDomMatrix();
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const document = await task.promise;
    const pages = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      pages.push({ width: x1 - x0, height: y1 - y0, text: content.items.map((item) => ('str' in item ? item.str : '')).join('') });
    }
    const info = (await document.getMetadata()).info as unknown as Record<string, unknown>;
    return { pages, info };
  } finally {
    await task.destroy();
  }
}
