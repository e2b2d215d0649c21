/** UI text of the header's notification bell (简体中文). */
export const notificationMessages = {
  'notifications.title': '站内通知',
  'notifications.bell': '站内通知，{count} 条未读',
  'notifications.empty': '暂无通知',
  'notifications.readAll': '全部标为已读',
  'notifications.more': '加载更多',
} as const;
