import { Tag } from 'antd';
import { CAMPAIGN_ROW_STATUS_LABELS, CAMPAIGN_STATUS_LABELS, type CampaignRowStatus, type CampaignStatus } from '../aid-vocabulary';

const COLORS: Record<CampaignStatus, string> = { draft: 'processing', approved: 'blue', distributed: 'success', cancelled: 'default' };
const ROW_COLORS: Record<CampaignRowStatus, string> = { listed: 'default', approved: 'blue', excluded: 'error', distributed: 'success' };

/** A campaign's state (名单编制中 → 名单已审批 → 已发放) as a tag. */
export function CampaignStatusTag({ status, testId }: { status: CampaignStatus; testId?: string }) {
  return (
    <Tag color={COLORS[status]} data-testid={testId}>
      {CAMPAIGN_STATUS_LABELS[status]}
    </Tag>
  );
}

/** A household's state on the list as a tag. */
export function CampaignRowStatusTag({ status }: { status: CampaignRowStatus }) {
  return <Tag color={ROW_COLORS[status]}>{CAMPAIGN_ROW_STATUS_LABELS[status]}</Tag>;
}
