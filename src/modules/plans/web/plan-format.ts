import { TARGET_COMPARATOR_LABELS, type TPlanDetail, type TPlanIndicator, type TPlanMeasureNode, type TPlanSectionNode } from '../contract';

/** A measure with the headings above it, in document order. */
export type MeasureInPlan = { measure: TPlanMeasureNode; section: TPlanSectionNode; heading: string };

const headingOf = (section: TPlanSectionNode): string => [section.no, section.title].filter(Boolean).join('、');

/** Every measure of the plan's tree in document order, nested sections included. */
export function measuresInOrder(sections: readonly TPlanSectionNode[]): MeasureInPlan[] {
  const rows: MeasureInPlan[] = [];
  const walk = (list: readonly TPlanSectionNode[]) => {
    for (const section of list) {
      for (const measure of section.measures) rows.push({ measure, section, heading: headingOf(section) });
      walk(section.sections);
    }
  };
  walk(sections);
  return rows;
}

/** Every section, nested ones included, in document order. */
export function sectionsInOrder(sections: readonly TPlanSectionNode[]): TPlanSectionNode[] {
  return sections.flatMap((section) => [section, ...sectionsInOrder(section.sections)]);
}

export const findMeasure = (plan: TPlanDetail, id: number | undefined): TPlanMeasureNode | undefined =>
  id === undefined ? undefined : measuresInOrder(plan.sections).find((row) => row.measure.id === id)?.measure;

const number = (value: number): string => value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** The figure as it reads: 不少于 100 人, 约 100 人, 90 %. */
export function figureLabel(indicator: Pick<TPlanIndicator, 'value' | 'unit' | 'approx' | 'comparator'>): string {
  const comparator = TARGET_COMPARATOR_LABELS[indicator.comparator];
  return [comparator, indicator.approx ? '约' : '', `${number(indicator.value)} ${indicator.unit}`].filter(Boolean).join(' ');
}

/** The tag of an indicator: "40 人 · 三秦工匠 · 2023". */
export const indicatorLabel = (indicator: TPlanIndicator): string =>
  [figureLabel(indicator), indicator.subject, indicator.period].filter(Boolean).join(' · ');

export const measureLabel = (measure: Pick<TPlanMeasureNode, 'no' | 'title'>): string => (measure.no ? `${measure.no}. ${measure.title}` : measure.title);

export const formatNumber = number;

export const formatInstant = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
