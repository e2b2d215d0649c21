import { Tag } from 'antd';
import { t } from '../../../web/i18n';
import type { TAidRecord } from '../aid-contract';
import { AID_STATUS_LABELS, type AidStatus } from '../aid-vocabulary';

const COLORS: Record<AidStatus, string> = {
  draft: 'processing',
  approved: 'blue',
  paid: 'gold',
  delivered: 'gold',
  received: 'success',
  refused: 'error',
  cancelled: 'default',
};

/** A record's state (the approval workflow's) as a tag. */
export function AidStatusTag({ status, testId }: { status: AidStatus; testId?: string }) {
  return (
    <Tag color={COLORS[status]} data-testid={testId}>
      {AID_STATUS_LABELS[status]}
    </Tag>
  );
}

/** 签收: who signed and which day (and that the sheet is on file), or 未签收. */
export const receiptText = (record: Pick<TAidRecord, 'receipt'>) =>
  record.receipt
    ? `${t('aid.receipt.signed', { signer: record.receipt.signer ?? '', day: record.receipt.receivedOn })}${record.receipt.fileId !== null ? t('aid.receipt.withFile') : ''}`
    : t('aid.receipt.none');
