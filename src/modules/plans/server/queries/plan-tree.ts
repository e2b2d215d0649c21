import type { RequestContext } from '../../../../core/http/request-context';
import type { TMeasureCadence, TPlanIndicator, TPlanMeasureNode, TPlanSectionNode, TTargetComparator } from '../../contract';
import { ownedRowVisible } from '../plan-access';

/** Numbers stored as `numeric` come back as text on both engines. */
export const toNumber = (value: string | number) => Number(value);

/** The binding as the screen shows it, with the metric's label and unit from the registry. */
export function bindingOf(ctx: RequestContext, metricId: string | null, params: unknown): TPlanIndicator['binding'] {
  if (metricId === null) return null;
  const metric = ctx.platform.metrics.get(metricId);
  return { metricId, params: (params as Record<string, unknown> | null) ?? {}, label: metric?.label ?? null, unit: metric?.unit ?? null };
}

/**
 * The sections, measures (those the caller may see: the document's and the
 * local ones of the unions on their side), indicators and responsible units
 * of a plan, as the nested tree the review screen draws.
 */
export async function loadPlanTree(ctx: RequestContext, plan: { id: number; org_unit_id: number }): Promise<TPlanSectionNode[]> {
  const [sections, measures, indicators, responsible] = await Promise.all([
    ctx.db
      .selectFrom('plans_section')
      .select(['id', 'parent_id', 'position', 'no', 'title'])
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('plans_measure as m')
      .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
      .select([
        'm.id',
        'm.section_id',
        'm.org_unit_id',
        'o.name as org_name',
        'm.position',
        'm.no',
        'm.title',
        'm.text',
        'm.version',
        'm.lead_department',
        'm.co_owners',
        'm.deadline',
        'm.cadence',
      ])
      .where('m.plan_id', '=', plan.id)
      .where(ownedRowVisible(ctx, 'm.plan_id', 'm.org_path'))
      .orderBy('m.position')
      .orderBy('m.id')
      .execute(),
    ctx.db.selectFrom('plans_indicator').selectAll().where('plan_id', '=', plan.id).orderBy('position').orderBy('id').execute(),
    ctx.db
      .selectFrom('plans_measure_unit as r')
      .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
      .select(['r.measure_id', 'o.id', 'o.name'])
      .where('r.plan_id', '=', plan.id)
      .orderBy('o.path')
      .execute(),
  ]);

  const indicatorsOf = new Map<number, TPlanIndicator[]>();
  for (const row of indicators) {
    const list = indicatorsOf.get(row.measure_id) ?? [];
    list.push({
      id: row.id,
      measureId: row.measure_id,
      value: toNumber(row.value),
      approx: row.approx,
      comparator: row.comparator as TTargetComparator,
      unit: row.unit,
      subject: row.subject,
      period: row.period,
      source: row.source,
      origin: row.origin,
      binding: bindingOf(ctx, row.metric_id, row.metric_params),
    });
    indicatorsOf.set(row.measure_id, list);
  }
  const responsibleOf = new Map<number, { id: number; name: string }[]>();
  for (const row of responsible) {
    const list = responsibleOf.get(row.measure_id) ?? [];
    list.push({ id: row.id, name: row.name });
    responsibleOf.set(row.measure_id, list);
  }
  const measuresOf = new Map<number, TPlanMeasureNode[]>();
  for (const row of measures) {
    const list = measuresOf.get(row.section_id) ?? [];
    list.push({
      id: row.id,
      sectionId: row.section_id,
      no: row.no,
      title: row.title,
      text: row.text,
      version: row.version,
      isLocal: row.org_unit_id !== plan.org_unit_id,
      orgUnit: { id: row.org_unit_id, name: row.org_name },
      assignment: {
        leadDepartment: row.lead_department,
        coOwners: (row.co_owners as string[] | null) ?? [],
        responsibleUnits: responsibleOf.get(row.id) ?? [],
        deadline: row.deadline,
        cadence: row.cadence as TMeasureCadence | null,
      },
      // Indicators of measures the caller cannot see are not in the map's lists they read.
      indicators: indicatorsOf.get(row.id) ?? [],
    });
    measuresOf.set(row.section_id, list);
  }
  const childrenOf = new Map<number | null, typeof sections>();
  for (const section of sections) {
    const list = childrenOf.get(section.parent_id) ?? [];
    list.push(section);
    childrenOf.set(section.parent_id, list);
  }
  const build = (parentId: number | null): TPlanSectionNode[] =>
    (childrenOf.get(parentId) ?? []).map((section) => ({
      id: section.id,
      no: section.no,
      title: section.title,
      measures: measuresOf.get(section.id) ?? [],
      sections: build(section.id),
    }));
  return build(null);
}

/** Every measure of a tree in document order. */
export function treeMeasures(sections: readonly TPlanSectionNode[]): TPlanMeasureNode[] {
  return sections.flatMap((section) => [...section.measures, ...treeMeasures(section.sections)]);
}

export const countSections = (sections: readonly TPlanSectionNode[]): number =>
  sections.reduce((sum, section) => sum + 1 + countSections(section.sections), 0);
