import type { RequestContext } from '../../../../core/http/request-context';
import { requireUser } from '../../../../core/http/request-context';
import type { TPlanDraft, TPlanSection } from '../../contract';

export type DraftSource = { text: string; kind: 'text' | 'txt' | 'docx' | 'pdf'; fileName: string | null };

/**
 * Writes a parsed draft as a plan in status `draft` owned by the union at
 * `owner`: its meta, the original text, sections (nested, in document
 * order), measures and their indicators, each indicator with its source
 * sentence. Returns the plan's id.
 */
export async function storeDraft(ctx: RequestContext, owner: { id: number; path: string }, draft: TPlanDraft, source: DraftSource): Promise<number> {
  const user = requireUser(ctx);
  const now = ctx.now();
  const plan = await ctx.db
    .insertInto('plans_plan')
    .values({
      org_unit_id: owner.id,
      org_path: owner.path,
      title: draft.meta.title?.slice(0, 300) ?? null,
      issuer: draft.meta.issuer?.slice(0, 200) ?? null,
      doc_number: draft.meta.docNumber?.slice(0, 100) ?? null,
      doc_date: draft.meta.date,
      recipients: JSON.stringify(draft.meta.recipients.map((recipient) => recipient.slice(0, 100)).slice(0, 50)),
      notice_title: draft.meta.noticeTitle?.slice(0, 300) ?? null,
      original_text: source.text,
      source_kind: source.kind,
      source_file_name: source.fileName,
      created_by: user.account.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const insertSection = async (section: TPlanSection, parentId: number | null, position: number): Promise<void> => {
    const row = await ctx.db
      .insertInto('plans_section')
      .values({ plan_id: plan.id, parent_id: parentId, org_path: owner.path, position, no: section.no?.slice(0, 20) ?? null, title: section.title?.slice(0, 300) ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [index, measure] of section.measures.entries()) {
      const inserted = await ctx.db
        .insertInto('plans_measure')
        .values({
          plan_id: plan.id,
          section_id: row.id,
          org_unit_id: owner.id,
          org_path: owner.path,
          position: index,
          no: measure.no.slice(0, 20),
          // A measure always has a title: its first sentence, else its number.
          title: (measure.title || measure.text.slice(0, 80) || measure.no || '（无标题）').slice(0, 300),
          text: measure.text.slice(0, 20_000) || measure.title || '（无内容）',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (measure.targets.length > 0) {
        await ctx.db
          .insertInto('plans_indicator')
          .values(
            measure.targets.map((target, position) => ({
              plan_id: plan.id,
              measure_id: inserted.id,
              org_path: owner.path,
              position,
              value: target.value,
              approx: target.approx,
              comparator: target.comparator,
              unit: target.unit.slice(0, 20),
              subject: target.subject.slice(0, 100),
              period: target.period,
              source: target.source.slice(0, 2000),
              origin: 'parsed' as const,
            })),
          )
          .execute();
      }
    }
    for (const [index, child] of (section.sections ?? []).entries()) {
      await insertSection(child, row.id, index);
    }
  };
  for (const [index, section] of draft.sections.entries()) {
    await insertSection(section, null, index);
  }
  return plan.id;
}
