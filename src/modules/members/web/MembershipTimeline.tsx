import { Card, Empty, Timeline } from 'antd';
import { t } from '../../../web/i18n';
import { MEMBERSHIP_EVENT_LABELS, type MembershipEventKind, type TMemberDetail } from '../contract';
import { labelOf } from './member-labels';

type MembershipEvent = TMemberDetail['history'][number];

const COLORS: Partial<Record<MembershipEventKind, string>> = {
  approved: 'green',
  transferred_in: 'green',
  reactivated: 'green',
  refused: 'red',
  expelled: 'red',
  transfer_refused: 'red',
  exited: 'gray',
  deceased: 'gray',
  transfer_cancelled: 'gray',
};

/** Where the other union stands in an event: the one moved to, the one come from, or just related. */
function otherUnion(event: MembershipEvent): string | undefined {
  if (!event.otherOrgName) return undefined;
  if (event.kind === 'transferred_in') return t('members.history.from', { org: event.otherOrgName });
  if (event.kind.startsWith('transfer_')) return t('members.history.to', { org: event.otherOrgName });
  return t('members.history.other', { org: event.otherOrgName });
}

/** 会籍历史: every event of the person's memberships across unions, oldest first. */
export function MembershipTimeline({ history }: { history: TMemberDetail['history'] }) {
  return (
    <Card size="small" title={t('members.detail.history')} className="member-history" data-testid="member-history">
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.detail.historyEmpty')} />
      ) : (
        <Timeline
          items={history.map((event) => ({
            key: event.id,
            color: COLORS[event.kind as MembershipEventKind] ?? 'blue',
            content: (
              <div className="history-event" data-testid="history-event">
                <div className="history-event-head">
                  <span className="history-event-kind">{labelOf(MEMBERSHIP_EVENT_LABELS, event.kind)}</span>
                  <span className="history-event-date">{event.on}</span>
                </div>
                <div className="history-event-org">{event.orgName}</div>
                {otherUnion(event) && <div className="history-event-line">{otherUnion(event)}</div>}
                {event.reason && <div className="history-event-line">{t('members.history.reason', { reason: event.reason })}</div>}
                {event.actorName && <div className="history-event-actor">{t('members.history.actor', { name: event.actorName })}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
