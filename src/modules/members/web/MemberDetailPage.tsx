import { Spin } from 'antd';
import { useParams } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { NotFoundPage } from '../../../web/pages/ResultPages';
import { useMe } from '../../../web/session/session';
import { fetchMember } from './api';
import { MemberActions } from './MemberActions';
import { MemberHeaderCard } from './MemberHeaderCard';
import { MemberProfileCard } from './MemberProfileCard';
import { MembershipTimeline } from './MembershipTimeline';
import { PendingTransferAlert } from './PendingTransferAlert';
import { TransferredAwayAlert } from './TransferredAwayAlert';
import './members.css';

/** One membership (/members/:id): identity, the actions its status allows, the profile and the history. */
export function MemberDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const membershipId = Number(id);
  const valid = Number.isInteger(membershipId) && membershipId > 0;
  const detail = useLoad(() => (valid ? fetchMember(membershipId) : Promise.resolve(undefined)), [membershipId, me.org.id]);

  if (!valid) return <NotFoundPage />;
  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  const member = detail.data;
  if (!member) return <Spin className="page-spin" description={t('app.loading')} />;
  return (
    <div className="member-detail" data-testid="member-detail">
      <MemberHeaderCard member={member} actions={<MemberActions member={member} onChanged={detail.reload} />} />
      {member.pendingTransfer && <PendingTransferAlert transfer={member.pendingTransfer} />}
      <TransferredAwayAlert member={member} />
      <div className="member-detail-body">
        <MemberProfileCard member={member} />
        <MembershipTimeline history={member.history} />
      </div>
    </div>
  );
}
