/**
 * Staff roles and what they may do. A role held at an org unit applies to that
 * unit's whole subtree. Roles map to permission patterns (`*.read` matches
 * `orgs.read`, `members.read`, …); modules declare the permissions themselves.
 * The separated administrators of 等保 level 3 come with the access issue.
 */
export const ROLE_LABELS = {
  clerk: '经办人',
  reviewer: '审核人',
  head: '负责人',
} as const;

export type Role = keyof typeof ROLE_LABELS;

export const isRole = (value: string): value is Role => Object.hasOwn(ROLE_LABELS, value);

const ROLE_PERMISSION_PATTERNS: Record<Role, string[]> = {
  clerk: ['*.read', '*.write'],
  reviewer: ['*.read', '*.review'],
  head: ['*.read', '*.review', '*.approve'],
};

const matches = (pattern: string, permission: string) =>
  pattern === permission ||
  (pattern.startsWith('*.') && permission.endsWith(pattern.slice(1)));

/** The declared permissions that the given roles grant. */
export function permissionsFor(roles: readonly string[], declared: readonly string[]): Set<string> {
  const patterns = roles.filter(isRole).flatMap((role) => ROLE_PERMISSION_PATTERNS[role]);
  return new Set(declared.filter((permission) => patterns.some((pattern) => matches(pattern, permission))));
}
