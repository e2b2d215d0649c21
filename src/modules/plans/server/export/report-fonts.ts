import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The CJK font of the printable report, delivered through npm so that
 * `npm install && npm start` is enough on a fresh machine (no system font, no
 * browser). Noto Serif SC (思源宋体, SIL Open Font License 1.1) from the
 * package @expo-google-fonts/noto-serif-sc, which ships each weight as one
 * complete TrueType file: pdfkit (through fontkit) embeds only the glyphs a
 * document uses, so a report stays tens of kilobytes.
 *
 * Considered and not taken: @fontsource/noto-serif-sc ships the same face as
 * ≈ 100 woff/woff2 unicode-range slices per weight (one text run would have
 * to switch fonts slice by slice); @embedpdf/fonts-sc ships a sans face only
 * (GB/T 9704 sets 公文 in 宋/仿宋). A serif stands in for 小标宋 (title, bold)
 * and 仿宋 (body, regular): no OFL 仿宋 is published on npm as a whole file.
 */
const require = createRequire(import.meta.url);

export type ReportFonts = { regular: Buffer; bold: Buffer };

let loaded: ReportFonts | null = null;

/** Read once per process (two files of ≈ 15 MB; fontkit parses lazily and subsets per document). */
export function reportFonts(): ReportFonts {
  loaded ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf')),
  };
  return loaded;
}
