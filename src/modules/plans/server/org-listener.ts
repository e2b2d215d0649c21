import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema';
import type { OrgChangeListener, UnitHandover } from '../../../core/org/org-changes';
import { handOverAssessment } from './org-changes/hand-over-assessment';
import { handOverPlanWork } from './org-changes/hand-over-plan-work';
import { handOverSupervision } from './org-changes/hand-over-supervision';
import { followMove } from './org-changes/follow-move';

/**
 * What a dissolved or merged union leaves in the plans module goes to the
 * receiving union (the heir), in the orgs module's transaction, as the union
 * that dissolves it (row-level security: what the acting union may write).
 * Nothing breaks a unique key: where the heir already holds the same thing,
 * the heir's stays. Per table, what an officer at the heir would expect:
 *
 * - Plans, local measures, receipts, allocations, reports, reviews: the heir's
 *   (hand-over-plan-work.ts); a duplicate receipt or allocation is dropped, a
 *   duplicate report stays where it was, history.
 * - 督办 addressed to the union (plans_supervision): open items go to the heir
 *   and the heir answers them; items the union issued are the heir's to chase.
 *   Both only while the supervising union lies above the supervised one
 *   (issue-supervision.ts): an item that would chase the heir by itself, or
 *   by a union not above it, is closed with a line in its log saying why.
 *   Closed items stay addressed to the gone union, history, with the heir's
 *   path so the heir sees them.
 * - The action log (plans_supervision_action) is never rewritten; it takes its
 *   item's path. Automatic reminders (plans_auto_reminder) keep the union that
 *   was reminded and take the heir's path; the reminder job reminds the heir
 *   itself for the measures it is responsible for (its staff were never told).
 * - Schemes the union issued (plans_assessment_scheme): the heir is the issuing
 *   union; the issuer's path follows in rounds, assessed places, entries, the
 *   adjustment log and published results (visibility only).
 * - The union as an assessed union (plans_assessment_unit): it leaves each
 *   scheme (never ranked again). Its place goes to the heir when the heir may be
 *   assessed by the scheme (strictly below the issuer, scheme-fields.ts) and
 *   is not yet: its entries in open rounds move over (none collides: the heir
 *   had none there), its standing adjustments are re-logged for the heir.
 *   Where the heir is assessed already, its own place, entries and rank stand
 *   and the gone union's entries and adjustments stay as they were, history.
 * - Published rounds (plans_assessment_result) are frozen snapshots: the gone
 *   union keeps its row, total and rank; only its path becomes the heir's so
 *   the heir sees it (round-sheets.ts reads a published round from the
 *   snapshot alone, not from the scheme's current list).
 *
 * Rows of a scheme issued above the acting union are its issuer's: row-level
 * security leaves them, and the issuer edits its scheme.
 */
async function unitHandedOver(db: Kysely<DB>, handover: UnitHandover) {
  const count = (await handOverPlanWork(db, handover)) + (await handOverSupervision(db, handover)) + (await handOverAssessment(db, handover));
  return { label: '工作部署（发文、收文、分解、进展报告、督办与考核）', count };
}

export const plansOrgListener: OrgChangeListener = { subtreeMoved: followMove, unitHandedOver };
