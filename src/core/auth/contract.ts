import { z } from 'zod';

/** Shared by the server and the web console: sign-in and the current user. */
export const ZLoginRequest = z.object({
  login: z
    .string({ message: '请输入账号' })
    .trim()
    .toLowerCase()
    .min(1, '请输入账号')
    .max(64, '账号过长'),
  password: z.string({ message: '请输入密码' }).min(1, '请输入密码').max(256, '密码过长'),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZOrgRef = z.object({ id: z.number().int(), name: z.string(), type: z.string(), code: z.string() });
export type TOrgRef = z.infer<typeof ZOrgRef>;

export const ZNavItem = z.object({ path: z.string(), label: z.string(), icon: z.string() });
export type TNavItem = z.infer<typeof ZNavItem>;

export const ZMe = z.object({
  account: z.object({ id: z.number().int(), login: z.string(), name: z.string() }),
  org: ZOrgRef,
  /** Every unit where the user holds a role: they may act for any of them. */
  orgs: z.array(ZOrgRef.extend({ roles: z.array(z.string()) })),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  nav: z.array(ZNavItem),
  /** Send back as the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

/** Where a sign-in stands: done, or waiting for the second factor (or its first set-up). */
export const ZSignInStage = z.enum(['full', 'second_factor', 'enrolment', 'password_change']);
export type TSignInStage = z.infer<typeof ZSignInStage>;

export const ZSignInResult = z.object({
  stage: ZSignInStage,
  csrfToken: z.string(),
  /** Present once the sign-in is complete. */
  me: ZMe.nullable(),
});
export type TSignInResult = z.infer<typeof ZSignInResult>;

export const ZSecondFactorRequest = z.object({
  code: z.string({ message: '请输入验证码' }).trim().min(6, '请输入 6 位验证码或恢复码').max(32, '验证码过长'),
});

export const ZTotpEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;

export const ZEnrolmentDone = ZSignInResult.extend({
  /** Shown once: each recovery code signs in once when the phone is lost. */
  recoveryCodes: z.array(z.string()),
});
export type TEnrolmentDone = z.infer<typeof ZEnrolmentDone>;

export const ZSwitchOrgRequest = z.object({ orgUnitId: z.number({ message: '请选择组织' }).int().positive() });

export const ZOk = z.object({ ok: z.literal(true) });

export const ZHealth = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  migration: z.string().nullable(),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type THealth = z.infer<typeof ZHealth>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string({ message: '请输入当前密码' }).min(1, '请输入当前密码').max(256),
  newPassword: z.string({ message: '请输入新密码' }).min(1, '请输入新密码').max(256),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
