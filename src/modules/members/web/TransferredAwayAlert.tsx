import { Alert } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../web/i18n';
import type { TMemberDetail } from '../contract';

/**
 * On a membership that was transferred out: where the member is now (the
 * latest 转入 of the person into another membership), with the way there.
 */
export function TransferredAwayAlert({ member }: { member: TMemberDetail }) {
  if (member.status !== 'transferred') return null;
  const moved = member.history.filter((event) => event.kind === 'transferred_in' && event.membershipId !== member.id).at(-1);
  if (!moved) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="transferred-away"
      title={t('members.detail.transferredAway', { date: moved.on, org: moved.orgName })}
      action={<Link to={`/members/${moved.membershipId}`}>{t('members.detail.viewCurrent')}</Link>}
    />
  );
}
