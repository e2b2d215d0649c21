import {
  PROGRESS_STATUS_LABELS,
  TARGET_COMPARATOR_LABELS,
  type TProgressStatus,
  type TRollup,
  TRAFFIC_LIGHT_LABELS,
  type TTargetComparator,
  type TTrafficLight,
} from '../../contract';
import { meanCompletion } from '../rollup/indicator-progress';

/**
 * The status report (落实情况报告) of a plan at one union, as of a day: the
 * one model both the .xlsx and the PDF are drawn from, built by a pure
 * function from the roll-up (get-rollup.ts) and the few facts the roll-up
 * does not carry (the document's meta, who issued the plan to the union, each
 * union's latest narrative).
 */

/** What the loader gathers; everything the model needs, nothing read later. */
export type StatusReportInput = {
  rollup: TRollup;
  plan: { title: string | null; docNumber: string | null; issuer: string | null; ownerName: string; recipients: readonly string[] };
  /** The union that issued the plan to the reporting union (主送 of a report up); null when the union owns the plan. */
  issuedBy: { id: number; name: string } | null;
  /** 截至日期, YYYY-MM-DD (Beijing). */
  asOf: string;
  /** Each union's own latest report per measure (submitted or accepted, not after the as-of day). */
  latestReports: readonly { measureId: number; orgUnitId: number; period: string; progress: TProgressStatus; narrative: string }[];
};

export type StatusReportIndicator = {
  label: string;
  unit: string;
  target: number | null;
  /** Passed on to the unions below (only on the reporting union's own line). */
  allocated: number | null;
  achieved: number | null;
  completion: number | null;
  isMet: boolean;
  isLive: boolean;
};

/** A measure at one union: the reporting union itself (its subtree) or a union it issued the plan to. */
export type StatusReportMeasureUnit = {
  orgUnitId: number;
  name: string;
  isSelf: boolean;
  light: TTrafficLight;
  lightLabel: string;
  reason: string;
  isOverdue: boolean;
  isAtRisk: boolean;
  completion: number | null;
  progressLabel: string | null;
  /** The union's own latest report: its period and the start of its narrative. */
  latestPeriod: string | null;
  narrative: string | null;
  indicators: StatusReportIndicator[];
};

export type StatusReportMeasure = {
  id: number;
  /** `2.` or the title alone: how the document numbers it. */
  label: string;
  no: string;
  title: string;
  sectionLabel: string;
  isLocal: boolean;
  deadline: string | null;
  leadDepartment: string | null;
  /** At the reporting union first, then at each union it issued the plan to. */
  units: StatusReportMeasureUnit[];
};

export type StatusReportSection = {
  id: number;
  /** 一、推进产业工人队伍建设改革: the document's own number and title. */
  label: string;
  /** The title alone, for a report that numbers its own headings; the label when the heading has no title. */
  title: string;
  measureCount: number;
  completion: number | null;
  counts: Record<TTrafficLight, number>;
  overdue: number;
  atRisk: number;
  measures: StatusReportMeasure[];
};

export type StatusReportRank = {
  /** Shared by equal completions (1, 1, 3); null when the union has no quantified figure yet. */
  rank: number | null;
  orgUnitId: number;
  name: string;
  completion: number | null;
  counts: Record<TTrafficLight, number>;
  overdue: number;
  acknowledged: boolean;
};

export type StatusReportAlert = {
  measureLabel: string;
  unitName: string;
  kind: 'overdue' | 'atRisk';
  kindLabel: string;
  light: TTrafficLight;
  reason: string;
  deadline: string | null;
};

export type StatusReportModel = {
  header: {
    /** 关于《…》落实情况的报告 (to the union above) or …的通报 (the owner, to the unions it issued the plan to). */
    title: string;
    kind: 'report' | 'circular';
    planTitle: string;
    docNumber: string | null;
    issuer: string;
    unit: { id: number; name: string };
    /** 主送: the union above, or the plan's recipients (通报); null when there is nobody to address. */
    addressee: string | null;
    asOf: string;
    /** 2026年7月5日 (GB/T 9704-2012 7.3.5.1: 成文日期 in Arabic numerals, year in full). */
    asOfText: string;
  };
  summary: {
    measures: number;
    counts: Record<TTrafficLight, number>;
    overdue: number;
    atRisk: number;
    completion: number | null;
    unitsIssued: number;
    unitsAcknowledged: number;
  };
  sections: StatusReportSection[];
  ranking: StatusReportRank[];
  alerts: StatusReportAlert[];
};

/** Narratives are quoted, not reproduced: a report line shows their start. */
export const NARRATIVE_EXCERPT_CHARS = 80;

const UNTITLED_PLAN = '工作部署';
const NO_SECTION = '（未分部分）';

export function excerpt(text: string, max = NARRATIVE_EXCERPT_CHARS): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** `2026-07-05` → `2026年7月5日`. */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** A document title inside 《》, without the brackets it may already carry. */
const bookTitle = (title: string) => `《${title.replace(/^《|》$/g, '')}》`;

const countLights = (lights: readonly TTrafficLight[]): Record<TTrafficLight, number> => ({
  green: lights.filter((light) => light === 'green').length,
  amber: lights.filter((light) => light === 'amber').length,
  red: lights.filter((light) => light === 'red').length,
});

const indicatorLabel = (subject: string, comparator: TTargetComparator, approx: boolean) => {
  const bound = comparator === 'eq' ? (approx ? '约' : '') : TARGET_COMPARATOR_LABELS[comparator];
  return bound ? `${subject || '指标'}（${bound}）` : subject || '指标';
};

export function buildStatusReportModel(input: StatusReportInput): StatusReportModel {
  const { rollup, plan } = input;
  const unit = rollup.orgUnit;
  const childName = new Map(rollup.children.map((child) => [child.id, child.name]));
  const reportOf = new Map(input.latestReports.map((report) => [`${report.measureId}:${report.orgUnitId}`, report]));

  // Sections: top-level headings in document order; a nested heading's measures count towards the top one it sits under.
  const parentOf = new Map(rollup.sections.map((section) => [section.id, section.parentId]));
  const topOf = (id: number): number => {
    let current = id;
    for (let parent = parentOf.get(current); parent !== null && parent !== undefined; parent = parentOf.get(current)) current = parent;
    return current;
  };
  const labelOf = new Map(rollup.sections.map((section) => [section.id, [section.no, section.title].filter(Boolean).join('、') || NO_SECTION]));

  const measures: StatusReportMeasure[] = rollup.measures.map((measure) => {
    const line = (orgUnitId: number, isSelf: boolean, standing: TRollup['measures'][number]['at']): StatusReportMeasureUnit => {
      const report = reportOf.get(`${measure.id}:${orgUnitId}`);
      return {
        orgUnitId,
        name: isSelf ? unit.name : (childName.get(orgUnitId) ?? String(orgUnitId)),
        isSelf,
        light: standing.light,
        lightLabel: TRAFFIC_LIGHT_LABELS[standing.light],
        reason: standing.reason,
        isOverdue: standing.isOverdue,
        isAtRisk: standing.isAtRisk,
        completion: standing.completion,
        progressLabel: standing.progress === null ? null : PROGRESS_STATUS_LABELS[standing.progress],
        latestPeriod: report?.period ?? null,
        narrative: report ? excerpt(report.narrative) : null,
        indicators: measure.indicators.map((indicator) => {
          const at = isSelf ? indicator.at : indicator.children.find((child) => child.orgUnitId === orgUnitId);
          return {
            label: indicatorLabel(indicator.subject, indicator.comparator, indicator.approx),
            unit: indicator.unit,
            target: at?.target ?? null,
            allocated: isSelf ? indicator.at.allocated : null,
            achieved: at?.achieved ?? null,
            completion: at?.completion ?? null,
            isMet: at?.isMet ?? false,
            isLive: indicator.isBound,
          };
        }),
      };
    };
    return {
      id: measure.id,
      label: measure.no ? `${measure.no}. ${measure.title}` : measure.title,
      no: measure.no,
      title: measure.title,
      sectionLabel: labelOf.get(measure.sectionId) ?? NO_SECTION,
      isLocal: measure.isLocal,
      deadline: measure.deadline,
      leadDepartment: measure.leadDepartment,
      units: [line(unit.id, true, measure.at), ...measure.children.map((child) => line(child.orgUnitId, false, child))],
    };
  });

  const sections: StatusReportSection[] = [];
  for (const section of rollup.sections) {
    if (section.parentId !== null) continue;
    const own = measures.filter((measure, index) => topOf(rollup.measures[index]!.sectionId) === section.id);
    if (own.length === 0) continue;
    const selves = own.map((measure) => measure.units[0]!);
    sections.push({
      id: section.id,
      label: labelOf.get(section.id) ?? NO_SECTION,
      title: section.title?.trim() || (labelOf.get(section.id) ?? NO_SECTION),
      measureCount: own.length,
      completion: meanCompletion(selves.map((self) => self.completion)),
      counts: countLights(selves.map((self) => self.light)),
      overdue: selves.filter((self) => self.isOverdue).length,
      atRisk: selves.filter((self) => self.isAtRisk).length,
      measures: own,
    });
  }

  // Competition ranking over the roll-up's order (completion descending): equal completions share a rank.
  const ranking: StatusReportRank[] = [];
  rollup.children.forEach((child, index) => {
    const previous = ranking[index - 1];
    const rank = child.completion === null ? null : previous && previous.completion === child.completion ? previous.rank : index + 1;
    ranking.push({
      rank,
      orgUnitId: child.id,
      name: child.name,
      completion: child.completion,
      counts: { green: child.counts.green, amber: child.counts.amber, red: child.counts.red },
      overdue: child.counts.overdue,
      acknowledged: child.acknowledgedAt !== null,
    });
  });

  // 督办 list: overdue first (red), then at risk (red before amber); the reporting union before those below; document order within.
  const alerts: (StatusReportAlert & { order: number })[] = [];
  measures.forEach((measure, measureIndex) => {
    measure.units.forEach((line, unitIndex) => {
      if (!line.isOverdue && !line.isAtRisk) return;
      alerts.push({
        measureLabel: measure.label,
        unitName: line.name,
        kind: line.isOverdue ? 'overdue' : 'atRisk',
        kindLabel: line.isOverdue ? '逾期' : '存在风险',
        light: line.light,
        reason: line.reason,
        deadline: measure.deadline,
        order: measureIndex * 10_000 + unitIndex,
      });
    });
  });
  const weight = (alert: StatusReportAlert) => (alert.kind === 'overdue' ? 0 : alert.light === 'red' ? 1 : 2);
  alerts.sort((a, b) => weight(a) - weight(b) || a.order - b.order);

  const isOwner = input.issuedBy === null;
  const planTitle = plan.title?.trim() || UNTITLED_PLAN;
  const selves = measures.map((measure) => measure.units[0]!);
  return {
    header: {
      title: `关于${bookTitle(planTitle)}落实情况的${isOwner ? '通报' : '报告'}`,
      kind: isOwner ? 'circular' : 'report',
      planTitle,
      docNumber: plan.docNumber,
      issuer: plan.issuer?.trim() || plan.ownerName,
      unit,
      addressee: isOwner ? (plan.recipients.length > 0 ? plan.recipients.join('、') : rollup.children.map((child) => child.name).join('、') || null) : input.issuedBy!.name,
      asOf: input.asOf,
      asOfText: chineseDate(input.asOf),
    },
    summary: {
      measures: measures.length,
      counts: countLights(selves.map((self) => self.light)),
      overdue: selves.filter((self) => self.isOverdue).length,
      atRisk: selves.filter((self) => self.isAtRisk).length,
      completion: rollup.summary.completion,
      unitsIssued: rollup.children.length,
      unitsAcknowledged: rollup.children.filter((child) => child.acknowledgedAt !== null).length,
    },
    sections,
    ranking,
    alerts: alerts.map(({ order: _order, ...alert }) => alert),
  };
}
