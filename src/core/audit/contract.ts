import { z } from 'zod';

/** Shared by the server and the web console: the audit trail viewer (审计日志). */

export const AUDIT_READ = 'audit.read';
export const AUDIT_EXPORT = 'audit.export';

/** At most this many events per page of the viewer. */
export const AUDIT_PAGE_MAX = 200;
/** At most this many events in one export file. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type TAuditResult = (typeof AUDIT_RESULTS)[number];

export const AUDIT_CATEGORIES = ['auth', 'write', 'sensitive-read', 'export', 'admin'] as const;

// A query parameter left empty (`?actor=`) means "no filter".
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const dateTime = (label: string) =>
  z.iso.datetime({ offset: true, message: `${label}须为 ISO 8601 时间，如 2026-11-21T00:00:00+08:00` });

const filterShape = {
  /** The actor's login, exact. Also finds failed sign-ins typed with that login. */
  actor: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .max(64, '操作人账号过长')
      .regex(/^[a-z0-9_.-]+$/, '操作人请填写账号（小写字母、数字或 _ . -）'),
  ),
  /** Events whose actor acted for this unit or a unit below it. */
  orgUnitId: optional(z.coerce.number().int().positive()),
  /** An action (`auth.login`), or a prefix ending in a dot (`auth.`). */
  action: optional(
    z
      .string()
      .trim()
      .max(64, '操作类型过长')
      .regex(/^[a-zA-Z0-9_.-]+$/, '操作类型只含字母、数字或 _ . -'),
  ),
  result: optional(z.enum(AUDIT_RESULTS, { message: '结果须为 success、failure 或 denied' })),
  /** From this time on (inclusive). */
  from: optional(dateTime('开始时间')),
  /** Before this time (exclusive). */
  to: optional(dateTime('结束时间')),
};

const timesInOrder = (filter: { from?: string | undefined; to?: string | undefined }) =>
  !filter.from || !filter.to || Date.parse(filter.from) < Date.parse(filter.to);
const TIMES_IN_ORDER = { message: '结束时间须晚于开始时间', path: ['to'] };

/** The filters the viewer and the export share. */
export const ZAuditEventFilter = z.object(filterShape).refine(timesInOrder, TIMES_IN_ORDER);
export type TAuditEventFilter = z.infer<typeof ZAuditEventFilter>;

export const ZAuditEventsQuery = z
  .object({
    ...filterShape,
    /** Keyset cursor: events with a smaller seq than this (the previous page's `nextCursor`). */
    before: optional(z.coerce.number().int().positive()),
    limit: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX, `每页最多 ${AUDIT_PAGE_MAX} 条`).default(50),
    ),
  })
  .refine(timesInOrder, TIMES_IN_ORDER);
export type TAuditEventsQuery = z.infer<typeof ZAuditEventsQuery>;

export const ZAuditExportQuery = z
  .object({
    ...filterShape,
    /** 用途: why the trail is exported (PIPL art. 6); printed in the file and recorded in the audit event. */
    purpose: z
      .string({ message: '请填写导出用途' })
      .trim()
      .min(1, '请填写导出用途')
      .max(100, '导出用途不超过 100 个字'),
  })
  .refine(timesInOrder, TIMES_IN_ORDER);
export type TAuditExportQuery = z.infer<typeof ZAuditExportQuery>;

export const ZAuditEvent = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorLogin: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrgUnitId: z.number().int().nullable(),
  actorOrgName: z.string().nullable(),
  action: z.string(),
  category: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditEventPage = z.object({
  items: z.array(ZAuditEvent),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextCursor: z.number().int().nullable(),
});
export type TAuditEventPage = z.infer<typeof ZAuditEventPage>;

/** The export answers with the file itself (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). */

