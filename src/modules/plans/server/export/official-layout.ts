/**
 * The page of an official document (公文), after GB/T 9704-2012
 * 《党政机关公文格式》, in PDF points (1 mm = 72 / 25.4 pt). The numbers are the
 * standard's, so they live here with the clause they come from; a province's
 * own 公文处理实施细则 may tighten them.
 */
export type OfficialLayout = {
  source: string;
  /** 5.2.1 幅面尺寸: A4, 210 mm × 297 mm. */
  pageWidth: number;
  pageHeight: number;
  /** 5.2.2 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so the right margin is 26 mm and the bottom 35 mm). */
  marginTop: number;
  marginLeft: number;
  textWidth: number;
  textHeight: number;
  /** 7.3.1 标题: 2号小标宋 (22 pt). */
  titleSize: number;
  /** 6.2 字体和字号: 正文 3号仿宋 (16 pt). */
  bodySize: number;
  /** 5.2.4 行数和字数: 每面 22 行，每行 28 字 — the line pitch and the character pitch follow from the text block. */
  linesPerPage: number;
  charsPerLine: number;
  /** 7.5 页码: 4号 (14 pt) 半角阿拉伯数字 between 一字线; 一字线上距版心下边缘 7 mm; 单页码居右空一字，双页码居左空一字. */
  pageNumberSize: number;
  pageNumberGap: number;
  /** Tables inside the text are set in 5号 (10.5 pt), the common practice for 公文 tables (the standard fixes none). */
  tableSize: number;
};

const MM = 72 / 25.4;

export const GB_T_9704_2012: OfficialLayout = {
  source: 'GB/T 9704-2012《党政机关公文格式》5.2、6.2、7.3、7.5',
  pageWidth: 210 * MM,
  pageHeight: 297 * MM,
  marginTop: 37 * MM,
  marginLeft: 28 * MM,
  textWidth: 156 * MM,
  textHeight: 225 * MM,
  titleSize: 22,
  bodySize: 16,
  linesPerPage: 22,
  charsPerLine: 28,
  pageNumberSize: 14,
  pageNumberGap: 7 * MM,
  tableSize: 10.5,
};

/** The distance from one text line to the next (225 mm / 22 lines ≈ 29 pt). */
export const linePitch = (layout: OfficialLayout) => layout.textHeight / layout.linesPerPage;

/** The spacing that fits exactly `charsPerLine` body characters into the text block (16 pt × 28 is 1.7 mm wider than 156 mm). */
export const bodyCharacterSpacing = (layout: OfficialLayout) => layout.textWidth / layout.charsPerLine - layout.bodySize;
