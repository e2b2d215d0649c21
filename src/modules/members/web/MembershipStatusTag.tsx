import { Tag } from 'antd';
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from '../contract';
import { labelOf, STATUS_COLORS } from './member-labels';

/** 会籍状态 as a coloured tag. */
export function MembershipStatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLORS[status as MembershipStatus] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="membership-status">
      {labelOf(MEMBERSHIP_STATUS_LABELS, status)}
    </Tag>
  );
}
