import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Badge, Card, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TTransferRow } from '../contract';
import { acceptTransfer, cancelTransfer, fetchTransfers, refuseTransfer } from './api';
import { ReasonDialog } from './ReasonDialog';
import { type TransferDecision, TransferTable } from './TransferTable';
import './members.css';

type Direction = 'incoming' | 'outgoing';

/** Pending rows first, otherwise the server's order (newest first). */
const pendingFirst = (rows: TTransferRow[]) =>
  [...rows].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));

/**
 * 转会 (/members/transfers): transfers into the user's union to receive or
 * refuse, and the ones it sent out, which it may withdraw while pending.
 */
export function TransfersPage() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [tab, setTab] = useState<Direction>('incoming');
  const [busyId, setBusyId] = useState<number | undefined>();
  const [refusing, setRefusing] = useState<TTransferRow | undefined>();
  const [memberLinks, setMemberLinks] = useState<Record<number, number>>({});
  const canDecide = me.permissions.includes('members.write');
  const incoming = useLoad(() => fetchTransfers({ direction: 'incoming' }), [me.org.id]);
  const outgoing = useLoad(() => fetchTransfers({ direction: 'outgoing' }), [me.org.id]);
  const reloadBoth = () => {
    incoming.reload();
    outgoing.reload();
  };

  const run = async (transfer: TTransferRow, call: () => Promise<{ membershipId: number }>, done: string) => {
    setBusyId(transfer.id);
    try {
      const result = await call();
      if (result.membershipId !== transfer.membershipId) setMemberLinks((previous) => ({ ...previous, [transfer.id]: result.membershipId }));
      void message.success(done);
      reloadBoth();
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setBusyId(undefined);
    }
  };

  const decide = (transfer: TTransferRow, decision: TransferDecision) => {
    const names = { name: transfer.personName, org: transfer.toOrgName };
    if (decision === 'refuse') {
      setRefusing(transfer);
      return;
    }
    const accept = decision === 'accept';
    modal.confirm({
      title: accept ? t('members.transfers.confirmAccept', names) : t('members.transfers.confirmCancel', names),
      okText: accept ? t('members.transfers.accept') : t('members.transfers.cancel'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(
          transfer,
          () => (accept ? acceptTransfer(transfer.id) : cancelTransfer(transfer.id)),
          accept ? t('members.transfers.accepted', names) : t('members.transfers.cancelled', names),
        ),
    });
  };

  const pendingIn = incoming.data?.items.filter((row) => row.status === 'pending').length ?? 0;
  const table = (direction: Direction) => {
    const state = direction === 'incoming' ? incoming : outgoing;
    if (state.error) return <LoadError error={state.error} onRetry={state.reload} inline />;
    return (
      <TransferTable
        direction={direction}
        rows={direction === 'incoming' ? pendingFirst(state.data?.items ?? []) : (state.data?.items ?? [])}
        loading={state.loading}
        canDecide={canDecide}
        busyId={busyId}
        memberLinks={memberLinks}
        onDecide={decide}
      />
    );
  };

  return (
    <Card size="small" className="transfers-card" data-testid="transfers-page">
      <Link to="/members" className="member-back">
        <ArrowLeftOutlined /> {t('members.detail.back')}
      </Link>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Direction)}
        items={[
          {
            key: 'incoming',
            label: (
              <span data-testid="transfers-tab-incoming">
                {t('members.transfers.incoming')} <Badge count={pendingIn} size="small" />
              </span>
            ),
            children: table('incoming'),
          },
          { key: 'outgoing', label: <span data-testid="transfers-tab-outgoing">{t('members.transfers.outgoing')}</span>, children: table('outgoing') },
        ]}
      />
      <ReasonDialog
        open={refusing !== undefined}
        title={t('members.transfers.refuseTitle', { name: refusing?.personName ?? '' })}
        reasonRequired
        placeholder={t('members.transfers.refusePlaceholder')}
        okText={t('members.transfers.refuse')}
        danger
        onCancel={() => setRefusing(undefined)}
        onSubmit={async ({ reason }) => {
          if (!refusing) return;
          await refuseTransfer(refusing.id, { reason });
          void message.success(t('members.transfers.refused', { name: refusing.personName }));
          setRefusing(undefined);
          reloadBoth();
        }}
      />
    </Card>
  );
}
