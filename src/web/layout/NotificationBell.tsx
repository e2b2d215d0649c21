import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { type TNotification, type TNotificationList, ZMarkReadResult, ZNotificationList } from '../../core/notifications/contract';
import { apiGet, apiPost } from '../api/client';
import { t } from '../i18n';

/** How often the bell asks for new notifications while the console is open. */
const POLL_MS = 60_000;

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * The header bell: the unread count, and on click the latest notifications;
 * clicking one marks it read and opens its link. Polls once a minute (a
 * notification is a nudge, not a chat).
 */
export function NotificationBell() {
  const navigate = useNavigate();
  const [list, setList] = useState<TNotificationList | undefined>();
  const [open, setOpen] = useState(false);
  const refresh = useCallback(() => {
    apiGet('/api/notifications?limit=10', ZNotificationList).then(setList, () => undefined);
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const openItem = async (item: TNotification) => {
    setOpen(false);
    if (!item.readAt) {
      const result = await apiPost(`/api/notifications/${item.id}/read`, {}, ZMarkReadResult).catch(() => undefined);
      if (result) setList((current) => current && { ...current, unread: result.unread, items: current.items.map((entry) => (entry.id === item.id ? { ...entry, readAt: new Date().toISOString() } : entry)) });
    }
    if (item.link) void navigate(item.link);
  };
  const readAll = async () => {
    await apiPost('/api/notifications/read-all', {}, ZMarkReadResult).catch(() => undefined);
    refresh();
  };

  const unread = list?.unread ?? 0;
  const content = !list ? (
    <Spin size="small" />
  ) : list.items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
  ) : (
    <div className="notification-list" data-testid="notification-list">
      {list.items.map((item) => (
        <button type="button" key={item.id} className={`notification-item${item.readAt ? '' : ' is-unread'}`} onClick={() => void openItem(item)}>
          <span className="notification-item-title">{item.title}</span>
          {item.body ? <span className="notification-item-body">{item.body}</span> : null}
          <span className="notification-item-time">{when(item.createdAt)}</span>
        </button>
      ))}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) refresh();
      }}
      title={
        <div className="notification-head">
          <span>{t('notifications.title')}</span>
          {unread > 0 ? (
            <Button type="link" size="small" onClick={() => void readAll()}>
              {t('notifications.readAll')}
            </Button>
          ) : null}
        </div>
      }
      content={content}
    >
      <button type="button" className="header-bell" aria-label={t('notifications.bell', { count: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[2, -2]}>
          <BellOutlined className="header-bell-icon" />
        </Badge>
      </button>
    </Popover>
  );
}
