import { parseRegionCode } from '../../../core/cn/region-code';

/**
 * Which 低保 standard applies (pure; the rows come from assistance_dibao_standard).
 *
 * - Region: the most specific one that has a standard in force — the county, then its
 *   city (XXYY00), then the province (XX0000). 低保 is set by city or county governments;
 *   a county without its own standard follows its city.
 * - Day: the standard in force on `date` when one is given, otherwise on 1 July of `year`
 *   (default: the current year). The income compared is a whole year's, and standards
 *   change during a year (often on 1 January or 1 July): the one in force at mid-year is
 *   the one that applied longest, and for the current year it is the one announced for it.
 * - In force: of a region's standards, the one with the latest `effectiveFrom` not after
 *   the day; a later standard replaces an earlier one from its date. When that one has
 *   ended (`effectiveTo`, inclusive, before the day) the region has none in force and the
 *   lookup moves up to the next region.
 */

export type DibaoStandardRow = {
  regionCode: string;
  regionName: string;
  area: string;
  monthlyYuan: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
};

/** 610113 -> [610113, 610100, 610000]; 610100 -> [610100, 610000]; 610000 -> [610000]. */
export function regionChain(code: string): string[] {
  const parsed = parseRegionCode(code);
  if (!parsed.ok) return [code];
  const { prefectureCode, provinceCode } = parsed.value;
  return [...new Set([parsed.value.code, ...(prefectureCode ? [prefectureCode] : []), provinceCode])];
}

/** The day whose standard applies: `date`, or 1 July of `year`, or of the year of `today`. */
export function standardDay(request: { year?: number | undefined; date?: string | undefined }, today: string): string {
  if (request.date) return request.date;
  const year = request.year ?? Number(today.slice(0, 4));
  return `${String(year).padStart(4, '0')}-07-01`;
}

/** The standard of the most specific region in the chain that has one in force on `day` for `area`. */
export function pickDibaoStandard(
  rows: readonly DibaoStandardRow[],
  request: { region: string; area: string; day: string },
): DibaoStandardRow | undefined {
  for (const region of regionChain(request.region)) {
    let latest: DibaoStandardRow | undefined;
    for (const row of rows) {
      if (row.regionCode !== region || row.area !== request.area || row.effectiveFrom > request.day) continue;
      if (!latest || row.effectiveFrom > latest.effectiveFrom) latest = row;
    }
    if (latest && (latest.effectiveTo === null || latest.effectiveTo >= request.day)) return latest;
  }
  return undefined;
}
