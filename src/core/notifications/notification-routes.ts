import { defineRoute } from '../http/route';
import { ZMarkReadResult, ZNotificationIdParams, ZNotificationList, ZNotificationListQuery } from './contract';
import { listNotifications } from './list-notifications';
import { markAllNotificationsRead, markNotificationRead } from './mark-read';

// Reading and marking one's own notifications changes nothing of the union's
// records; the change that sent each notification was audited when it happened.

export const listNotificationsRoute = defineRoute({
  method: 'GET',
  url: '/notifications',
  summary: '我的站内通知（最新在前，按编号翻页）及未读数',
  access: 'signed-in',
  audit: 'none',
  query: ZNotificationListQuery,
  response: ZNotificationList,
  handler: ({ query, ctx }) => listNotifications(ctx, query),
});

export const markNotificationReadRoute = defineRoute({
  method: 'POST',
  url: '/notifications/:id/read',
  summary: '将一条站内通知标为已读',
  access: 'signed-in',
  audit: 'none',
  params: ZNotificationIdParams,
  response: ZMarkReadResult,
  handler: ({ params, ctx }) => markNotificationRead(ctx, params.id),
});

export const markAllNotificationsReadRoute = defineRoute({
  method: 'POST',
  url: '/notifications/read-all',
  summary: '将我的全部站内通知标为已读',
  access: 'signed-in',
  audit: 'none',
  response: ZMarkReadResult,
  handler: ({ ctx }) => markAllNotificationsRead(ctx),
});

export const NOTIFICATION_ROUTES = [listNotificationsRoute, markNotificationReadRoute, markAllNotificationsReadRoute];
