import { z } from 'zod';

/** In-app notifications: shared by the server and the console's bell. */

export const ZNotification = z.object({
  id: z.number().int(),
  module: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path within the console to open, or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = z.object({
  /** Keyset cursor: notifications older than this id (newest first). */
  before: z.coerce.number({ message: '分页游标（before）应为数字' }).int().positive().optional(),
  limit: z.coerce.number({ message: '每页条数（limit）应为数字' }).int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});

export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  /** How many of the caller's notifications are unread (all pages). */
  unread: z.number().int(),
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: z.number().int().nullable(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationIdParams = z.object({ id: z.coerce.number({ message: '通知编号应为数字' }).int().positive() });

export const ZMarkReadResult = z.object({ unread: z.number().int() });
export type TMarkReadResult = z.infer<typeof ZMarkReadResult>;
