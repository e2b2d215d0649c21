/**
 * Staff roles and what they may do. A role held at an org unit applies to that
 * unit's whole subtree. Roles map to permission patterns (`*.read` matches
 * `orgs.read`, `members.read`, …); modules declare the permissions themselves.
 *
 * 等保 level 3 separates three administrators (GB/T 22239-2019 8.1.4.2 c,
 * 8.1.5; security.md §1.9): the system administrator manages accounts and
 * roles, the security administrator unlocks accounts and resets second
 * factors, the audit administrator reads the audit trail — and nothing else.
 * No account holds two of them (a unique index in the database). The business
 * roles' wildcards never reach the administrators' namespaces.
 */
export const ROLE_LABELS = {
  clerk: '经办人',
  reviewer: '审核人',
  head: '负责人',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditadmin: '审计管理员',
} as const;

export type Role = keyof typeof ROLE_LABELS;

export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditadmin'];

export const isRole = (value: string): value is Role => Object.hasOwn(ROLE_LABELS, value);

/** Namespaces that only the administrator roles reach, by name, never by wildcard. */
const ADMIN_NAMESPACES = ['audit.', 'accounts.'];

const ROLE_PERMISSION_PATTERNS: Record<Role, string[]> = {
  // `*.issue`: passing a document down the tree and signing for it (下发、签收、分解) — the office
  // clerk does it, and so does the union's responsible person who signs it off (签发).
  // `*.supervise`: 督办, a leader's duty.
  clerk: ['*.read', '*.write', '*.issue', '*.reveal', '*.export'],
  reviewer: ['*.read', '*.review', '*.reveal'],
  head: ['*.read', '*.review', '*.approve', '*.issue', '*.supervise', '*.reveal', '*.export'],
  sysadmin: ['accounts.read', 'accounts.write', 'orgs.read'],
  secadmin: ['accounts.read', 'accounts.security'],
  auditadmin: ['audit.read', 'audit.export'],
};

function matches(pattern: string, permission: string): boolean {
  if (pattern === permission) return true;
  if (!pattern.startsWith('*.')) return false;
  return permission.endsWith(pattern.slice(1)) && !ADMIN_NAMESPACES.some((namespace) => permission.startsWith(namespace));
}

/** The declared permissions that the given roles grant. */
export function permissionsFor(roles: readonly string[], declared: readonly string[]): Set<string> {
  const patterns = roles.filter(isRole).flatMap((role) => ROLE_PERMISSION_PATTERNS[role]);
  return new Set(declared.filter((permission) => patterns.some((pattern) => matches(pattern, permission))));
}
