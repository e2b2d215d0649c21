import type { OrgUnitSummary } from '../org/tree';

/**
 * Who may take a transition, as data: a permission, held at a union that
 * stands in a given place relative to the record's own union. "A grassroots
 * clerk submits, the county union reviews, the city union approves" is
 *
 *   submit:  { permission: 'leave.write',   level: 'own' }
 *   review:  { permission: 'leave.review',  level: { ancestorType: 'county' } }
 *   approve: { permission: 'leave.approve', level: { ancestorType: 'city' } }
 *
 * and a deployment changes the route by passing another table (withRoute).
 * Levels, relative to the record's union R:
 * - `own`: R itself;
 * - `parent`: the union directly above R;
 * - `{ ancestorType }`: the nearest union above R whose org_unit.type is one of
 *   the given codes (`['county', 'city']`: the county, or the city where a
 *   市直 union has no county above it);
 * - `any-ancestor`: any union above R.
 * The permission is checked against the user's roles at the union they act for.
 */
export type ActorLevel = 'own' | 'parent' | 'any-ancestor' | { ancestorType: string | readonly string[] };

export type ActorRule = { permission: string; level: ActorLevel };

/** One rule, or several of which any one suffices. */
export type ActorRules = ActorRule | readonly ActorRule[];

export type Actor = { orgUnitId: number; permissions: ReadonlySet<string> };

export type ActorRefusal = { reason: 'permission' | 'level'; message: string };

export const actorRuleList = (rules: ActorRules): readonly ActorRule[] => (Array.isArray(rules) ? rules : [rules as ActorRule]);

/** The unions that `level` designates for a record whose union chain is `chain` (root first, R last); empty when none. */
function designatedUnits(level: ActorLevel, chain: readonly OrgUnitSummary[]): readonly OrgUnitSummary[] {
  const own = chain.at(-1);
  const above = chain.slice(0, -1);
  if (level === 'own') return own ? [own] : [];
  if (level === 'parent') return above.length > 0 ? [above.at(-1)!] : [];
  if (level === 'any-ancestor') return above;
  const types: readonly string[] = typeof level.ancestorType === 'string' ? [level.ancestorType] : level.ancestorType;
  const nearest = [...above].reverse().find((unit) => types.includes(unit.type));
  return nearest ? [nearest] : [];
}

function whoMayAct(level: ActorLevel, chain: readonly OrgUnitSummary[]): string {
  if (level === 'any-ancestor') return '上级工会';
  const units = designatedUnits(level, chain);
  if (units.length === 0) return level === 'own' ? '记录所属工会' : '指定的上级工会（该记录的上级中没有此类组织，请联系管理员调整审批路线）';
  return `“${units.map((unit) => unit.name).join('”或“')}”`;
}

/**
 * Null when the actor satisfies one of the rules for a record whose union
 * chain (root first, the record's union last) is `chain`; otherwise why not,
 * in Chinese, naming the union that may act.
 */
export function checkActor(actor: Actor, rules: ActorRules, chain: readonly OrgUnitSummary[], actionLabel: string): ActorRefusal | null {
  const list = actorRuleList(rules);
  const held = list.filter((rule) => actor.permissions.has(rule.permission));
  if (held.length === 0) {
    return { reason: 'permission', message: `您没有“${actionLabel}”的权限` };
  }
  if (held.some((rule) => designatedUnits(rule.level, chain).some((unit) => unit.id === actor.orgUnitId))) {
    return null;
  }
  const who = [...new Set(held.map((rule) => whoMayAct(rule.level, chain)))].join('或');
  return { reason: 'level', message: `“${actionLabel}”须由${who}办理` };
}
