import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { t } from '../../../web/i18n';
import { type TTransferRow, TRANSFER_REASON_LABELS } from '../contract';
import { labelOf, transferStatusLabel } from './member-labels';

const STATUS_COLORS: Record<string, string> = { pending: 'gold', accepted: 'green', refused: 'red', cancelled: 'default' };

export type TransferDecision = 'accept' | 'refuse' | 'cancel';

/**
 * Transfers of one direction: the member (masked), both unions, reason, dates
 * and status; pending rows carry 接收 / 拒收 (incoming) or 撤回 (outgoing) when `canDecide`.
 * `memberLinks` points a row's member at the membership a decision created (an accepted transfer).
 */
export function TransferTable({
  direction,
  rows,
  loading,
  canDecide,
  busyId,
  memberLinks,
  onDecide,
}: {
  direction: 'incoming' | 'outgoing';
  rows: TTransferRow[];
  loading: boolean;
  canDecide: boolean;
  busyId: number | undefined;
  memberLinks: Readonly<Record<number, number>>;
  onDecide: (transfer: TTransferRow, decision: TransferDecision) => void;
}) {
  const none = t('members.none');
  const columns: ColumnsType<TTransferRow> = [
    {
      title: t('members.transfers.col.member'),
      key: 'member',
      width: 190,
      render: (_, row) => (
        <div className="transfer-member">
          <Link to={`/members/${memberLinks[row.id] ?? row.membershipId}`} data-testid={`transfer-member-${row.id}`}>
            {row.personName}
          </Link>
          <span className="mono transfer-member-id">{row.idNumberMasked}</span>
        </div>
      ),
    },
    { title: t('members.transfers.col.from'), dataIndex: 'fromOrgName', ellipsis: { showTitle: true } },
    { title: t('members.transfers.col.to'), dataIndex: 'toOrgName', ellipsis: { showTitle: true } },
    {
      title: t('members.transfers.col.reason'),
      key: 'reason',
      width: 150,
      render: (_, row) => {
        const label = labelOf(TRANSFER_REASON_LABELS, row.reason);
        return row.note ? (
          <Tooltip title={t('members.transfers.note', { note: row.note })}>
            <span className="with-note">{label}</span>
          </Tooltip>
        ) : (
          label
        );
      },
    },
    { title: t('members.transfers.col.requestedOn'), dataIndex: 'requestedOn', width: 104 },
    {
      title: t('members.transfers.col.status'),
      key: 'status',
      width: 86,
      render: (_, row) => {
        const tag = (
          <Tag color={STATUS_COLORS[row.status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={`transfer-status-${row.id}`}>
            {transferStatusLabel(row.status)}
          </Tag>
        );
        return row.refusalReason ? <Tooltip title={t('members.transfers.refusalReason', { reason: row.refusalReason })}>{tag}</Tooltip> : tag;
      },
    },
    { title: t('members.transfers.col.decidedOn'), dataIndex: 'decidedOn', width: 104, render: (value: string | null) => value ?? none },
  ];
  if (canDecide) {
    columns.push({
      title: t('members.transfers.col.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, row) =>
        row.status !== 'pending' ? null : direction === 'incoming' ? (
          <Space size={0}>
            <Button type="link" size="small" disabled={busyId === row.id} onClick={() => onDecide(row, 'accept')} data-testid={`transfer-accept-${row.id}`}>
              {t('members.transfers.accept')}
            </Button>
            <Button type="link" size="small" danger disabled={busyId === row.id} onClick={() => onDecide(row, 'refuse')} data-testid={`transfer-refuse-${row.id}`}>
              {t('members.transfers.refuse')}
            </Button>
          </Space>
        ) : (
          <Button type="link" size="small" disabled={busyId === row.id} onClick={() => onDecide(row, 'cancel')} data-testid={`transfer-cancel-${row.id}`}>
            {t('members.transfers.cancel')}
          </Button>
        ),
    });
  }
  return (
    <Table<TTransferRow>
      data-testid={`transfer-table-${direction}`}
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('members.transfers.empty') }}
    />
  );
}
