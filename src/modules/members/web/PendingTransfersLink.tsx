import { SwapOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { Link } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { t } from '../../../web/i18n';
import { fetchTransfers } from './api';

/** 转会 with the number of transfers waiting for the caller's union to receive them. */
export function PendingTransfersLink({ orgId }: { orgId: number }) {
  const pending = useLoad(() => fetchTransfers({ direction: 'incoming', status: 'pending' }), [orgId]);
  const count = pending.data?.items.length ?? 0;
  const button = (
    <Link to="/members/transfers" data-testid="transfers-link">
      <Badge count={count} size="small" offset={[-4, 2]}>
        <Button icon={<SwapOutlined />}>{t('members.transfers')}</Button>
      </Badge>
    </Link>
  );
  return count > 0 ? <Tooltip title={t('members.transfersPending', { count })}>{button}</Tooltip> : button;
}
