import { Alert } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../web/i18n';
import { type TTransferRow, TRANSFER_REASON_LABELS } from '../contract';
import { labelOf } from './member-labels';

/** A transfer of this membership waiting for the receiving union: who asked, where to, and where it is decided. */
export function PendingTransferAlert({ transfer }: { transfer: TTransferRow }) {
  const reason = labelOf(TRANSFER_REASON_LABELS, transfer.reason);
  const sending = transfer.side === 'sending';
  return (
    <Alert
      type={sending ? 'info' : 'warning'}
      showIcon
      data-testid="pending-transfer"
      title={
        sending
          ? t('members.pendingTransfer.sending', { date: transfer.requestedOn, org: transfer.toOrgName, reason })
          : t('members.pendingTransfer.receiving', { from: transfer.fromOrgName, date: transfer.requestedOn, org: transfer.toOrgName, reason })
      }
      description={transfer.note ? t('members.transfers.note', { note: transfer.note }) : undefined}
      action={sending ? undefined : <Link to="/members/transfers">{t('members.pendingTransfer.open')}</Link>}
    />
  );
}
