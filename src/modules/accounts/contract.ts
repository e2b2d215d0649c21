import { z } from 'zod';
import { ADMIN_ROLES, type Role, ROLE_LABELS } from '../../core/access/roles';

/**
 * Staff account administration, shared by the server and the web console.
 * 等保 level 3 separates the administrators (GB/T 22239-2019 8.1.4.2 d, 8.1.5;
 * security.md §1.9): the system administrator creates accounts and grants
 * roles (accounts.write), the security administrator unlocks accounts and
 * resets second factors (accounts.security); both see the accounts that hold
 * a role in their subtree (accounts.read).
 */
export const ACCOUNTS_READ = 'accounts.read';
export const ACCOUNTS_WRITE = 'accounts.write';
export const ACCOUNTS_SECURITY = 'accounts.security';

export const ROLES = Object.keys(ROLE_LABELS) as [Role, ...Role[]];
export { ADMIN_ROLES, ROLE_LABELS, type Role };
export const isAdminRole = (role: string): boolean => (ADMIN_ROLES as readonly string[]).includes(role);

const ZRole = z.enum(ROLES, { message: '请选择角色' });

export const ZAccountListQuery = z.object({
  /** A unit in the caller's scope: accounts holding a role in its subtree. Default: the caller's own unit. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  /** A login or name prefix, or an exact mobile number. */
  q: z.string().trim().max(64, '搜索内容过长').optional(),
  /** Keyset cursor from the previous page's `nextCursor`. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TAccountListQuery = z.infer<typeof ZAccountListQuery>;

export const ZAccountRole = z.object({ orgUnitId: z.number().int(), orgName: z.string(), role: z.string() });
export type TAccountRole = z.infer<typeof ZAccountRole>;

export const ZAccountRow = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  /** `138****8000`; the full number is never sent. */
  phoneMasked: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  /** Locked after repeated failed sign-ins, until `lockedUntil`. */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  secondFactor: z.object({ required: z.boolean(), enrolled: z.boolean() }),
  /** Roles at units in the caller's scope only. */
  roles: z.array(ZAccountRole),
  /**
   * The account also holds roles outside the caller's scope: account-wide
   * changes (disable, unlock, reset of the second factor) are for a higher-level administrator.
   */
  managedElsewhere: z.boolean(),
  createdAt: z.string(),
});
export type TAccountRow = z.infer<typeof ZAccountRow>;

export const ZAccountList = z.object({ items: z.array(ZAccountRow), nextCursor: z.string().nullable() });
export type TAccountList = z.infer<typeof ZAccountList>;

export const ZAccountIdParams = z.object({ id: z.coerce.number().int().positive() });

export const LOGIN_PATTERN = /^[a-z0-9_.-]{3,64}$/;

export const ZCreateAccountRequest = z.object({
  login: z
    .string({ message: '请输入账号' })
    .trim()
    .toLowerCase()
    .regex(LOGIN_PATTERN, '账号须为 3–64 位小写字母、数字或 _ . -'),
  name: z.string({ message: '请输入姓名' }).trim().min(1, '请输入姓名').max(50, '姓名过长'),
  /** Mainland mobile; optional. Stored sealed, shown masked. */
  phone: z.string().trim().max(20, '手机号码过长').optional(),
  orgUnitId: z.number({ message: '请选择组织' }).int().positive(),
  roles: z
    .array(ZRole)
    .min(1, '请至少选择一个角色')
    .max(ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, '角色不能重复'),
});
export type TCreateAccountRequest = z.input<typeof ZCreateAccountRequest>;

export const ZCreatedAccount = z.object({
  account: ZAccountRow,
  /** Shown once to the administrator; the holder must change it at first sign-in. Never stored in clear. */
  initialPassword: z.string(),
});
export type TCreatedAccount = z.infer<typeof ZCreatedAccount>;

export const ZRoleChangeRequest = z.object({
  orgUnitId: z.number({ message: '请选择组织' }).int().positive(),
  role: ZRole,
});
export type TRoleChangeRequest = z.infer<typeof ZRoleChangeRequest>;
